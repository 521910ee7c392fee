package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What CI checks on every commit: the shipped catalogue makes no breaking contract change without a major version
 * bump since the previous commit. Needs git history: in a shallow clone (CI's default depth of one) or outside git it
 * is skipped, saying why.
 */
class ContractDiffAgainstPreviousCommitTest {

  private static final String CATALOGUE = "../product-definitions/catalog";

  @Test
  void theShippedCatalogueMakesNoBreakingChangeWithoutAMajorBump_sinceThePreviousCommit() {
    GitAnswer inside = git("rev-parse", "--is-inside-work-tree");
    assumeTrue(inside.succeeded() && inside.output().strip().equals("true"),
        "Skipped: not inside a git work tree (" + inside.output().strip() + "), so there is no previous commit.");
    GitAnswer parent = git("rev-parse", "--verify", "--quiet", "HEAD~1^{commit}");
    assumeTrue(parent.succeeded(), "Skipped: HEAD has no parent commit here; a shallow clone (git clone --depth 1) "
        + "or the first commit has none. Fetch one with git fetch --deepen=1 to run this check.");

    ContractDiffCommandTest.DiffRun run = ContractDiffCommandTest.DiffRun.of("--base", "HEAD~1", "--definitions",
        CATALOGUE);

    assertThat(run.exitCode()).as("mesh contract diff --base HEAD~1 printed:%n%s%s", run.out(), run.err())
        .isZero();
  }

  private static GitAnswer git(String... arguments) {
    String[] command = new String[arguments.length + 1];
    command[0] = "git";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new GitAnswer(process.waitFor() == 0, output);
    } catch (IOException e) {
      return new GitAnswer(false, "git cannot be run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new GitAnswer(false, "interrupted");
    }
  }

  private record GitAnswer(boolean succeeded, String output) {
  }
}
