package io.meshwork.model.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransformReferencesTest {

  @Test
  void findsTablesAfterFromAndJoin_butNotCommonTableExpressions() {
    TransformReferences references = TransformReferences.of("""
        WITH recent AS (SELECT * FROM claims_clean WHERE year > 2020),
             months AS MATERIALIZED (SELECT * FROM insured_months)
        SELECT r.canton, COUNT(*)
        FROM recent r
        JOIN months m ON m.insured_id = r.insured_id
        LEFT JOIN cantons c USING (canton), premiums p
        GROUP BY 1
        """);

    assertThat(references.tables()).extracting(SqlToken::name)
        .containsExactly("claims_clean", "insured_months", "cantons", "premiums");
    assertThat(references.tableFunctions()).isEmpty();
  }

  @Test
  void aCommaAfterAJoinConditionStillStartsATable_soNoUndeclaredReadSlipsThrough() {
    TransformReferences references = TransformReferences.of("""
        SELECT * FROM a JOIN b ON a.id = b.id AND b.x IN (1, 2), c, LATERAL (SELECT * FROM d) e
        WHERE a.y IN (SELECT y FROM f), g
        """);

    assertThat(references.tables()).extracting(SqlToken::name).containsExactly("a", "b", "c", "d", "f");
  }

  @Test
  void reportsPositionsOfTables() {
    SqlToken table = TransformReferences.of("SELECT 1\n  FROM   claims").tables().get(0);

    assertThat(table.line()).isEqualTo(2);
    assertThat(table.column()).isEqualTo(10);
  }

  @Test
  void ignoresFromInsideFunctionsStringsAndComments() {
    TransformReferences references = TransformReferences.of("""
        -- FROM secret_table
        SELECT EXTRACT(YEAR FROM service_date) AS year, 'from premiums' AS note,
               TRIM(BOTH ' ' FROM name) AS name, a IS DISTINCT FROM b AS changed
        /* JOIN other_table */
        FROM claims
        """);

    assertThat(references.tables()).extracting(SqlToken::name).containsExactly("claims");
  }

  @Test
  void findsTablesInSubqueries() {
    TransformReferences references = TransformReferences.of(
        "SELECT * FROM (SELECT * FROM claims) c WHERE c.id IN (SELECT id FROM premiums)");

    assertThat(references.tables()).extracting(SqlToken::name).containsExactly("claims", "premiums");
  }

  @Test
  void reportsTableFunctionsAndFileReads_butAllowsRowGenerators() {
    TransformReferences references = TransformReferences.of("""
        SELECT * FROM read_parquet('s3://other-tenant/*.parquet')
        UNION ALL SELECT * FROM 'data.csv'
        UNION ALL SELECT range AS id FROM range(10)
        UNION ALL SELECT * FROM generate_series(1, 3)
        """);

    assertThat(references.tableFunctions()).extracting(SqlToken::text).containsExactly("read_parquet", "data.csv");
    assertThat(references.tables()).isEmpty();
  }

  @Test
  void qualifiedNamesAreReportedWhole() {
    assertThat(TransformReferences.of("SELECT * FROM finance.loss_ratio_v1").tables()).extracting(SqlToken::name)
        .containsExactly("finance.loss_ratio_v1");
  }

  @Test
  void findsParameters() {
    assertThat(TransformReferences.of("SELECT * FROM claims WHERE amount > ${min_amount} AND y = ${year}")
        .parameters()).extracting(SqlToken::text).containsExactly("min_amount", "year");
  }

  @Test
  void unterminatedStringIsASyntaxErrorWithItsPosition() {
    assertThatThrownBy(() -> TransformReferences.of("SELECT 1\nFROM claims WHERE x = 'open"))
        .isInstanceOf(SqlSyntaxException.class)
        .hasMessage("Unterminated string: add the closing '.")
        .satisfies(error -> {
          assertThat(((SqlSyntaxException) error).line()).isEqualTo(2);
          assertThat(((SqlSyntaxException) error).column()).isEqualTo(23);
        });
  }
}
