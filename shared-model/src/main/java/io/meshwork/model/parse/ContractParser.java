package io.meshwork.model.parse;

import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Partition;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads columns, primary key and partitioning: a source's schema or a product's output contract. */
final class ContractParser {

  private static final List<String> COLUMN_KEYS = List.of("name", "type", "required", "description",
      "classification");
  private static final List<String> PARTITION_KEYS = List.of("column", "transform");
  private static final Pattern TRANSFORM = Pattern.compile("identity|year|month|day|hour|(truncate)\\[(\\d{1,5})]");

  private ContractParser() {
  }

  /** Reads {@code columns}, {@code primaryKey} and {@code partitioning} from {@code map}. */
  static Contract parse(YamlMap map, String what, Problems problems) {
    List<Column> columns = new ArrayList<>();
    Map<String, Column> byName = new HashMap<>();
    for (YamlNode item : map.list(what, "columns")) {
      item.asMap("A column of " + what).flatMap(column -> column(column, what, problems)).ifPresent(column -> {
        Column previous = byName.putIfAbsent(column.name(), column);
        if (previous != null) {
          problems.error(column.location(), "Duplicate column '%s' in %s (first at line %d). Rename or remove one.",
              column.name(), what, previous.location().line());
        } else {
          columns.add(column);
        }
      });
    }
    if (map.has("columns") && columns.isEmpty() && map.list(what, "columns").isEmpty()) {
      problems.error(map.locationOf("columns"), "%s has no columns. List at least one with name and type.", what);
    }
    List<String> primaryKey = map.textList(what, "primaryKey");
    for (String key : primaryKey) {
      if (!byName.containsKey(key)) {
        problems.error(map.locationOf("primaryKey"), "Primary key of %s names '%s', which is not one of its columns.%s",
            what, key, Suggestions.didYouMean(key, byName.keySet()));
      }
    }
    List<Partition> partitioning = new ArrayList<>();
    for (YamlNode item : map.list(what, "partitioning")) {
      item.asMap("A partition field of " + what)
          .flatMap(partition -> partition(partition, what, byName, problems))
          .ifPresent(partitioning::add);
    }
    return new Contract(columns, primaryKey, partitioning);
  }

  private static Optional<Column> column(YamlMap map, String owner, Problems problems) {
    Optional<String> name = map.requiredText("A column of " + owner, "name", "claim_id")
        .flatMap(text -> Names.identifier(problems, map.locationOf("name"), "column name", text));
    String what = "column " + name.orElse("(unnamed)") + " of " + owner;
    map.allowOnly(what, COLUMN_KEYS);
    Optional<ColumnType> type = Fields.type(map, what, problems);
    boolean required = Fields.bool(map, what, "required", false, problems);
    Classification classification = map.optionalText(what, "classification").map(text -> {
      Optional<Classification> parsed = Classification.parse(text);
      if (parsed.isEmpty()) {
        problems.error(map.locationOf("classification"), "Unknown classification '%s' of %s.%s Classifications are "
            + "%s.", text, what, Suggestions.didYouMean(text, Classification.LABELS),
            String.join(", ", Classification.LABELS));
      }
      return parsed.orElse(Classification.INTERNAL);
    }).orElse(Classification.INTERNAL);
    String description = map.optionalText(what, "description").orElse("");
    if (name.isEmpty() || type.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Column(name.get(), type.get(), required, description, classification,
        map.locationOf("name")));
  }

  private static Optional<Partition> partition(YamlMap map, String owner, Map<String, Column> columns,
      Problems problems) {
    String what = "a partition field of " + owner;
    map.allowOnly(what, PARTITION_KEYS);
    Optional<String> column = map.requiredText("A partition field of " + owner, "column", "service_date");
    String transform = map.optionalText(what, "transform").orElse("identity");
    Location location = map.location();
    if (column.isEmpty()) {
      return Optional.empty();
    }
    Column target = columns.get(column.get());
    if (target == null) {
      problems.error(map.locationOf("column"), "Partitioning of %s names '%s', which is not one of its columns.%s",
          owner, column.get(), Suggestions.didYouMean(column.get(), columns.keySet()));
      return Optional.empty();
    }
    Matcher matcher = TRANSFORM.matcher(transform);
    if (!matcher.matches() || matcher.group(2) != null && Integer.parseInt(matcher.group(2)) == 0) {
      problems.error(map.locationOf("transform"), "Unknown partition transform '%s' of %s. Use identity, year, month, "
          + "day, hour or truncate[N].", transform, owner);
      return Optional.empty();
    }
    boolean temporal = transform.equals("year") || transform.equals("month") || transform.equals("day");
    if (temporal && !target.type().isTemporal()
        || transform.equals("hour") && target.type().kind() == ColumnType.Kind.DATE) {
      problems.error(map.locationOf("transform"), "Partition transform '%s' of %s needs a date or timestamp column, "
          + "but %s is %s.", transform, owner, target.name(), target.type());
      return Optional.empty();
    }
    return Optional.of(new Partition(column.get(), transform, location));
  }
}
