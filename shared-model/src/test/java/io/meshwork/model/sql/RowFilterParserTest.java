package io.meshwork.model.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RowFilterParserTest {

  @ParameterizedTest
  @ValueSource(strings = {"canton = 'ZH'", "canton IN ('GE', 'VD') AND year >= 2022",
      "NOT (sex = 'F' OR age BETWEEN 19 AND 25)", "postal_code LIKE '80%'", "end_date IS NOT NULL",
      "amount NOT IN (1, 2.5)", "active = TRUE"})
  void acceptsTheDocumentedGrammar(String filter) {
    assertThat(RowFilterParser.columns(filter)).isNotEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "canton IN ('ZH', 'ZG')|canton IN ('ZH', 'ZG')",
      "Canton  in('ZH','ZG') -- Zurich region|canton IN ('ZH', 'ZG')",
      "not(name = 'O''Brien' /* quoted */ or age between 19 and 25)|NOT (name = 'O''Brien' OR age BETWEEN 19 AND 25)",
      "end_date is not null and active = true|end_date IS NOT NULL AND active = TRUE"})
  void canonicalTextIsRebuiltFromTheCheckedTokens(String filter, String canonical) {
    assertThat(RowFilterParser.canonical(filter)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "canton = 'ZH'; DROP TABLE claims|Unexpected ';' in the row filter: expected AND, OR or the end of the filter.",
      "lower(canton) = 'zh'|Unexpected '(' in the row filter: expected a comparison; functions and qualified names are not allowed in row filters.",
      "canton = (SELECT 1)|Unexpected '(' in the row filter: expected a quoted string, a number, TRUE or FALSE.",
      "canton IN ('ZH'|The row filter ends too early: expected ')'.",
      "canton|The row filter ends too early: expected a comparison (=, <>, <, >, <=, >=), IN, BETWEEN, LIKE or IS NULL.",
      "canton = ${region}|Unexpected 'region' in the row filter: expected a quoted string, a number, TRUE or FALSE."})
  void rejectsAnythingElse_namingTheToken(String filter, String message) {
    assertThatThrownBy(() -> RowFilterParser.columns(filter)).isInstanceOf(SqlSyntaxException.class)
        .hasMessage(message);
  }
}
