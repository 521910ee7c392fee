package io.meshwork.model.parse;

import io.meshwork.model.annotation.ProductAnnotation;
import io.meshwork.model.annotation.TenantAnnotations;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a tenant's annotations file ({@code kind: Annotations}) and checks it against the catalogue: the tenant
 * exists, every product is one it receives, tags are short names, links are absolute http(s) addresses. Every
 * problem is reported with its file, line and column.
 */
public final class AnnotationsParser {

  static final String KIND = "Annotations";
  private static final List<String> KEYS = List.of("apiVersion", "kind", "tenant", "products");
  private static final List<String> PRODUCT_KEYS = List.of("product", "notes", "tags", "internalOwner", "links");
  private static final List<String> LINK_KEYS = List.of("title", "url");
  private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  private AnnotationsParser() {
  }

  /**
   * The annotations in {@code path} of {@code files} for {@code tenant}.
   *
   * @throws io.meshwork.model.definition.InvalidDefinitionException listing every problem of the file
   */
  public static TenantAnnotations load(DefinitionFiles files, String path, Catalog catalog, String tenant) {
    Problems problems = new Problems();
    String text = files.read(path).orElseThrow(() -> new IllegalArgumentException("No file " + path));
    Optional<List<Node>> documents = YamlFiles.compose(path, text, problems, "an annotations document");
    TenantAnnotations annotations = TenantAnnotations.none(tenant);
    if (documents.isPresent()) {
      if (documents.get().size() != 1) {
        problems.error(Location.of(path), "An annotations file holds one document, found %d. Keep one.",
            documents.get().size());
      } else {
        annotations = new YamlNode(path, documents.get().get(0), problems).asMap("The annotations document")
            .map(document -> parse(document, catalog, tenant, problems)).orElse(annotations);
      }
    }
    problems.throwIfAny();
    return annotations;
  }

  private static TenantAnnotations parse(YamlMap document, Catalog catalog, String tenant, Problems problems) {
    document.allowOnly("Annotations", KEYS);
    OwnFileHeader.check(document, KIND, "An annotations file", problems);
    Optional<String> declared = document.requiredText("The annotations", "tenant", tenant);
    if (declared.isPresent() && !declared.get().equals(tenant)) {
      problems.error(document.locationOf("tenant"), "These annotations belong to tenant '%s', not to '%s'. A tenant "
          + "annotates only what it receives: use its own annotations file.", declared.get(), tenant);
      return TenantAnnotations.none(tenant);
    }
    List<String> received = new Planner(catalog).plan(tenant).products().stream().map(PlannedProduct::name).toList();
    List<ProductAnnotation> products = new ArrayList<>();
    Map<String, Location> seen = new HashMap<>();
    for (YamlNode item : document.list("Annotations", "products")) {
      item.asMap("An annotated product").flatMap(map -> product(map, tenant, received, problems))
          .ifPresent(annotation -> {
            Location first = seen.putIfAbsent(annotation.product(), annotation.location());
            if (first != null) {
              problems.error(annotation.location(), "Product '%s' is annotated twice (first at line %d). Merge the "
                  + "two entries.", annotation.product(), first.line());
            } else {
              products.add(annotation);
            }
          });
    }
    return new TenantAnnotations(tenant, products, document.location());
  }

  private static Optional<ProductAnnotation> product(YamlMap map, String tenant, List<String> received,
      Problems problems) {
    map.allowOnly("an annotated product", PRODUCT_KEYS);
    Optional<String> product = map.requiredText("An annotated product", "product", "loss_ratio");
    if (product.isPresent() && !received.contains(product.get())) {
      problems.error(map.locationOf("product"), "Tenant '%s' does not receive product '%s'.%s It receives %s.",
          tenant, product.get(), Suggestions.didYouMean(product.get(), received), String.join(", ", received));
      product = Optional.empty();
    }
    String notes = map.optionalText("an annotated product", "notes").orElse("").strip();
    String internalOwner = map.optionalText("an annotated product", "internalOwner").orElse("").strip();
    List<String> tags = new ArrayList<>();
    for (YamlNode tagNode : map.list("an annotated product", "tags")) {
      tagNode.asText("A tag").ifPresent(tag -> {
        if (!TAG.matcher(tag).matches()) {
          problems.error(tagNode.location(), "The tag '%s' is not a tag: use lower-case letters, digits, '-' and "
              + "'_', at most 40 characters, e.g. 'board-report'.", tag);
        } else if (!tags.contains(tag)) {
          tags.add(tag);
        }
      });
    }
    List<ProductAnnotation.Link> links = new ArrayList<>();
    for (YamlNode linkNode : map.list("an annotated product", "links")) {
      linkNode.asMap("A link").ifPresent(link -> {
        link.allowOnly("a link", LINK_KEYS);
        Optional<String> title = link.requiredText("A link", "title", "Board report");
        Optional<String> url = link.requiredText("A link", "url", "https://wiki.example.ch/board-report")
            .filter(address -> webAddress(address, link.locationOf("url"), problems));
        if (title.isPresent() && url.isPresent()) {
          links.add(new ProductAnnotation.Link(title.get().strip(), url.get().strip()));
        }
      });
    }
    Location location = map.locationOf("product");
    return product.map(name -> new ProductAnnotation(name, notes, tags, internalOwner, links, location));
  }

  /** Whether {@code address} is an absolute http or https address with a host; reports it otherwise. */
  private static boolean webAddress(String address, Location location, Problems problems) {
    try {
      URI uri = new URI(address.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return true;
      }
    } catch (URISyntaxException invalid) {
      // reported below
    }
    problems.error(location, "The url '%s' is not an absolute http(s) address. Write it in full, e.g. "
        + "'https://wiki.example.ch/board-report'.", address);
    return false;
  }
}
