package io.meshwork.model.definition;

import java.util.List;
import java.util.Objects;

/**
 * How a tenant's CSV exports are written: separators, quoting, header, character encoding, and how dates and
 * timestamps are spelled (strftime patterns, e.g. {@code %d.%m.%Y}).
 */
public record CsvFormat(String delimiter, String quote, boolean header, String encoding, String decimalSeparator,
    String dateFormat, String timestampFormat) {

  /** The encodings the reader understands, as a source definition spells them. */
  public static final List<String> ENCODINGS = List.of("utf-8", "latin-1", "utf-16");

  public static final List<String> DECIMAL_SEPARATORS = List.of(".", ",");

  public static final CsvFormat DEFAULT = new CsvFormat(",", "\"", true, "utf-8", ".", "%Y-%m-%d",
      "%Y-%m-%d %H:%M:%S");

  public CsvFormat {
    requireSingleCharacter(delimiter, "delimiter");
    requireSingleCharacter(quote, "quote");
    Objects.requireNonNull(encoding, "encoding");
    if (!ENCODINGS.contains(encoding)) {
      throw new IllegalArgumentException("Unsupported encoding " + encoding + "; use one of " + ENCODINGS);
    }
    if (!DECIMAL_SEPARATORS.contains(decimalSeparator)) {
      throw new IllegalArgumentException("Unsupported decimal separator " + decimalSeparator);
    }
    if (delimiter.equals(decimalSeparator) || delimiter.equals(quote)) {
      throw new IllegalArgumentException("The delimiter " + delimiter + " must differ from the quote and the decimal "
          + "separator");
    }
    Objects.requireNonNull(dateFormat, "dateFormat");
    Objects.requireNonNull(timestampFormat, "timestampFormat");
  }

  private static void requireSingleCharacter(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.codePointCount(0, value.length()) != 1 || value.equals("\n") || value.equals("\r")) {
      throw new IllegalArgumentException("A CSV " + what + " is one character other than a line break: '" + value
          + "'");
    }
  }
}
