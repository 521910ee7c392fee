package io.meshwork.model.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.ParameterValue;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlTemplateTest {

  private static final ColumnType STRING = ColumnType.parse("string").orElseThrow();
  private static final ColumnType DECIMAL = ColumnType.parse("decimal(5,4)").orElseThrow();

  @Test
  void replacesOnlyParameterTokens_withTypedLiterals() {
    String sql = "SELECT '${kept}' AS text, amount * ${ratio} AS cost -- ${comment}\nFROM claims WHERE c = ${code};";

    String rendered = SqlTemplate.render(sql, Map.of(
        "ratio", new ParameterValue(DECIMAL, new BigDecimal("0.0500")),
        "code", new ParameterValue(STRING, "ZH")));

    assertThat(rendered).isEqualTo("SELECT '${kept}' AS text, amount * CAST(0.0500 AS DECIMAL(5,4)) AS cost "
        + "-- ${comment}\nFROM claims WHERE c = 'ZH'");
  }

  @Test
  void aValueTryingToCloseItsQuoteStaysInsideTheLiteral() {
    String rendered = SqlTemplate.render("SELECT * FROM claims WHERE canton = ${canton}",
        Map.of("canton", new ParameterValue(STRING, "ZH' OR '1'='1")));

    assertThat(rendered).isEqualTo("SELECT * FROM claims WHERE canton = 'ZH'' OR ''1''=''1'");
    assertThat(SqlTokenizer.tokenize(rendered)).filteredOn(token -> token.type() == SqlToken.Type.STRING)
        .extracting(SqlToken::text).containsExactly("ZH' OR '1'='1");
  }

  @Test
  void anUnboundParameterIsAnError() {
    assertThatThrownBy(() -> SqlTemplate.render("SELECT ${missing}", Map.of()))
        .hasMessage("No value for parameter ${missing} at line 1");
  }
}
