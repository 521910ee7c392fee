package io.meshwork.cli.catalog;

/** Escaping of text for HTML element content and quoted attribute values: every user-supplied text goes through it. */
final class Html {

  private Html() {
  }

  /** {@code text} with {@code & < > " '} replaced by character references. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char character = text.charAt(i);
      switch (character) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(character);
      }
    }
    return escaped.toString();
  }

  /** An anchor id made of {@code text}: lower-case letters, digits and '-'. */
  static String id(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
