package io.meshwork.cli;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.annotation.TenantAnnotations;
import io.meshwork.model.export.AnnotationProperties;
import io.meshwork.model.export.OdcsExport;
import io.meshwork.model.export.OdcsSourceExport;
import io.meshwork.model.export.OdpsExport;
import io.meshwork.model.export.YamlDocuments;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mesh contract export --tenant T --format odcs|odps}: one ODCS contract or ODPS product descriptor per
 * product the tenant receives (its subscriptions, what they read, its custom products), as YAML files
 * {@code <output>/<tenant>/<product>.<format>.yaml}; with ODCS also one contract per source the tenant delivers,
 * {@code <source>.odcs.yaml}, the contracts the ODPS input ports point at. The same definitions always give the same
 * bytes, so the files can be committed and diffed.
 */
@Command(name = "export",
    description = "Write the ODCS v3.1.0 data contract or the ODPS v1.0.0 product descriptor of every product a "
        + "tenant receives, one YAML file each: <output>/<tenant>/<product>.<format>.yaml. With odcs, also the "
        + "contract of every source the tenant delivers: <output>/<tenant>/<source>.odcs.yaml.")
final class ContractExportCommand implements Callable<Integer> {

  /** The standards a product instance can be exported to. */
  enum Format { odcs, odps }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  TenantScope scope;

  @Option(names = {"-p", "--product"}, paramLabel = "PRODUCT",
      description = "Only this product, or with odcs this source (default: every product the tenant receives and, "
          + "with odcs, every source it delivers).")
  String product;

  @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
      description = "odcs (Open Data Contract Standard v3.1.0) or odps (Open Data Product Standard v1.0.0).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "contracts",
      description = "Directory to write to; files go to DIR/<tenant>/ (default: ${DEFAULT-VALUE}).")
  Path output;


  @Override
  public Integer call() {
    Catalog catalog = scope.catalog();
    Tenant tenant = catalog.tenant(scope.tenant()).orElseThrow();
    TenantPlan plan = new Planner(catalog).plan(tenant.id());
    Optional<Source> source = product == null ? Optional.empty() : delivered(plan, product);
    if (source.isPresent() && format == Format.odps) {
      throw new UserInputException("'" + product + "' is a source tenant '" + tenant.id() + "' delivers: it has an "
          + "ODCS contract (--format odcs) but no ODPS product descriptor, as it is not a product.");
    }
    List<PlannedProduct> products = product == null ? plan.products()
        : source.isPresent() ? List.of() : List.of(received(catalog, plan));
    List<Source> sources = format == Format.odps ? List.of()
        : product == null ? plan.sources() : source.stream().toList();
    Path directory = output.resolve(tenant.id());
    TenantAnnotations annotations = TenantAnnotationFiles.load(scope.catalogOption.directory, catalog, tenant.id());
    PrintWriter out = spec.commandLine().getOut();
    String home = scope.homeOption.home.toString();
    for (PlannedProduct planned : products) {
      Map<String, Object> exported = format == Format.odcs
          ? OdcsExport.contract(planned, tenant, catalog.info(), home)
          : OdpsExport.product(planned, tenant, catalog.info());
      Map<String, Object> document = annotations.product(planned.name())
          .map(annotation -> AnnotationProperties.annotate(exported, annotation)).orElse(exported);
      out.println(write(directory.resolve(planned.name() + "." + format + ".yaml"), document));
    }
    for (Source delivered : sources) {
      out.println(write(directory.resolve(delivered.name() + ".odcs.yaml"),
          OdcsSourceExport.contract(delivered, tenant, home)));
    }
    return 0;
  }

  private static Optional<Source> delivered(TenantPlan plan, String name) {
    return plan.sources().stream().filter(source -> source.name().equals(name)).findFirst();
  }

  /**
   * The planned product named by --product; one the tenant does not receive (nor, for ODCS, a source it delivers) is
   * the user's mistake.
   */
  private PlannedProduct received(Catalog catalog, TenantPlan plan) {
    List<String> names = plan.products().stream().map(PlannedProduct::name).toList();
    List<String> sources = format == Format.odcs ? plan.sources().stream().map(Source::name).toList() : List.of();
    List<String> candidates = new ArrayList<>(names);
    candidates.addAll(sources);
    String offered = " Tenant '" + plan.tenantId() + "' receives " + String.join(", ", names)
        + (sources.isEmpty() ? "" : " and delivers " + String.join(", ", sources)) + ".";
    return plan.product(product).orElseThrow(() -> new UserInputException(
        (catalog.productVersions(product).isEmpty() && catalog.source(product).isEmpty()
            ? "Unknown product '" + product + "'." + Suggestions.didYouMean(product, candidates)
            : "Tenant '" + plan.tenantId() + "' does not receive " + (catalog.source(product).isPresent()
                ? "source" : "product") + " '" + product + "'.")
        + offered));
  }

  /** Writes {@code document} as YAML to {@code file}; returns the file. */
  private static Path write(Path file, Map<String, Object> document) {
    write(file, YamlDocuments.write(document));
    return file;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserInputException("Cannot write " + file + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()) + ". Pass a writable directory with --output.");
    }
  }
}
