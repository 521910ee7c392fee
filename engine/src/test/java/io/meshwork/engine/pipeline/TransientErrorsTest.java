package io.meshwork.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.jdbc.UncheckedSQLException;
import org.junit.jupiter.api.Test;

/** Which failures the runner retries with backoff, and which it reports at once. */
class TransientErrorsTest {

  @Test
  void lostCommitRacesAndABusyCatalogAreRetried() {
    assertThat(LocalRunner.isTransient(new CommitFailedException("Cannot commit: stale metadata"))).isTrue();
    assertThat(LocalRunner.isTransient(new UncheckedSQLException(new SQLException("[SQLITE_BUSY] database is "
        + "locked"), "Failed to update table"))).isTrue();
  }

  @Test
  void definitionErrorsAreNotRetried() {
    assertThat(LocalRunner.isTransient(new StepException(StepException.Kind.TRANSFORM_FAILED, "bad SQL"))).isFalse();
    assertThat(LocalRunner.isTransient(new IllegalStateException("boom"))).isFalse();
  }
}
