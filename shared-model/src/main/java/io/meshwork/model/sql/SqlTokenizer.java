package io.meshwork.model.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into tokens, dropping comments and white space. Enough of DuckDB's lexical rules to find table
 * references and parameters reliably: strings, quoted identifiers, comments, {@code ${name}} parameters.
 */
public final class SqlTokenizer {

  private static final List<String> TWO_CHARACTER_SYMBOLS = List.of("<=", ">=", "<>", "!=", "::", "||", "->", "==");

  private final String sql;
  private int position;
  private int line = 1;
  private int column = 1;

  private SqlTokenizer(String sql) {
    this.sql = sql;
  }

  /** Tokenizes {@code sql}; throws {@link SqlSyntaxException} for an unterminated string, comment or parameter. */
  public static List<SqlToken> tokenize(String sql) {
    return new SqlTokenizer(sql).run();
  }

  private List<SqlToken> run() {
    List<SqlToken> tokens = new ArrayList<>();
    while (position < sql.length()) {
      char current = sql.charAt(position);
      int startLine = line;
      int startColumn = column;
      int begin = position;
      if (Character.isWhitespace(current)) {
        advance(1);
      } else if (sql.startsWith("--", position)) {
        while (position < sql.length() && sql.charAt(position) != '\n') {
          advance(1);
        }
      } else if (sql.startsWith("/*", position)) {
        int end = sql.indexOf("*/", position + 2);
        if (end < 0) {
          throw new SqlSyntaxException("Unterminated comment: add the closing '*/'.", startLine, startColumn);
        }
        advance(end + 2 - position);
      } else if (current == '\'') {
        String string = quoted('\'', "string");
        tokens.add(new SqlToken(SqlToken.Type.STRING, string, startLine, startColumn, begin, position));
      } else if (current == '"') {
        String identifier = quoted('"', "quoted identifier");
        tokens.add(new SqlToken(SqlToken.Type.QUOTED_IDENTIFIER, identifier, startLine, startColumn, begin, position));
      } else if (sql.startsWith("${", position)) {
        int end = sql.indexOf('}', position);
        if (end < 0) {
          throw new SqlSyntaxException("Unterminated parameter reference: write ${name}.", startLine, startColumn);
        }
        String name = sql.substring(position + 2, end).trim();
        advance(end + 1 - position);
        tokens.add(new SqlToken(SqlToken.Type.PARAMETER, name, startLine, startColumn, begin, position));
      } else if (Character.isLetter(current) || current == '_') {
        int start = position;
        while (position < sql.length()
            && (Character.isLetterOrDigit(sql.charAt(position)) || sql.charAt(position) == '_'
            || sql.charAt(position) == '$')) {
          advance(1);
        }
        tokens.add(new SqlToken(SqlToken.Type.IDENTIFIER, sql.substring(start, position), startLine, startColumn, begin, position));
      } else if (Character.isDigit(current) || current == '.' && position + 1 < sql.length()
          && Character.isDigit(sql.charAt(position + 1))) {
        int start = position;
        while (position < sql.length()
            && (Character.isLetterOrDigit(sql.charAt(position)) || sql.charAt(position) == '.'
            || sql.charAt(position) == '_')) {
          advance(1);
        }
        tokens.add(new SqlToken(SqlToken.Type.NUMBER, sql.substring(start, position), startLine, startColumn, begin, position));
      } else {
        String symbol = TWO_CHARACTER_SYMBOLS.stream().filter(candidate -> sql.startsWith(candidate, position))
            .findFirst().orElse(String.valueOf(current));
        advance(symbol.length());
        tokens.add(new SqlToken(SqlToken.Type.SYMBOL, symbol, startLine, startColumn, begin, position));
      }
    }
    return tokens;
  }

  private String quoted(char quote, String what) {
    int startLine = line;
    int startColumn = column;
    StringBuilder text = new StringBuilder();
    advance(1);
    while (true) {
      if (position >= sql.length()) {
        throw new SqlSyntaxException("Unterminated " + what + ": add the closing " + quote + ".", startLine,
            startColumn);
      }
      char current = sql.charAt(position);
      if (current == quote) {
        if (position + 1 < sql.length() && sql.charAt(position + 1) == quote) {
          text.append(quote);
          advance(2);
          continue;
        }
        advance(1);
        return text.toString();
      }
      text.append(current);
      advance(1);
    }
  }

  private void advance(int characters) {
    for (int i = 0; i < characters; i++) {
      if (sql.charAt(position) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      position++;
    }
  }
}
