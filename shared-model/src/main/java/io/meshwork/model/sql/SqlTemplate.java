package io.meshwork.model.sql;

import io.meshwork.model.definition.ParameterValue;
import java.util.Map;

/**
 * Binds a transform's {@code ${name}} parameters as typed literals. Only parameter tokens are replaced, so text in
 * strings and comments is left alone, and a value can never become SQL of its own: every value was typed and
 * bounds-checked when the plan was made.
 */
public final class SqlTemplate {

  private SqlTemplate() {
  }

  public static String render(String template, Map<String, ParameterValue> parameters) {
    String sql = SingleQuery.embeddable(template);
    StringBuilder rendered = new StringBuilder(sql.length() + 64);
    int copied = 0;
    for (SqlToken token : SqlTokenizer.tokenize(sql)) {
      if (token.type() != SqlToken.Type.PARAMETER) {
        continue;
      }
      ParameterValue value = parameters.get(token.text());
      if (value == null) {
        throw new IllegalArgumentException("No value for parameter ${" + token.text() + "} at line " + token.line());
      }
      rendered.append(sql, copied, token.start()).append(value.sqlLiteral());
      copied = token.end();
    }
    return rendered.append(sql, copied, sql.length()).toString();
  }
}
