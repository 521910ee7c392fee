package io.meshwork.cli;

import io.meshwork.cli.catalog.CatalogSite;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.model.annotation.TenantAnnotations;
import io.meshwork.model.definition.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mesh catalog build [--tenant T] --output DIR}: writes the static catalogue site. Without a tenant, the
 * provider's marketplace; with one, that tenant's portal, which holds nothing of any other tenant.
 */
@Command(name = "build", description = "Write the catalogue site (static HTML, no server needed) to --output: the "
    + "provider's marketplace, or with --tenant that tenant's portal with its published state from --home.")
final class CatalogBuildCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CatalogOption catalogOption;

  @Mixin
  HomeOption homeOption;

  @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT",
      description = "Build this tenant's portal: only what it receives (default: the provider's marketplace).")
  String tenant;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Directory to write the site to: new, empty, or written by this command before.")
  Path output;

  @Option(names = "--annotations", paramLabel = "FILE",
      description = "The tenant's annotations file (default: tenants/<tenant>/annotations.yaml of the catalogue, "
          + "if present). Only with --tenant.")
  Path annotations;

  @Override
  public Integer call() throws Exception {
    Catalog catalog = catalogOption.load();
    Optional<String> tenantId = Optional.ofNullable(tenant).map(id -> TenantOption.require(catalog, id));
    if (tenantId.isEmpty() && annotations != null) {
      throw new UserInputException("--annotations needs --tenant: annotations belong to one tenant's portal.");
    }
    TenantAnnotations tenantAnnotations = tenantId.map(id -> annotations(catalog, id))
        .orElse(TenantAnnotations.none(""));
    prepareOutput();
    Clock clock = Clock.systemUTC();
    CatalogSite.Result result;
    Path tenantHome = tenantId.map(id -> homeOption.home.resolve("tenants").resolve(id)).orElse(null);
    if (tenantHome != null && Files.isDirectory(tenantHome)) {
      // An engine that serves this one tenant only: any read of another tenant's storage would fail.
      try (Engine engine = new Engine(catalog, id -> LocalTenantStorage.open(homeOption.home, id), HomeOption.limits(),
          tenantId)) {
        result = CatalogSite.build(catalog, options(tenantId, tenantAnnotations, Optional.of(engine), clock));
      }
    } else {
      result = CatalogSite.build(catalog, options(tenantId, tenantAnnotations, Optional.empty(), clock));
    }
    spec.commandLine().getOut().printf("Wrote %s to %s: %d pages, %d products, %d search entries%s.%n",
        tenantId.map(id -> "the portal of tenant " + id).orElse("the marketplace"), output, result.pages(),
        result.products(), result.searchEntries(), tenantHome == null ? ""
            : Files.isDirectory(tenantHome) ? ", state read from " + homeOption.home
            : "; no tables under " + homeOption.home + ", so no publication state (run mesh run --tenant "
                + tenantId.get() + " first)");
    return 0;
  }

  private CatalogSite.Options options(Optional<String> tenantId, TenantAnnotations tenantAnnotations,
      Optional<Engine> engine, Clock clock) {
    return new CatalogSite.Options(Path.of(catalogOption.directory), tenantId, tenantAnnotations, engine,
        homeOption.home.toString(), output, clock);
  }

  /** The tenant's annotations, checked; none when no file is given and the default file is absent. */
  private TenantAnnotations annotations(Catalog catalog, String id) {
    if (annotations == null) {
      return TenantAnnotationFiles.load(catalogOption.directory, catalog, id);
    }
    if (!Files.isRegularFile(annotations)) {
      throw new UserInputException("No annotations file at '" + annotations + "'. Pass the tenant's "
          + TenantAnnotationFiles.FILE_NAME + ", or leave out --annotations.");
    }
    return TenantAnnotationFiles.load(annotations, catalog, id);
  }

  /** Makes {@code output} an empty directory; refuses files and directories this command did not write. */
  private void prepareOutput() throws IOException {
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new UserInputException("The output '" + output + "' is a file. Pass a directory for the site.");
    }
    if (Files.isDirectory(output)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(output)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(output.resolve(CatalogSite.MARKER))) {
        throw new UserInputException("The output directory '" + output + "' is not empty and was not written by mesh "
            + "catalog build. Pass a new or empty directory.");
      }
      // A previous site is replaced as a whole, so no page of another view (or another tenant) stays behind.
      try (Stream<Path> tree = Files.walk(output)) {
        for (Path path : tree.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(output)).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(output);
  }
}
