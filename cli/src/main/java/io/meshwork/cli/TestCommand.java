package io.meshwork.cli;

import io.meshwork.engine.testing.TransformTestResult;
import io.meshwork.engine.testing.TransformTestRunner;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.parse.TransformTestParser;
import io.meshwork.model.parse.WorkspaceFiles;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.testing.TransformTestCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mesh test}: runs the transform unit tests, the {@code tests/*.yaml} fixtures beside each product.yaml, each in
 * a fresh locked-down DuckDB. Invalid fixtures are reported like invalid definitions (exit 2) before anything runs.
 */
@Command(name = "test", description = "Run the transform unit tests (tests/*.yaml beside each product.yaml).")
final class TestCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CatalogOption catalogOption;

  @Mixin
  WorkspaceOption workspaceOption;

  @Option(names = {"-p", "--product"}, paramLabel = "PRODUCT", description = "Only this product's tests.")
  String product;

  @Override
  public Integer call() throws IOException {
    long started = System.nanoTime();
    Catalog catalog = catalogOption.load(workspaceOption);
    List<TransformTestCase> cases = fixtures(catalog).stream()
        .filter(testCase -> product == null || testCase.product().equals(product))
        .sorted(Comparator.comparing(TransformTestCase::product).thenComparing(TransformTestCase::name))
        .toList();
    PrintWriter out = spec.commandLine().getOut();
    if (cases.isEmpty()) {
      out.println(product == null
          ? "No transform tests in " + catalogOption.directory + ". Add tests/<case>.yaml beside a product.yaml."
          : "Product " + product + " has no transform tests. Add tests/<case>.yaml beside its product.yaml.");
    }
    int passed = 0;
    Path work = Files.createTempDirectory("mesh-test-");
    ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(cases.size(),
        Runtime.getRuntime().availableProcessors())));
    try {
      TransformTestRunner runner = new TransformTestRunner(work);
      List<Future<TransformTestResult>> results = cases.stream()
          .map(testCase -> executor.submit(() -> runner.run(product(catalog, testCase), testCase))).toList();
      for (Future<TransformTestResult> future : results) {
        TransformTestResult result = outcome(future);
        TransformTestCase testCase = result.testCase();
        long millis = result.elapsed().toMillis();
        if (result.passed()) {
          passed++;
          out.printf("PASS %s (%d ms)%n", testCase.label(), millis);
        } else {
          out.printf("FAIL %s (%d ms)%n", testCase.label(), millis);
          out.println("  " + WorkspaceFiles.display(testCase.location(), display(),
              workspaceOption.directory().map(Path::toString).orElse("")));
          result.report().forEach(line -> out.println("  " + line));
        }
      }
    } finally {
      executor.shutdownNow();
      io.meshwork.engine.compute.Directories.deleteRecursively(work);
    }
    int failed = cases.size() - passed;
    long products = cases.stream().map(TransformTestCase::product).distinct().count();
    out.printf("%d passed, %d failed%n", passed, failed);
    out.printf(Locale.ROOT, "%d test%s of %d product%s in %.2f s%n", cases.size(), cases.size() == 1 ? "" : "s",
        products, products == 1 ? "" : "s", (System.nanoTime() - started) / 1e9);
    return failed == 0 ? 0 : Mesh.INTERNAL_ERROR;
  }

  /** Every fixture of the catalogue, checked; invalid ones stop the command with their diagnostics. */
  private List<TransformTestCase> fixtures(Catalog catalog) {
    if (product != null && catalog.productVersions(product).isEmpty()) {
      List<String> names = catalog.products().stream().map(DataProduct::name).distinct().sorted().toList();
      throw new UserInputException("Unknown product '" + product + "'." + Suggestions.didYouMean(product, names)
          + " Products are " + String.join(", ", names) + ".");
    }
    return CatalogOption.transformTests(catalogOption.directory, workspaceOption.directory(), catalog);
  }

  /** The result of a finished case; a failure of the runner itself surfaces as the internal error it is. */
  private static TransformTestResult outcome(Future<TransformTestResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running transform tests", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
  }

  /** The product a case runs: the provider's, or for a workspace's override test the product with the override. */
  private static DataProduct product(Catalog catalog, TransformTestCase testCase) {
    DataProduct product = catalog.productVersions(testCase.product()).stream()
        .filter(candidate -> candidate.version().equals(testCase.version()))
        .findFirst().orElseThrow();
    if (!TransformTestParser.testsOverride(testCase)) {
      return product;
    }
    Tenant.Override override = WorkspaceOption.owner(catalog).orElseThrow().overrides().stream()
        .filter(candidate -> candidate.product().equals(product.name())).findFirst().orElseThrow();
    return new DataProduct(product.name(), product.domain(), product.version(), product.status(), product.owner(),
        product.description(), product.tags(), product.tenant(), product.inputs(), product.parameters(),
        override.transform(), product.contract(), product.quality(), product.sla(), product.access(),
        product.location());
  }

  /** The catalogue directory as diagnostics name it, so that file names open from where mesh runs. */
  private String display() {
    String directory = catalogOption.directory;
    return directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
  }
}
