package io.meshwork.cdk.constructs;

import java.util.regex.Pattern;

/**
 * Names that Glue accepts and Athena can query without quoting: lowercase letters, digits and underscores, starting
 * with a letter. Glue itself lowercases names, so anything else would silently become a different name.
 */
public final class GlueIdentifiers {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,254}");

  private GlueIdentifiers() {
  }

  /** True if {@code name} is a valid Glue database, table or column name that Athena reads unquoted. */
  public static boolean isValid(String name) {
    return name != null && IDENTIFIER.matcher(name).matches();
  }

  /** Returns {@code name}, or throws naming {@code field} and the rule if it is not a valid identifier. */
  static String require(String field, String name) {
    if (!isValid(name)) {
      throw new IllegalArgumentException(field + " '" + name + "' is not a valid Glue/Athena identifier: use 1 to 255"
          + " lowercase letters, digits and underscores, starting with a letter.");
    }
    return name;
  }
}
