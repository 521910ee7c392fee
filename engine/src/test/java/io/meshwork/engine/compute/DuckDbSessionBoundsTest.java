package io.meshwork.engine.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a session may write, how its statements are bounded, and what its errors show. */
class DuckDbSessionBoundsTest {

  private static final DuckDbSession.Limits LIMITS = new DuckDbSession.Limits(1, "256MB");

  @TempDir
  Path work;

  @Test
  void statementStopsAtTheTimeout_andTheSessionStaysUsable() throws Exception {
    try (DuckDbSession session = DuckDbSession.open(work, List.of(), LIMITS.withTimeout(Duration.ofSeconds(1)))) {
      GuardedQuery runaway = session.guard("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) "
          + "SELECT count(*) FROM t");

      assertThatThrownBy(() -> session.stream(runaway, result -> result.next()))
          .isInstanceOfSatisfying(SessionBoundException.class,
              bound -> assertThat(bound.bound()).isEqualTo(SessionBoundException.Bound.TIMEOUT))
          .hasMessage("The statement ran longer than its time limit of 1 second and was stopped.");
      assertThat(session.count("SELECT 42")).isEqualTo(42);
    }
  }

  @Test
  void spillBeyondItsCap_isStopped_withTheBoundNamed() throws Exception {
    DuckDbSession.Limits tight = new DuckDbSession.Limits(1, "32MB", "1MB", Duration.ofMinutes(2));
    try (DuckDbSession session = DuckDbSession.open(work, List.of(), tight)) {
      GuardedQuery sort = session.guard("SELECT count(*) FROM (SELECT n, md5(n::VARCHAR) AS m FROM range(3000000) "
          + "AS t(n) ORDER BY m)");

      assertThatThrownBy(() -> session.stream(sort, result -> result.next()))
          .isInstanceOfSatisfying(SessionBoundException.class,
              bound -> assertThat(bound.bound()).isIn(SessionBoundException.Bound.SPILL,
                  SessionBoundException.Bound.MEMORY))
          .hasMessageStartingWith("The statement needed more than its ");
    }
  }

  @Test
  void readOnlySession_cannotWriteEvenItsWorkDirectory() throws Exception {
    try (DuckDbSession session = DuckDbSession.open(work, List.of(), LIMITS)) {
      Path target = work.resolve("written.csv");

      assertThatThrownBy(() -> session.execute("COPY (SELECT 1) TO '" + target + "'"))
          .hasMessageContaining("Permission Error").hasMessageNotContaining(work.toString());
      assertThat(target).doesNotExist();
    }
  }

  @Test
  void writingSession_writesOnlyItsOwnOutputDirectory() throws Exception {
    try (DuckDbSession session = DuckDbSession.openWriting(work, List.of(), LIMITS)) {
      Path output = session.outputDirectory().resolve("ok.csv");
      session.execute("COPY (SELECT 1) TO '" + output + "'");

      assertThat(output).exists();
      assertThat(output.getParent().getParent().getParent()).isEqualTo(work.toAbsolutePath().normalize());
      assertThatThrownBy(() -> session.execute("COPY (SELECT 1) TO '" + work.resolve("beside.csv") + "'"))
          .hasMessageContaining("Permission Error");
      assertThat(work.resolve("beside.csv")).doesNotExist();
    }
  }

  @Test
  void closingASession_removesItsDirectory() {
    DuckDbSession session = DuckDbSession.openWriting(work, List.of(), LIMITS);
    Path directory = session.outputDirectory().getParent();

    session.close();

    assertThat(directory).doesNotExist();
  }

  @Test
  void errors_nameNoAbsolutePath() throws Exception {
    Path data = work.resolve("tenants/secret-tenant/warehouse/data/gone.parquet");
    Files.createDirectories(data.getParent());
    try (java.sql.Connection plain = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement statement = plain.createStatement()) {
      statement.execute("COPY (SELECT 1 AS n) TO '" + data + "' (FORMAT parquet)");
    }
    Schema schema = new Schema(Types.NestedField.optional(1, "n", Types.IntegerType.get()));
    TableFiles table = new TableFiles("numbers", "numbers", schema, List.of(data), false);
    try (DuckDbSession session = DuckDbSession.open(work, List.of(table), LIMITS)) {
      GuardedQuery query = session.guard("SELECT * FROM numbers");
      Files.delete(data);

      assertThatThrownBy(() -> session.stream(query, result -> result.next()))
          .hasMessage("Permission Error: Cannot access file \"…/*.parquet\" - file system operations are disabled "
              + "by configuration");
    }
  }
}
