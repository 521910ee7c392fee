package io.meshwork.model.parse;

import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.Scalar;
import io.meshwork.model.definition.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads a product's quality rules: the rule kind, the columns it checks, its severity and its own settings. */
final class QualityParser {

  private static final List<String> COMMON_KEYS = List.of("type", "name", "description", "severity", "tolerance",
      "columns");
  private static final Map<String, List<String>> SETTINGS = Map.of(
      "not_null", List.of(),
      "unique", List.of(),
      "accepted_values", List.of("values"),
      "range", List.of("minimum", "maximum", "inclusive"),
      "regex", List.of("pattern"),
      "row_count", List.of("minimum", "maximum", "maxChangePercent"),
      "freshness", List.of("maxAge"),
      "references", List.of("product", "column"),
      "sql", List.of("query"));

  private QualityParser() {
  }

  /** Reads the rules; {@code productName} and {@code inputs} are what a rule may reference. */
  static List<QualityRule> parse(YamlMap document, String owner, String productName, List<String> inputs,
      Contract contract, Problems problems) {
    List<QualityRule> rules = new ArrayList<>();
    for (YamlNode item : document.list(owner, "quality")) {
      item.asMap("A quality rule of " + owner).ifPresent(map -> rule(map, owner, contract, problems).ifPresent(rule -> {
        QualitySettings.check(map, rule, contract, owner, productName, inputs, problems);
        rules.add(rule);
      }));
    }
    return rules;
  }

  private static Optional<QualityRule> rule(YamlMap map, String owner, Contract contract, Problems problems) {
    String what = "a quality rule of " + owner;
    Optional<String> type = map.requiredText("A quality rule of " + owner, "type", "not_null");
    if (type.isEmpty()) {
      return Optional.empty();
    }
    if (!SETTINGS.containsKey(type.get())) {
      problems.error(map.locationOf("type"), "Unknown quality rule type '%s' in %s.%s Types are %s.", type.get(),
          owner, Suggestions.didYouMean(type.get(), QualityRule.TYPES), String.join(", ", QualityRule.TYPES));
      return Optional.empty();
    }
    String kind = type.get();
    map.allowOnly("a " + kind + " rule of " + owner,
        Stream.concat(COMMON_KEYS.stream(), SETTINGS.get(kind).stream()).toList());
    QualityRule.Severity severity = map.optionalText(what, "severity").map(text -> switch (text) {
      case "error" -> QualityRule.Severity.ERROR;
      case "warn" -> QualityRule.Severity.WARN;
      default -> {
        problems.error(map.locationOf("severity"), "Unknown severity '%s' of %s. Use error (blocks publishing) or "
            + "warn.", text, what);
        yield QualityRule.Severity.ERROR;
      }
    }).orElse(QualityRule.Severity.ERROR);
    List<String> columns = map.textList(what, "columns");
    for (String column : columns) {
      if (contract.column(column).isEmpty() && !contract.columns().isEmpty()) {
        problems.error(map.locationOf("columns"), "The %s rule of %s names column '%s', which its contract does not "
            + "declare.%s", kind, owner, column, Suggestions.didYouMean(column, contract.columnNames()));
      }
    }
    Map<String, Scalar> settings = new HashMap<>();
    for (String key : Stream.concat(Stream.of("name", "description", "tolerance"), SETTINGS.get(kind).stream())
        .filter(key -> !key.equals("values")).toList()) {
      map.get(key).flatMap(node -> node.asScalar("'" + key + "' of " + what))
          .ifPresent(scalar -> settings.put(key, scalar));
    }
    List<Scalar> values = new ArrayList<>();
    for (YamlNode node : map.list(what, "values")) {
      node.asScalar("A value of " + what).ifPresent(values::add);
    }
    return Optional.of(new QualityRule(kind, columns, severity, settings, values, map.location()));
  }
}
