package io.meshwork.model.parse;

import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.ParameterValues;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.Scalar;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.sql.SingleQuery;
import io.meshwork.model.sql.SqlSyntaxException;
import io.meshwork.model.sql.SqlToken;
import io.meshwork.model.sql.TransformReferences;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks the settings of one quality rule against its kind and the product's contract: what each kind needs, bounds
 * typed like their column, regular expressions and durations that parse, SQL that is one query over the product and
 * its inputs. Every problem is reported at the setting's position.
 */
final class QualitySettings {

  private static final Pattern TOLERANCE = Pattern.compile("\\d+(\\.\\d+)?%?");

  private final YamlMap map;
  private final QualityRule rule;
  private final Contract contract;
  private final String owner;
  private final List<String> inputs;
  private final Problems problems;

  private QualitySettings(YamlMap map, QualityRule rule, Contract contract, String owner, List<String> inputs,
      Problems problems) {
    this.map = map;
    this.rule = rule;
    this.contract = contract;
    this.owner = owner;
    this.inputs = inputs;
    this.problems = problems;
  }

  /** Reports every problem of {@code rule}; {@code productName} and {@code inputs} are what its SQL may read. */
  static void check(YamlMap map, QualityRule rule, Contract contract, String owner, String productName,
      List<String> inputs, Problems problems) {
    List<String> readable = new ArrayList<>(inputs);
    readable.add(productName);
    new QualitySettings(map, rule, contract, owner, readable, problems).run();
  }

  private void run() {
    tolerance();
    Runnable check = switch (rule.kind()) {
      case NOT_NULL, UNIQUE -> () -> needColumns(1, Integer.MAX_VALUE);
      case ACCEPTED_VALUES -> () -> {
        needColumns(1, 1);
        if (rule.values().isEmpty()) {
          problems.error(map.location(), "The accepted_values rule of %s lists no 'values'. Add e.g. "
              + "'values: [ZH, BE]'.", owner);
        }
        column().ifPresent(column -> rule.values().forEach(value -> typed(column, value)));
      };
      case RANGE -> () -> {
        needColumns(1, 1);
        need("minimum", "maximum");
        column().ifPresent(column -> {
          setting("minimum").ifPresent(value -> typed(column, value));
          setting("maximum").ifPresent(value -> typed(column, value));
        });
        setting("inclusive").filter(value -> value.kind() != Scalar.Kind.BOOLEAN).ifPresent(value ->
            problems.error(value.location(), "'inclusive' of the range rule of %s must be true or false.", owner));
      };
      case REGEX -> () -> {
        needColumns(1, 1);
        need("pattern");
        setting("pattern").ifPresent(this::regex);
      };
      case ROW_COUNT -> () -> {
        need("minimum", "maximum", "maxChangePercent");
        setting("minimum").ifPresent(value -> whole(value, "minimum"));
        setting("maximum").ifPresent(value -> whole(value, "maximum"));
        setting("maxChangePercent").filter(value -> value.kind() != Scalar.Kind.INTEGER
            && value.kind() != Scalar.Kind.FLOAT).ifPresent(value -> problems.error(value.location(),
            "'maxChangePercent' of the row_count rule of %s must be a number, e.g. 20, got '%s'.", owner,
            value.text()));
      };
      case FRESHNESS -> () -> {
        needColumns(1, 1);
        need("maxAge");
        column().filter(column -> !column.type().isTemporal()).ifPresent(column -> problems.error(
            map.locationOf("columns"), "The freshness rule of %s needs a date or timestamp column, but %s is %s.",
            owner, column.name(), column.type()));
        setting("maxAge").ifPresent(this::duration);
      };
      case REFERENCES -> () -> {
        needColumns(1, 1);
        need("product");
        need("column");
        setting("product").filter(value -> !inputs.contains(value.text())).ifPresent(value -> problems.error(
            value.location(), "The references rule of %s names '%s', which is not one of its inputs.%s Declare it "
            + "under 'inputs'.", owner, value.text(), Suggestions.didYouMean(value.text(), inputs)));
      };
      case SQL -> () -> {
        need("query");
        setting("query").ifPresent(this::query);
      };
    };
    check.run();
  }

