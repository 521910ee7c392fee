package io.meshwork.engine.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class PinnedQueryTest {

  private static final Schema SCHEMA = new Schema(Types.NestedField.required(1, "id", Types.StringType.get()));
  private static final TableFiles CLAIMS = new TableFiles("claims", "alpina.sources.claims_v2", SCHEMA, List.of(),
      false, OptionalLong.of(42));

  @Test
  void putsEachInputAtItsSnapshotInFrontOfAPlainQuery() {
    assertThat(PinnedQuery.of("SELECT id FROM claims", List.of(CLAIMS), "t_alpina")).isEqualTo("WITH\n"
        + "\"claims\" AS (SELECT * FROM \"t_alpina\".\"sources\".\"claims_v2\" FOR VERSION AS OF 42)\n"
        + "SELECT id FROM claims");
  }

  @Test
  void joinsTheTransformsOwnWithListAfterCommentsAndKeepsRecursive() {
    assertThat(PinnedQuery.of("-- latest\n/* note */ with latest AS (SELECT * FROM claims) SELECT * FROM latest",
        List.of(CLAIMS), "t")).isEqualTo("-- latest\n/* note */ with\n"
        + "\"claims\" AS (SELECT * FROM \"t\".\"sources\".\"claims_v2\" FOR VERSION AS OF 42),\n"
        + " latest AS (SELECT * FROM claims) SELECT * FROM latest");
    assertThat(PinnedQuery.of("WITH RECURSIVE r AS (SELECT 1 AS n) SELECT * FROM r", List.of(CLAIMS), "t"))
        .startsWith("WITH RECURSIVE\n\"claims\" AS (").endsWith("),\n r AS (SELECT 1 AS n) SELECT * FROM r");
  }

  @Test
  void aColumnNamedLikeWithIsNoWith() {
    assertThat(PinnedQuery.of("SELECT within FROM claims", List.of(CLAIMS), "t")).startsWith("WITH\n\"claims\"");
    assertThat(PinnedQuery.of("withheld", List.of(CLAIMS), "t")).startsWith("WITH\n\"claims\"").endsWith("withheld");
  }

  @Test
  void refusesAnInputWithoutAPinnedSnapshot() {
    TableFiles unpinned = new TableFiles("claims", "alpina.sources.claims_v2", SCHEMA, List.of(), false);

    assertThatThrownBy(() -> PinnedQuery.of("SELECT 1", List.of(unpinned), "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Input claims has no pinned snapshot: Trino reads tables at a snapshot, not files");
  }
}
