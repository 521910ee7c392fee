package io.meshwork.model.sql;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that SQL text is exactly one query (SELECT, WITH, FROM-first, VALUES...) with balanced parentheses, so it
 * can be embedded as {@code COPY (<query>) TO ...} or run read-only without becoming a second statement.
 */
public final class SingleQuery {

  private static final Set<String> QUERY_STARTS = Set.of("select", "with", "from", "values", "table", "pivot",
      "unpivot", "describe", "summarize", "show");

  private SingleQuery() {
  }

  /** Empty if {@code sql} is one query; otherwise what is wrong, with its 1-based line and column. */
  public static Optional<SqlSyntaxException> problem(String sql) {
    List<SqlToken> tokens;
    try {
      tokens = SqlTokenizer.tokenize(sql);
    } catch (SqlSyntaxException e) {
      return Optional.of(e);
    }
    if (tokens.isEmpty()) {
      return Optional.of(new SqlSyntaxException("There is no query: write one SELECT.", 1, 1));
    }
    SqlToken first = tokens.get(0);
    if (first.type() != SqlToken.Type.IDENTIFIER && !first.isSymbol("(") || first.type() == SqlToken.Type.IDENTIFIER
        && !QUERY_STARTS.contains(first.name())) {
      return Optional.of(new SqlSyntaxException("Only a query is allowed here (SELECT, WITH or FROM), not '"
          + first.text() + "'.", first.line(), first.column()));
    }
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (token.isSymbol("(")) {
        depth++;
      } else if (token.isSymbol(")")) {
        depth--;
        if (depth < 0) {
          return Optional.of(new SqlSyntaxException("This ')' closes nothing.", token.line(), token.column()));
        }
      } else if (token.isSymbol(";") && i < tokens.size() - 1) {
        return Optional.of(new SqlSyntaxException("Only one statement is allowed: remove the ';' and what follows.",
            token.line(), token.column()));
      }
    }
    if (depth > 0) {
      SqlToken last = tokens.get(tokens.size() - 1);
      return Optional.of(new SqlSyntaxException(depth + " '(' not closed: add the missing ')'.", last.line(),
          last.column()));
    }
    return Optional.empty();
  }

  /** {@code sql} without a trailing ';' and trailing white space, ready to embed. */
  public static String embeddable(String sql) {
    String trimmed = sql.strip();
    return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
