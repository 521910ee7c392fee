package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Each directory under {@code src/test/resources/contract-diff} holds a small catalogue before ({@code base}) and
 * after ({@code head}) exactly one contract change. {@code mesh contract diff} must print exactly its
 * {@code expected.txt} (standard output, then standard error) and exit with the code in its {@code exit-code}.
 */
class ContractDiffCommandTest {

  private static final Path FIXTURES = Path.of("src/test/resources/contract-diff");

  static Stream<String> fixtures() throws IOException {
    return FixtureDirectories.below(FIXTURES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void diffPrintsTheExpectedReport_andExitCode(String fixture) throws IOException {
    Path directory = FIXTURES.resolve(fixture);

    DiffRun run = DiffRun.of("--base", directory.resolve("base").toString(), "--definitions",
        directory.resolve("head").toString());

    assertThat((run.out() + run.err()).replace(directory + "/", "")).isEqualTo(expected(directory));
    assertThat(run.exitCode()).isEqualTo(expectedExitCode(directory));
  }

  @Test
  void everyKindOfChangeHasAFixture() throws IOException {
    assertThat(fixtures().toList()).containsExactlyInAnyOrder("breaking-column-removed", "breaking-column-renamed",
        "breaking-type-narrowed", "breaking-type-changed", "breaking-optional-made-required",
        "breaking-required-made-optional", "breaking-required-column-added", "breaking-primary-key-changed",
        "breaking-classification-lowered", "breaking-classification-raised", "breaking-partitioning-changed",
        "breaking-source-column-removed", "breaking-read-by-custom-product",
        "allowed-breaking-change-with-major-bump", "compatible-optional-column-added",
        "compatible-type-widened-int-to-long", "compatible-type-widened-float-to-double",
        "compatible-type-widened-decimal-precision", "compatible-description-changed", "no-contract-change");
  }

  @Test
  void helpDescribesTheOptions_andExitsZero() {
    MeshRun run = MeshRun.of("contract", "diff", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: mesh contract diff [-hV] --base=DIR_OR_GIT_REF [-d=DIR]")
        .contains("The catalogue to compare with: a catalogue directory,", "-d, --definitions=DIR");
  }

  @Test
  void aGitRefAsBaseReadsTheCatalogueAtThatCommit(@TempDir Path repository) throws IOException {
    Path fixture = FIXTURES.resolve("breaking-column-removed");
    Path catalogue = repository.resolve("definitions/catalog");
    copy(fixture.resolve("base"), catalogue);
    git(repository, "init", "--quiet");
    commitAll(repository, "base catalogue");
    replace(catalogue, fixture.resolve("head"));

    DiffRun run = DiffRun.of("--base", "HEAD", "--definitions", catalogue.toString());

    assertThat((run.out() + run.err()).replace(catalogue + "/", "head/")).isEqualTo(expected(fixture));
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void anUnknownGitRefIsNamed_andExitsTwo(@TempDir Path repository) throws IOException {
    Path catalogue = repository.resolve("catalog");
    copy(FIXTURES.resolve("no-contract-change/base"), catalogue);
    git(repository, "init", "--quiet");
    commitAll(repository, "catalogue");

    DiffRun run = DiffRun.of("--base", "release-1.0", "--definitions", catalogue.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("mesh contract diff: Unknown git ref 'release-1.0': it is neither an existing "
        + "directory nor a commit of the repository at " + repository.toRealPath() + ". Pass a catalogue directory, "
        + "or a branch, tag or commit such as HEAD~1 (a shallow clone lacks older commits: git fetch --deepen=1 adds "
        + "one).\n");
  }

  @Test
  void aRefWithoutTheCatalogueDirectoryIsNamed_andExitsTwo(@TempDir Path repository) throws IOException {
    Files.writeString(repository.resolve("README.md"), "Nothing here yet.\n");
    git(repository, "init", "--quiet");
    commitAll(repository, "empty");
    Path catalogue = repository.resolve("catalog");
    copy(FIXTURES.resolve("no-contract-change/base"), catalogue);

    DiffRun run = DiffRun.of("--base", "HEAD", "--definitions", catalogue.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).matches("mesh contract diff: Git ref 'HEAD' \\(commit [0-9a-f]{12}\\) has no directory "
        + "catalog, so it has no catalogue to compare with\\. Pass an older catalogue directory or another ref\\.\n");
  }

  @Test
  void anInvalidCatalogueAtTheRefIsReportedWithRefAndPath(@TempDir Path repository) throws IOException {
    Path catalogue = repository.resolve("catalog");
    copy(FIXTURES.resolve("no-contract-change/base"), catalogue);
    Path tenant = catalogue.resolve("tenants/helvetia.yaml");
    String valid = Files.readString(tenant);
    Files.writeString(tenant, valid.replace("displayName:", "displayNam:"));
    git(repository, "init", "--quiet");
    commitAll(repository, "broken tenant");
    Files.writeString(tenant, valid);

    DiffRun run = DiffRun.of("--base", "HEAD", "--definitions", catalogue.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("""
        HEAD:catalog/tenants/helvetia.yaml:1:1: Tenant helvetia is missing 'displayName'. Add it, e.g. \
        'displayName: Alpina Krankenkasse'.
        HEAD:catalog/tenants/helvetia.yaml:4:1: Unknown key 'displayNam' in tenant helvetia. Did you mean \
        'displayName'?
        2 problems in 1 file. Nothing was run or changed.
        """);
  }

  @Test
  void outsideAGitRepositoryAMissingDirectoryIsNamed(@TempDir Path directory) throws IOException {
    Path catalogue = directory.resolve("catalog");
    copy(FIXTURES.resolve("no-contract-change/base"), catalogue);

    DiffRun run = DiffRun.of("--base", "old-catalog", "--definitions", catalogue.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("mesh contract diff: 'old-catalog' is not a directory, and it cannot be a git "
        + "ref: " + catalogue + " is not inside a git repository (");
  }

  private static String expected(Path fixture) throws IOException {
    return Files.readString(fixture.resolve("expected.txt"));
  }

  private static int expectedExitCode(Path fixture) throws IOException {
    return Integer.parseInt(Files.readString(fixture.resolve("exit-code")).strip());
  }

  private static void commitAll(Path repository, String message) {
    git(repository, "add", "--all");
    git(repository, "-c", "user.name=Meshwork Test", "-c", "user.email=test@example.ch", "-c", "commit.gpgsign=false",
        "commit", "--quiet", "-m", message);
  }

  static void git(Path repository, String... arguments) {
    List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
    } catch (IOException e) {
      throw new AssertionError("Cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Replaces the contents of {@code target} with those of {@code source}, as a checkout of another commit would. */
  private static void replace(Path target, Path source) throws IOException {
    try (Stream<Path> paths = Files.walk(target)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    copy(source, target);
  }

  private static void copy(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path destination = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(path, destination);
        }
      }
    }
  }

  /**
   * Runs {@code diff} on its own, with the error handling of {@code mesh}, as it runs once registered under
   * {@code mesh contract}.
   */
  record DiffRun(int exitCode, String out, String err) {

    static DiffRun of(String... arguments) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine commandLine = new CommandLine(new ContractDiffCommand());
      commandLine.setExecutionExceptionHandler(Mesh.commandLine().getExecutionExceptionHandler());
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      int exitCode = commandLine.execute(arguments);
      return new DiffRun(exitCode, out.toString(), err.toString());
    }
  }
}
