package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each directory under {@code src/test/resources/broken} is a small catalogue with one kind of mistake (one,
 * {@code several-problems-at-once}, with three). {@code mesh validate} must exit 2 and print exactly the lines in its
 * {@code expected.txt}: file, line, column, what is wrong and how to fix it.
 */
class BrokenCatalogueTest {

  private static final Path FIXTURES = Path.of("src/test/resources/broken");

  static Stream<String> fixtures() throws IOException {
    return FixtureDirectories.below(FIXTURES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void validateReportsTheExpectedProblems_andExitsTwo(String fixture) throws IOException {
    Path directory = FIXTURES.resolve(fixture);
    String expected = Files.readString(directory.resolve("expected.txt"));

    MeshRun run = MeshRun.of("validate", directory.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().replace(directory + "/", "")).isEqualTo(expected);
  }

  @Test
  void everyErrorKindOfTheFormatHasAFixture() throws IOException {
    assertThat(fixtures().toList()).contains("malformed-yaml", "unknown-key", "missing-name", "duplicate-name",
        "unknown-input", "unsatisfied-version-range", "dependency-cycle", "undeclared-table-in-sql", "invalid-cron",
        "parameter-wrong-type", "parameter-out-of-bounds", "override-not-received", "managed-reads-custom",
        "access-unknown-column", "access-unknown-role");
  }

  @Test
  void planRefusesAnInvalidCatalogue_withTheSameDiagnostics() {
    Path directory = FIXTURES.resolve("invalid-cron");

    MeshRun run = MeshRun.of("plan", "--tenant", "helvetia", "--definitions", directory.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(directory + "/products/claims_clean/product.yaml:32:13: Invalid schedule "
        + "'cron(0 3 * * * *)' of product claims_clean: exactly one of day-of-month and day-of-week must be '?'");
  }

  @Test
  void validateNamesAMissingDirectory_andExitsTwo() {
    MeshRun run = MeshRun.of("validate", "no/such/catalogue");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("mesh validate: No catalogue directory at 'no/such/catalogue'. Run mesh from the "
        + "project root or pass the catalogue directory, e.g. --definitions product-definitions/catalog.\n");
  }
}
