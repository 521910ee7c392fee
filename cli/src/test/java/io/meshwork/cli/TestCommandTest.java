package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.InvalidDefinitionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every shipped product has transform tests and they pass; failures show a row diff, bad fixtures exit 2. */
class TestCommandTest {

  private static final String CATALOGUE = "../product-definitions/catalog";
  private static final String KEEPS_LATEST = "products/claims/claims_clean/tests/keeps_latest_booking.yaml";

  @TempDir
  Path copy;

  @Test
  void everyShippedProductHasTransformTests_andTheyAllPass() {
    MeshRun run = test("--definitions", CATALOGUE);

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    List<String> passed = lines.stream().filter(line -> line.startsWith("PASS ")).toList();
    assertThat(passed).allMatch(line -> line.matches("PASS [a-z_]+/[a-z_]+ \\(\\d+ ms\\)"));
    Set<String> tested = passed.stream().map(line -> line.substring(5, line.indexOf('/')))
        .collect(Collectors.toSet());
    Set<String> shipped = CatalogOption.load(CATALOGUE).products().stream().map(DataProduct::name)
        .collect(Collectors.toSet());
    assertThat(tested).isEqualTo(shipped).contains("telmed_savings");
    assertThat(lines).hasSize(passed.size() + 2);
    assertThat(lines.get(passed.size())).isEqualTo(passed.size() + " passed, 0 failed");
    assertThat(lines.get(passed.size() + 1)).matches(passed.size() + " tests of " + shipped.size()
        + " products in \\d+\\.\\d\\d s");
  }

  @Test
  void aBrokenExpectationPrintsTheRowDiff_andExitsOne() throws IOException {
    copyCatalogue();
    Path fixture = copy.resolve(KEEPS_LATEST);
    Files.writeString(fixture, Files.readString(fixture).replace(
        "{claim_id: c1, booking_date: 2024-03-05, amount_chf: 150.00, cost_share_chf: 30.00, net_amount_chf: 120.00}",
        "{claim_id: c1, booking_date: 2024-02-20, amount_chf: 120.00, cost_share_chf: 20.00, net_amount_chf: 100.00}"));

    MeshRun run = test("--product", "claims_clean", "--definitions", copy.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().replaceAll("\\(\\d+ ms\\)", "(N ms)").replaceAll("in \\d+\\.\\d\\d s", "in N s"))
        .isEqualTo("""
            PASS claims_clean/bounds_cost_share_and_adds_provider (N ms)
            PASS claims_clean/drops_lines_below_minimum_amount (N ms)
            FAIL claims_clean/keeps_latest_booking (N ms)
              %s/%s:1:1
              expected 2 rows, produced 2 rows
              missing (expected, not produced):
                {claim_id=c1, booking_date=2024-02-20, amount_chf=120.00, cost_share_chf=20.00, net_amount_chf=100.00}
              unexpected (produced, not expected):
                {claim_id=c1, booking_date=2024-03-05, amount_chf=150.00, cost_share_chf=30.00, net_amount_chf=120.00}
            2 passed, 1 failed
            3 tests of 1 product in N s
            """.formatted(copy, KEEPS_LATEST));
  }

  @Test
  void anInvalidFixtureIsReportedLikeAnInvalidDefinition_andNothingRuns() throws IOException {
    copyCatalogue();
    Path fixture = copy.resolve(KEEPS_LATEST);
    Files.writeString(fixture, Files.readString(fixture).replaceFirst("amount_chf: 120.00", "amout_chf: 120.00"));

    MeshRun run = test("--definitions", copy.toString());

    assertThat(run.out()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("""
        %s/%s:11:123: Input claims has no column 'amout_chf'. Did you mean 'amount_chf'?
        1 problem in 1 file. Nothing was run or changed.
        """.formatted(copy, KEEPS_LATEST));
  }

  @Test
  void anUnknownProductIsRefused() {
    MeshRun run = test("--product", "claim_clean", "--definitions", CATALOGUE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("mesh test: Unknown product 'claim_clean'. Did you mean 'claims_clean'? "
        + "Products are claims_clean, claims_triangle, ");
  }

  private void copyCatalogue() throws IOException {
    Path source = Path.of(CATALOGUE);
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path target = copy.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static MeshRun test(String... arguments) {
    String[] all = new String[arguments.length + 1];
    all[0] = "test";
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    return MeshRun.of(all);
  }
}
