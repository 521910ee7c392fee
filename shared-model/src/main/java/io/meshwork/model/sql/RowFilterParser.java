package io.meshwork.model.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a row filter against a deliberately small grammar, so it compiles safely to a Lake Formation data cells
 * filter and to a DuckDB view:
 *
 * <pre>
 * filter    := and (OR and)*
 * and       := not (AND not)*
 * not       := NOT not | '(' filter ')' | predicate
 * predicate := operand ( compare operand | [NOT] IN '(' literal (',' literal)* ')'
 *            | [NOT] BETWEEN operand AND operand | [NOT] LIKE string | IS [NOT] NULL )
 * operand   := column | literal
 * </pre>
 */
public final class RowFilterParser {

  private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "null", "between", "like",
      "true", "false");

  private final List<SqlToken> tokens;
  private final Set<String> columns = new LinkedHashSet<>();
  private int position;

  private RowFilterParser(List<SqlToken> tokens) {
    this.tokens = tokens;
  }

  /**
   * Parses {@code expression} and returns the columns it names, in order of first use; throws
   * {@link SqlSyntaxException} naming the first token that does not fit the grammar.
   */
  public static List<SqlToken> columns(String expression) {
    RowFilterParser parser = new RowFilterParser(SqlTokenizer.tokenize(expression));
    List<SqlToken> named = new ArrayList<>();
    if (parser.tokens.isEmpty()) {
      throw new SqlSyntaxException("The row filter is empty: write a condition such as canton = 'ZH'.", 1, 1);
    }
    parser.or(named);
    if (parser.position < parser.tokens.size()) {
      throw parser.unexpected("AND, OR or the end of the filter");
    }
    return named;
  }

  /**
   * The filter, checked as {@link #columns} checks it, written again from its tokens: keywords upper case, columns
   * lower case, strings re-quoted, one space between tokens, comments dropped. Only this text is handed to Lake
   * Formation, so nothing the grammar did not read (a comment, an odd quote) reaches it.
   */
  public static String canonical(String expression) {
    columns(expression);
    StringBuilder text = new StringBuilder();
    SqlToken previous = null;
    for (SqlToken token : SqlTokenizer.tokenize(expression)) {
      if (previous != null && !previous.isSymbol("(") && !token.isSymbol(")") && !token.isSymbol(",")) {
        text.append(' ');
      }
      text.append(switch (token.type()) {
        case STRING -> "'" + token.text().replace("'", "''") + "'";
        case IDENTIFIER -> KEYWORDS.contains(token.name()) ? token.name().toUpperCase(Locale.ROOT) : token.name();
        default -> token.text();
      });
      previous = token;
    }
    return text.toString();
  }

  private void or(List<SqlToken> named) {
    and(named);
    while (accept("or")) {
      and(named);
    }
  }

  private void and(List<SqlToken> named) {
    not(named);
    while (accept("and")) {
      not(named);
    }
  }

  private void not(List<SqlToken> named) {
    if (accept("not")) {
      not(named);
    } else if (peekSymbol("(")) {
      position++;
      or(named);
      expectSymbol(")");
    } else {
      predicate(named);
    }
  }

  private void predicate(List<SqlToken> named) {
    operand(named);
    if (position < tokens.size() && tokens.get(position).type() == SqlToken.Type.SYMBOL
        && COMPARISONS.contains(tokens.get(position).text())) {
      position++;
      operand(named);
      return;
    }
    if (accept("is")) {
      accept("not");
      expectKeyword("null");
      return;
    }
    accept("not");
    if (accept("in")) {
      expectSymbol("(");
      literal();
      while (peekSymbol(",")) {
        position++;
        literal();
      }
      expectSymbol(")");
    } else if (accept("between")) {
      operand(named);
      expectKeyword("and");
      operand(named);
    } else if (accept("like")) {
      if (position >= tokens.size() || tokens.get(position).type() != SqlToken.Type.STRING) {
        throw unexpected("a quoted pattern after LIKE");
      }
      position++;
    } else {
      throw unexpected("a comparison (=, <>, <, >, <=, >=), IN, BETWEEN, LIKE or IS NULL");
    }
  }

  private void operand(List<SqlToken> named) {
    if (position >= tokens.size()) {
      throw unexpected("a column or a literal");
    }
    SqlToken token = tokens.get(position);
    if (token.type() == SqlToken.Type.IDENTIFIER && !KEYWORDS.contains(token.name())) {
      position++;
      if (columns.add(token.name())) {
        named.add(token);
      }
      if (peekSymbol("(") || peekSymbol(".")) {
        throw unexpected("a comparison; functions and qualified names are not allowed in row filters");
      }
      return;
    }
    literal();
  }

  private void literal() {
    if (position >= tokens.size()) {
      throw unexpected("a literal");
    }
    SqlToken token = tokens.get(position);
    boolean isLiteral = token.type() == SqlToken.Type.STRING
        || token.type() == SqlToken.Type.NUMBER && token.text().matches("\\d+(\\.\\d+)?")
        || token.isKeyword("true") || token.isKeyword("false");
    if (!isLiteral) {
      throw unexpected("a quoted string, a number, TRUE or FALSE");
    }
    position++;
  }

  private boolean accept(String keyword) {
    if (position < tokens.size() && tokens.get(position).isKeyword(keyword)) {
      position++;
      return true;
    }
    return false;
  }

  private boolean peekSymbol(String symbol) {
    return position < tokens.size() && tokens.get(position).isSymbol(symbol);
  }

  private void expectSymbol(String symbol) {
    if (!peekSymbol(symbol)) {
      throw unexpected("'" + symbol + "'");
    }
    position++;
  }

  private void expectKeyword(String keyword) {
    if (!accept(keyword)) {
      throw unexpected(keyword.toUpperCase(Locale.ROOT));
    }
  }

  private SqlSyntaxException unexpected(String expected) {
    if (position >= tokens.size()) {
      SqlToken last = tokens.get(tokens.size() - 1);
      return new SqlSyntaxException("The row filter ends too early: expected " + expected + ".", last.line(),
          last.column() + last.text().length());
    }
    SqlToken token = tokens.get(position);
    return new SqlSyntaxException("Unexpected '" + token.text() + "' in the row filter: expected " + expected + ".",
        token.line(), token.column());
  }
}
