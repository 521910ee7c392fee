package io.meshwork.cdk;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import software.amazon.awscdk.App;

/**
 * Measures how long synthesis takes for 1, 10 and 100 tenant stacks in one warm JVM, with generated tenants that
 * subscribe like demo tenant lemanic, and reports the time per stack. Not a test: run it by hand when the stacks
 * grow, {@code java -cp target/classes:$(cat target/classpath.txt) io.meshwork.cdk.SynthBenchmark}.
 */
public final class SynthBenchmark {

  private static final int[] TENANT_COUNTS = {1, 10, 100};

  private SynthBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(MeshworkApp.definitionsDirectory(
        System.getenv())));
    Tenant template = catalog.tenant("lemanic").orElseThrow();
    Path output = Files.createTempDirectory("meshwork-synth-benchmark");
    synthesize(catalog, tenants(template, 1), output.resolve("warmup"));
    System.out.println("tenants  construct seconds  synth seconds  total seconds  seconds per stack");
    for (int count : TENANT_COUNTS) {
      long start = System.nanoTime();
      App app = new App(MeshworkApp.appProps().outdir(output.resolve(Integer.toString(count)).toString()).build());
      MeshworkApp.addTenantStacks(app, catalog, tenants(template, count), Optional.empty());
      long constructed = System.nanoTime();
      app.synth();
      long end = System.nanoTime();
      System.out.printf("%7d  %17.2f  %13.2f  %13.2f  %17.3f%n", count, (constructed - start) / 1e9,
          (end - constructed) / 1e9, (end - start) / 1e9, (end - start) / 1e9 / count);
    }
  }

  private static void synthesize(Catalog catalog, List<Tenant> tenants, Path outdir) {
    App app = new App(MeshworkApp.appProps().outdir(outdir.toString()).build());
    MeshworkApp.addTenantStacks(app, catalog, tenants, Optional.empty());
    app.synth();
  }

  private static List<Tenant> tenants(Tenant template, int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(number -> new Tenant(String.format("bench-%03d", number), template.displayName() + " " + number,
            template.account(), template.subscriptions(), template.overrides(), template.principals(),
            template.location()))
        .toList();
  }
}