  private void tolerance() {
    setting("tolerance").filter(value -> !TOLERANCE.matcher(value.text().trim()).matches()).ifPresent(value ->
        problems.error(value.location(), "Invalid tolerance '%s' of a %s rule of %s: write a number of rows (e.g. 5) "
            + "or a percentage of rows (e.g. 0.1%%).", value.text(), rule.type(), owner));
  }

  private void needColumns(int minimum, int maximum) {
    int count = rule.columns().size();
    if (count < minimum || count > maximum) {
      problems.error(map.locationOf("columns"), "The %s rule of %s needs %s, got %d. Write e.g. 'columns: [%s]'.",
          rule.type(), owner, maximum == 1 ? "exactly one column" : "at least one column", count,
          contract.columns().isEmpty() ? "column" : contract.columns().get(0).name());
    }
  }

  /** Reports the rule when none of {@code keys} is set. */
  private void need(String... keys) {
    for (String key : keys) {
      if (rule.settings().containsKey(key)) {
        return;
      }
    }
    problems.error(map.location(), "The %s rule of %s needs %s.", rule.type(), owner, keys.length == 1
        ? "'" + keys[0] + "'" : "at least one of " + String.join(", ", keys));
  }

  private Optional<Column> column() {
    return rule.columns().size() == 1 ? contract.column(rule.columns().get(0)) : Optional.empty();
  }

  private Optional<Scalar> setting(String key) {
    return Optional.ofNullable(rule.settings().get(key));
  }

  private void typed(Column column, Scalar value) {
    ColumnType type = column.type();
    if (type.kind() == ColumnType.Kind.TIMESTAMP || type.kind() == ColumnType.Kind.TIMESTAMPTZ) {
      return; // written as ISO text; DuckDB compares it as a timestamp
    }
    ParameterValues.Typed typed = ParameterValues.type(type, value);
    if (typed.value().isEmpty()) {
      problems.error(value.location(), "A bound of the %s rule of %s on column %s %s.", rule.type(), owner,
          column.name(), typed.problem());
    }
  }

  private void whole(Scalar value, String key) {
    if (value.kind() != Scalar.Kind.INTEGER) {
      problems.error(value.location(), "'%s' of the row_count rule of %s must be a whole number of rows, got '%s'.",
          key, owner, value.text());
    }
  }

  private void regex(Scalar value) {
    try {
      Pattern.compile(value.text());
    } catch (PatternSyntaxException e) {
      problems.error(value.location(), "Invalid pattern '%s' of the regex rule of %s: %s.", value.text(), owner,
          e.getDescription());
    }
  }

  private void duration(Scalar value) {
    try {
      Duration.parse(value.text());
    } catch (DateTimeParseException e) {
      problems.error(value.location(), "Invalid maxAge '%s' of the freshness rule of %s: write an ISO-8601 duration "
          + "such as PT30H or P2D.", value.text(), owner);
    }
  }

  private void query(Scalar value) {
    Optional<SqlSyntaxException> notOneQuery = SingleQuery.problem(value.text());
    if (notOneQuery.isPresent()) {
      problems.error(value.location(), "The query of the sql rule of %s must be one SELECT returning the failing "
          + "rows: %s", owner, notOneQuery.get().getMessage());
      return;
    }
    TransformReferences references = TransformReferences.of(value.text());
    for (SqlToken table : references.tables()) {
      if (!inputs.contains(table.name())) {
        problems.error(value.location(), "The query of the sql rule of %s reads '%s'; it may read only the product "
            + "itself and its inputs (%s).", owner, table.text(), String.join(", ", inputs));
      }
    }
    for (SqlToken function : references.tableFunctions()) {
      problems.error(value.location(), "The query of the sql rule of %s reads from '%s'; it may read only the "
          + "product itself and its inputs.", owner, function.text());
    }
  }
}
