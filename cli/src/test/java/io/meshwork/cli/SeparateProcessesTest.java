package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate JVMs on one tenant's SQLite catalog and warehouse: two runs at once leave consistent tables, and runs
 * and deliveries killed with SIGKILL at random points, followed by one clean run, converge to the rows of a run
 * that was never interrupted.
 */
class SeparateProcessesTest {

  private static final String CATALOGUE = "../engine/src/test/resources/pipeline-catalog";
  private static final List<String> TABLES = List.of("claims", "claims_clean", "cost_by_canton");

  @TempDir
  Path work;

  /** A delivery big enough that a kill lands in reading, computing, checking or publishing. */
  private Path delivery(String name, int rows) throws IOException {
    StringBuilder csv = new StringBuilder("claim_id,canton,amount_chf\n");
    String[] cantons = {"ZH", "BE", "GE", "VD"};
    for (int i = 0; i < rows; i++) {
      csv.append("c").append(i).append(',').append(cantons[i % 4]).append(',').append(10 + i % 9000).append(".50\n");
    }
    return Files.writeString(work.resolve(name), csv);
  }

  private static String[] mesh(Path home, String... arguments) {
    List<String> all = new ArrayList<>(List.of(arguments));
    all.addAll(List.of("--definitions", CATALOGUE, "--home", home.toString(), "--tenant", "helvetia"));
    return all.toArray(String[]::new);
  }

  private static int finish(Process process) throws InterruptedException {
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("mesh ended within 5 minutes").isTrue();
    return process.exitValue();
  }

  private static String contents(Path home) {
    StringBuilder all = new StringBuilder();
    for (String table : TABLES) {
      MeshRun query = MeshRun.of(mesh(home, "query", "--max-rows", "100000",
          "SELECT count(*), sum(amount_chf)" + (table.equals("cost_by_canton") ? ""
              : ", count(DISTINCT claim_id), sum(CAST(hash(claim_id, canton, amount_chf) AS HUGEINT))")
              + " FROM " + (table.equals("cost_by_canton") ? "(SELECT total_chf AS amount_chf FROM cost_by_canton)"
              : table)));
      assertThat(query.exitCode()).as(table + ": " + query.err()).isZero();
      all.append(table).append(": ").append(query.out());
    }
    return all.toString();
  }

  @Test
  void twoRunsAtOnceLeaveConsistentTables_andAClearOutcomeEach() throws Exception {
    Path home = work.resolve("home");
    Path claims = delivery("claims.csv", 50_000);
    assertThat(finish(MeshProcess.start(work.resolve("ingest.log"), mesh(home, "ingest", "--source", "claims",
        claims.toString())))).isZero();

    Process first = MeshProcess.start(work.resolve("a.log"), mesh(home, "run", "--run-id", "a"));
    Process second = MeshProcess.start(work.resolve("b.log"), mesh(home, "run", "--run-id", "b"));
    int a = finish(first);
    int b = finish(second);

    String logs = Files.readString(work.resolve("a.log")) + Files.readString(work.resolve("b.log"));
    assertThat(List.of(a, b)).as(logs).allMatch(code -> code == 0 || code == 1);
    // Each product is published by one run; the other finds it published (up to date) or reports a conflict.
    assertThat(logs).doesNotContain("internal error").doesNotContain("Exception");
    Path reference = work.resolve("reference");
    assertThat(finish(MeshProcess.start(work.resolve("r1.log"), mesh(reference, "ingest", "--source", "claims",
        claims.toString())))).isZero();
    assertThat(finish(MeshProcess.start(work.resolve("r2.log"), mesh(reference, "run", "--run-id", "r")))).isZero();
    assertThat(finish(MeshProcess.start(work.resolve("c.log"), mesh(home, "run", "--run-id", "c")))).isZero();
    assertThat(contents(home)).isEqualTo(contents(reference));
  }

  @Test
  void killedRunsAndDeliveriesConverge_afterOneCleanRun() throws Exception {
    Path home = work.resolve("home");
    Path first = delivery("claims-1.csv", 80_000);
    Path second = delivery("claims-2.csv", 60_000);
    Random random = new Random(7);
    for (int round = 0; round < 6; round++) {
      String[] command = round % 2 == 0
          ? mesh(home, "ingest", "--source", "claims", (round % 4 == 0 ? first : second).toString())
          : mesh(home, "run", "--run-id", "killed-" + round);
      Process process = MeshProcess.start(work.resolve("killed-" + round + ".log"), command);
      Thread.sleep(800 + random.nextInt(3500));
      process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
      process.waitFor(1, TimeUnit.MINUTES);
    }
    assertThat(finish(MeshProcess.start(work.resolve("clean-ingest.log"), mesh(home, "ingest", "--source", "claims",
        second.toString())))).as(Files.readString(work.resolve("clean-ingest.log"))).isZero();
    assertThat(finish(MeshProcess.start(work.resolve("clean.log"), mesh(home, "run", "--run-id", "clean"))))
        .as(Files.readString(work.resolve("clean.log"))).isZero();

    Path reference = work.resolve("reference");
    assertThat(finish(MeshProcess.start(work.resolve("r1.log"), mesh(reference, "ingest", "--source", "claims",
        second.toString())))).isZero();
    assertThat(finish(MeshProcess.start(work.resolve("r2.log"), mesh(reference, "run", "--run-id", "r")))).isZero();
    assertThat(contents(home)).isEqualTo(contents(reference));
  }
}
