package io.meshwork.model.parse;

import io.meshwork.model.runtime.RuntimeNames;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import java.util.Optional;
import java.util.regex.Pattern;

/** The naming rules of the definition format. */
final class Names {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private Names() {
  }

  /** Keeps {@code name} if it is a valid identifier; reports it otherwise. */
  static Optional<String> identifier(Problems problems, Location location, String what, String name) {
    if (IDENTIFIER.matcher(name).matches()) {
      return Optional.of(name);
    }
    problems.error(location, "Invalid %s '%s': use lower-case letters, digits and underscores, starting with a letter, "
        + "at most 64 characters (it becomes a Glue and Athena identifier), e.g. '%s'.", what, name, suggest(name));
    return Optional.empty();
  }

  /** A domain: an identifier other than {@code meshwork}, which holds Meshwork's own tables. */
  static Optional<String> domain(Problems problems, Location location, String name) {
    if (name.equals("meshwork")) {
      problems.error(location, "The domain 'meshwork' is reserved for Meshwork's own tables (quality results). "
          + "Choose another domain.");
      return Optional.empty();
    }
    return identifier(problems, location, "domain", name);
  }

  static Optional<String> tenantId(Problems problems, Location location, String id) {
    if (RuntimeNames.TENANT_ID.matcher(id).matches()) {
      return Optional.of(id);
    }
    problems.error(location, "Invalid tenant id '%s': use 2 to 40 lower-case letters, digits and hyphens, starting "
        + "with a letter, e.g. '%s'.", id, suggest(id).replace('_', '-'));
    return Optional.empty();
  }

  private static String suggest(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^[^a-z]+", "");
    return lower.isEmpty() ? "my_name" : lower.length() > 64 ? lower.substring(0, 64) : lower;
  }
}
