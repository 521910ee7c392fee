package io.meshwork.model.sql;

/** One lexical token of a SQL text, with its 1-based position and its character range {@code [start, end)}. */
public record SqlToken(Type type, String text, int line, int column, int start, int end) {

  /** Token kinds; comments and white space are dropped by the tokenizer. */
  public enum Type { IDENTIFIER, QUOTED_IDENTIFIER, STRING, NUMBER, PARAMETER, SYMBOL }

  /** True for an unquoted identifier equal, ignoring case, to {@code keyword}. */
  public boolean isKeyword(String keyword) {
    return type == Type.IDENTIFIER && text.equalsIgnoreCase(keyword);
  }

  public boolean isSymbol(String symbol) {
    return type == Type.SYMBOL && text.equals(symbol);
  }

  /** The name an identifier denotes: unquoted ones are case-insensitive, so lower-cased. */
  public String name() {
    return type == Type.IDENTIFIER ? text.toLowerCase(java.util.Locale.ROOT) : text;
  }
}
