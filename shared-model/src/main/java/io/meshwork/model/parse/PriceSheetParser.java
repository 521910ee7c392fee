package io.meshwork.model.parse;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.pricing.PriceSheet;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the provider's price sheet ({@code kind: PriceSheet}, e.g. {@code prices.yaml} in the catalogue) and checks
 * it: CHF, every price a non-negative decimal, subscription prices in whole centimes, subscribed products defined in
 * the catalogue. Every problem is reported with its file, line and column.
 */
public final class PriceSheetParser {

  static final String KIND = "PriceSheet";
  private static final List<String> KEYS = List.of("apiVersion", "kind", "currency", "computePerGbSecond",
      "storagePerGbMonth", "scanPerTb", "marginPercent", "assumedMemoryMb", "subscriptionPerMonth", "subscriptions");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,12})?");
  private static final Pattern CENTIMES = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,2})?");
  private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]{1,4}");

  private PriceSheetParser() {
  }

  /**
   * The price sheet in {@code path} of {@code files}, checked against {@code catalog}.
   *
   * @throws io.meshwork.model.definition.InvalidDefinitionException listing every problem of the file
   */
  public static PriceSheet load(DefinitionFiles files, String path, Catalog catalog) {
    Problems problems = new Problems();
    String text = files.read(path).orElseThrow(() -> new IllegalArgumentException("No file " + path));
    Optional<List<Node>> documents = YamlFiles.compose(path, text, problems, "a price sheet");
    PriceSheet sheet = null;
    if (documents.isPresent()) {
      if (documents.get().size() != 1) {
        problems.error(Location.of(path), "A price sheet holds one document, found %d. Keep one.",
            documents.get().size());
      } else {
        sheet = new YamlNode(path, documents.get().get(0), problems).asMap("The price sheet")
            .flatMap(document -> parse(document, catalog, problems)).orElse(null);
      }
    }
    problems.throwIfAny();
    return sheet;
  }

  private static Optional<PriceSheet> parse(YamlMap document, Catalog catalog, Problems problems) {
    document.allowOnly("PriceSheet", KEYS);
    OwnFileHeader.check(document, KIND, "A price sheet", problems);
    Optional<String> currency = document.requiredText("The price sheet", "currency", PriceSheet.CURRENCY)
        .filter(value -> {
          if (!value.equals(PriceSheet.CURRENCY)) {
            problems.error(document.locationOf("currency"), "Prices are in %s, found currency '%s'. Write "
                + "'currency: %s' and give every price in %s.", PriceSheet.CURRENCY, value, PriceSheet.CURRENCY,
                PriceSheet.CURRENCY);
            return false;
          }
          return true;
        });
    Optional<BigDecimal> compute = price(document, "computePerGbSecond", "0.0000166667", DECIMAL, problems);
    Optional<BigDecimal> storage = price(document, "storagePerGbMonth", "0.025", DECIMAL, problems);
    Optional<BigDecimal> scan = price(document, "scanPerTb", "5.00", DECIMAL, problems);
    Optional<BigDecimal> margin = price(document, "marginPercent", "15", DECIMAL, problems);
    Optional<BigDecimal> subscription = price(document, "subscriptionPerMonth", "0", CENTIMES, problems);
    Optional<Integer> memory = document.requiredText("The price sheet", "assumedMemoryMb", "1024")
        .filter(value -> {
          if (!MEMORY.matcher(value).matches() || Integer.parseInt(value) < 128 || Integer.parseInt(value) > 10240) {
            problems.error(document.locationOf("assumedMemoryMb"), "'assumedMemoryMb' is '%s': give the memory in "
                + "MB that steps outside a Lambda function are charged for, 128 to 10240, e.g. "
                + "'assumedMemoryMb: 1024'.", value);
            return false;
          }
          return true;
        }).map(Integer::valueOf);
    Map<String, BigDecimal> subscriptions = subscriptions(document, catalog, problems);
    if (currency.isEmpty() || compute.isEmpty() || storage.isEmpty() || scan.isEmpty() || margin.isEmpty()
        || subscription.isEmpty() || memory.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PriceSheet(currency.get(), compute.get(), storage.get(), scan.get(), margin.get(),
        memory.get(), subscription.get(), subscriptions, document.location()));
  }

  private static Map<String, BigDecimal> subscriptions(YamlMap document, Catalog catalog, Problems problems) {
    Map<String, BigDecimal> prices = new TreeMap<>();
    Optional<YamlMap> map = document.optionalMap("The price sheet", "subscriptions");
    if (map.isEmpty()) {
      return prices;
    }
    List<String> products = catalog.products().stream().map(DataProduct::name).distinct().sorted().toList();
    for (String product : map.get().keys()) {
      if (!products.contains(product)) {
        problems.error(map.get().keyLocation(product), "The catalogue defines no product '%s'.%s Price only "
            + "products of the catalogue: %s.", product, Suggestions.didYouMean(product, products),
            String.join(", ", products));
        continue;
      }
      price(map.get(), product, "120.00", CENTIMES, problems).ifPresent(price -> prices.put(product, price));
    }
    return prices;
  }

  private static Optional<BigDecimal> price(YamlMap map, String key, String example, Pattern pattern,
      Problems problems) {
    return map.requiredText("The price sheet", key, example).flatMap(value -> {
      if (!pattern.matcher(value).matches()) {
        problems.error(map.locationOf(key), "'%s' is '%s', not a price in %s: write a non-negative decimal with a "
            + "point%s, e.g. '%s: %s'.", key, value, PriceSheet.CURRENCY,
            pattern == CENTIMES ? " and at most two decimals" : "", key, example);
        return Optional.empty();
      }
      return Optional.of(new BigDecimal(value));
    });
  }
}
