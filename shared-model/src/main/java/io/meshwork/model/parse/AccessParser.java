package io.meshwork.model.parse;

import io.meshwork.model.definition.AccessRule;
import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.RowFilter;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.sql.RowFilterParser;
import io.meshwork.model.sql.SqlSyntaxException;
import io.meshwork.model.sql.SqlToken;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a product's access rules; the roles they name are checked against the catalogue later. */
final class AccessParser {

  private static final List<String> KEYS = List.of("role", "classifications", "rowFilter");

  private AccessParser() {
  }

  static List<AccessRule> parse(YamlMap document, String owner, Contract contract, Problems problems) {
    List<AccessRule> rules = new ArrayList<>();
    for (YamlNode item : document.list(owner, "access")) {
      item.asMap("An access rule of " + owner).flatMap(map -> rule(map, owner, contract, problems))
          .ifPresent(rules::add);
    }
    return rules;
  }

  private static Optional<AccessRule> rule(YamlMap map, String owner, Contract contract, Problems problems) {
    Optional<String> role = map.requiredText("An access rule of " + owner, "role", "actuary");
    String what = "the access rule for role " + role.orElse("(unnamed)") + " of " + owner;
    map.allowOnly(what, KEYS);
    Set<Classification> classifications = classifications(map, what, problems);
    if (classifications.isEmpty() && !map.has("classifications")) {
      problems.error(map.location(), "%s is missing 'classifications'. List what the role may read, e.g. "
          + "'classifications: [public, internal]'.", ProductParser.capitalize(what));
    }
    Optional<RowFilter> rowFilter = map.optionalText(what, "rowFilter")
        .flatMap(expression -> rowFilter(expression, map.locationOf("rowFilter"), what, contract, problems));
    if (role.isEmpty() || map.has("rowFilter") && rowFilter.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AccessRule(role.get(), classifications, rowFilter, map.locationOf("role")));
  }

  /** The {@code classifications} list of {@code map}, each label checked. */
  static Set<Classification> classifications(YamlMap map, String what, Problems problems) {
    Set<Classification> classifications = EnumSet.noneOf(Classification.class);
    for (String label : map.textList(what, "classifications")) {
      Optional<Classification> parsed = Classification.parse(label);
      if (parsed.isEmpty()) {
        problems.error(map.locationOf("classifications"), "Unknown classification '%s' in %s.%s Classifications are "
            + "%s.", label, what, Suggestions.didYouMean(label, Classification.LABELS),
            String.join(", ", Classification.LABELS));
      }
      parsed.ifPresent(classifications::add);
    }
    return classifications;
  }

  private static Optional<RowFilter> rowFilter(String expression, Location location, String what, Contract contract,
      Problems problems) {
    List<SqlToken> columns;
    try {
      columns = RowFilterParser.columns(expression);
    } catch (SqlSyntaxException e) {
      problems.error(location, "Invalid row filter in %s: %s", what, e.getMessage());
      return Optional.empty();
    }
    boolean valid = true;
    for (SqlToken column : columns) {
      if (contract.column(column.name()).isEmpty()) {
        problems.error(location, "The row filter of %s names '%s', which is not a column of its contract.%s", what,
            column.text(), Suggestions.didYouMean(column.name(), contract.columnNames()));
        valid = false;
      }
    }
    return valid
        ? Optional.of(new RowFilter(expression.trim(), columns.stream().map(SqlToken::name).toList(), location))
        : Optional.empty();
  }
}
