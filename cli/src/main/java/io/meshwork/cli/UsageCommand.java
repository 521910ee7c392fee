package io.meshwork.cli;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.engine.usage.StorageMeasurement;
import io.meshwork.engine.usage.StorageTable;
import io.meshwork.engine.usage.StoredTable;
import io.meshwork.engine.usage.UsageHistory;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.pricing.PriceSheet;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mesh usage}: what each tenant's products cost to compute, store and query in a month, as invoice lines
 * priced by the catalogue's price sheet, or broken down by step or principal; {@code --unused} lists subscriptions
 * nobody queried.
 */
@Command(name = "usage", description = "Show what each tenant's products cost to compute, store and query in a "
    + "month, as invoice lines (CHF), by step or by principal, or the subscriptions nobody queried.")
final class UsageCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CatalogOption catalogOption;

  @Mixin
  HomeOption homeOption;

  @ArgGroup(multiplicity = "1")
  TenantTarget target;

  @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month (UTC) to report (default: this month).")
  String month;

  @Option(names = "--by", paramLabel = "VIEW", defaultValue = "product", description = "product (invoice lines, "
      + "priced), step or principal (default: ${DEFAULT-VALUE}).")
  String by;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--prices", paramLabel = "FILE", description = "Price sheet (kind: PriceSheet; default: "
      + "prices.yaml in the catalogue directory).")
  Path prices;

  @Option(names = "--unused", description = "List the subscriptions no query read in the month.")
  boolean unused;

  @Option(names = "--measure-storage", description = "First measure and record what each product and source "
      + "stores now (live data of main and retained history); storage is charged from these measurements.")
  boolean measureStorage;

  @Override
  public Integer call() throws Exception {
    YearMonth period = month();
    Tabular.Format output = choice("--format", format, Tabular.Format.class);
    View view = choice("--by", by, View.class);
    if (unused && view != View.PRODUCT) {
      throw new UserInputException("--unused lists subscriptions and takes no --by " + by + ". Leave out --by.");
    }
    Catalog catalog = catalogOption.load();
    List<String> tenants = target.tenants(catalog);
    PriceSheet sheet = view == View.PRODUCT && !unused || view == View.STEP ? priceSheet(catalog) : null;
    PrintWriter out = spec.commandLine().getOut();
    Instant from = period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<UsageViews.TenantMonth> months = new ArrayList<>();
    try (Engine engine = homeOption.engine(catalog)) {
      for (String tenant : tenants) {
        TenantStorage storage = engine.storage(tenant);
        if (measureStorage) {
          List<StoredTable> measured = StorageMeasurement.measure(engine.plan(tenant), storage, Instant.now());
          StorageTable.append(storage, engine.compute(), measured);
          spec.commandLine().getErr().printf(Locale.ROOT, "Measured %d tables of tenant %s: %,d bytes live, %,d "
              + "bytes of history.%n", measured.size(), tenant, measured.stream().mapToLong(StoredTable::liveBytes)
              .sum(), measured.stream().mapToLong(StoredTable::historyBytes).sum());
        }
        months.add(new UsageViews.TenantMonth(tenant, period, UsageHistory.read(storage, engine.compute(), from, to),
            StorageTable.read(storage, engine.compute(), from, to), subscriptions(catalog, tenant)));
      }
    }
    Tabular rows = unused ? UsageViews.unused(months) : switch (view) {
      case PRODUCT -> UsageViews.invoice(months, sheet);
      case STEP -> UsageViews.bySteps(months, sheet.assumedMemoryMb());
      case PRINCIPAL -> UsageViews.byPrincipals(months);
    };
    rows.print(output, out);
    return 0;
  }

  /** What {@code --by} groups by. */
  enum View { PRODUCT, STEP, PRINCIPAL }

  private YearMonth month() {
    if (month == null) {
      return YearMonth.now(ZoneOffset.UTC);
    }
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new UserInputException("--month '" + month + "' is not a month: write YYYY-MM, e.g. --month "
          + YearMonth.now(ZoneOffset.UTC) + ".");
    }
  }

  private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    throw new UserInputException(option + " '" + value + "' is not one of " + java.util.Arrays.stream(
        type.getEnumConstants()).map(constant -> constant.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", ")) + ".");
  }

  private PriceSheet priceSheet(Catalog catalog) {
    Path file = prices != null ? prices : Path.of(catalogOption.directory, PriceSheetFile.NAME);
    if (!Files.isRegularFile(file)) {
      throw new UserInputException("No price sheet at '" + file + "'. Pass one with --prices FILE, or add "
          + "prices.yaml (kind: PriceSheet) to the catalogue; see the README, section mesh usage.");
    }
    return PriceSheetFile.load(file, catalog);
  }

  private static Set<String> subscriptions(Catalog catalog, String tenant) {
    return catalog.tenant(tenant).map(Tenant::subscriptions).orElse(List.of()).stream()
        .map(Tenant.Subscription::product).collect(Collectors.toSet());
  }
}
