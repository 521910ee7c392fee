package io.meshwork.model.contract;

import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.Scalar;
import io.meshwork.model.definition.TableName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads an Open Data Contract Standard v3.1 document, as {@code mesh contract export} writes it, back into a
 * schema and quality rules that can be checked against a published table. Checks it cannot map are reported, not
 * skipped silently.
 */
public final class OdcsReader {

  private static final java.util.regex.Pattern COUNT_WRAPPER = java.util.regex.Pattern.compile(
      "(?is)\\s*SELECT\\s+count\\(\\*\\)\\s+FROM\\s+\\((.*)\\)\\s*(AS\\s+\\w+)?\\s*");

  private final String file;

  private OdcsReader(String file) {
    this.file = file;
  }

  /** Reads {@code text}; throws {@link IllegalArgumentException} naming the field that is missing or wrong. */
  public static ImportedContract read(String file, String text) {
    return new OdcsReader(file).read(text);
  }

  private ImportedContract read(String text) {
    Object document;
    try {
      document = new Yaml(new LoaderOptions()).load(text);
    } catch (YAMLException e) {
      throw problem("is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    Map<?, ?> root = map(document, "the document");
    if (!"DataContract".equals(root.get("kind")) || !String.valueOf(root.get("apiVersion")).startsWith("v3.")) {
      throw problem("is not an ODCS v3 data contract (kind: DataContract, apiVersion: v3.x). Export one with "
          + "mesh contract export --format odcs.");
    }
    List<?> schema = list(root.get("schema"), "schema");
    if (schema.size() != 1) {
      throw problem("must describe exactly one table under 'schema', found " + schema.size() + ".");
    }
    Map<?, ?> table = map(schema.get(0), "schema[0]");
    String physicalName = text(table.get("physicalName"), "schema[0].physicalName");
    String[] parts = physicalName.split("\\.");
    if (parts.length != 2) {
      throw problem("schema[0].physicalName '" + physicalName + "' must be <namespace>.<table>.");
    }
    String name = text(table.get("name"), "schema[0].name");
    List<Column> columns = new ArrayList<>();
    Map<Integer, String> primaryKey = new TreeMap<>();
    List<QualityRule> rules = new ArrayList<>();
    List<?> properties = list(table.get("properties"), "schema[0].properties");
    for (int i = 0; i < properties.size(); i++) {
      String where = "schema[0].properties[" + i + "]";
      Map<?, ?> property = map(properties.get(i), where);
      String column = text(property.get("name"), where + ".name");
      String typeText = text(property.get("physicalType"), where + ".physicalType");
      ColumnType type = ColumnType.parse(typeText).orElseThrow(() -> problem(where + ".physicalType '" + typeText
          + "' is not a type Meshwork knows (" + ColumnType.ALLOWED + ")."));
      boolean required = Boolean.TRUE.equals(property.get("required"));
      Classification classification = Optional.ofNullable(property.get("classification")).map(String::valueOf)
          .flatMap(Classification::parse).orElse(Classification.INTERNAL);
      columns.add(new Column(column, type, required, Optional.ofNullable(property.get("description")).map(String::valueOf).orElse(""),
          classification, location()));
      if (Boolean.TRUE.equals(property.get("primaryKey"))) {
        Object position = property.get("primaryKeyPosition");
        primaryKey.put(position instanceof Number number ? number.intValue() : primaryKey.size() + 1, column);
      }
      for (Object check : optionalList(property.get("quality"), where + ".quality")) {
        rules.add(rule(map(check, where + ".quality[]"), List.of(column), where));
      }
    }
    for (Object check : optionalList(table.get("quality"), "schema[0].quality")) {
      rules.add(rule(map(check, "schema[0].quality[]"), List.of(), "schema[0]"));
    }
    Contract contract = new Contract(columns, primaryKey.entrySet().stream()
        .sorted(Comparator.comparing(Map.Entry::getKey)).map(Map.Entry::getValue).toList(), List.of());
    Optional<String> tenant = Optional.ofNullable(root.get("tenant")).map(String::valueOf).filter(id -> !id.isBlank());
    return new ImportedContract(file, name, new TableName(parts[0], parts[1]), contract, rules, tenant,
        awsRegion(root.get("servers")));
  }

  /** The {@code region} custom property of the {@code aws} server, as {@code mesh contract export} writes it. */
  private static Optional<String> awsRegion(Object servers) {
    if (!(servers instanceof List<?> list)) {
      return Optional.empty();
    }
    for (Object server : list) {
      if (server instanceof Map<?, ?> map && "aws".equals(map.get("server"))
          && map.get("customProperties") instanceof List<?> properties) {
        for (Object property : properties) {
          if (property instanceof Map<?, ?> entry && "region".equals(entry.get("property"))
              && entry.get("value") != null) {
            return Optional.of(String.valueOf(entry.get("value")));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Maps one ODCS quality entry to a Meshwork rule. */
  private QualityRule rule(Map<?, ?> check, List<String> columns, String where) {
    QualityRule.Severity severity = "error".equals(check.get("severity")) ? QualityRule.Severity.ERROR
        : QualityRule.Severity.WARN;
    String type = String.valueOf(check.get("type"));
    Map<String, Scalar> settings = new java.util.HashMap<>();
    tolerance(check).ifPresent(tolerance -> settings.put("tolerance", scalar(tolerance)));
    if (type.equals("custom") && "meshwork".equals(check.get("engine"))) {
      Map<?, ?> implementation = map(check.get("implementation"), where + ".quality[].implementation");
      List<String> ruleColumns = new ArrayList<>();
      optionalList(implementation.get("columns"), "implementation.columns").forEach(c -> ruleColumns.add(
          String.valueOf(c)));
      List<Scalar> values = new ArrayList<>();
      implementation.forEach((key, value) -> {
        if (key.equals("values")) {
          optionalList(value, "implementation.values").forEach(item -> values.add(scalar(item)));
        } else if (!key.equals("type") && !key.equals("columns")) {
          settings.put(String.valueOf(key), scalar(value));
        }
      });
      return new QualityRule(String.valueOf(implementation.get("type")), ruleColumns, severity, settings, values,
          location());
    }
    if (type.equals("library")) {
      String metric = String.valueOf(check.get("metric"));
      switch (metric) {
        case "nullValues":
          return new QualityRule("not_null", columns, severity, settings, List.of(), location());
        case "duplicateValues":
          return new QualityRule("unique", columns.isEmpty() ? strings(check) : columns, severity, settings,
              List.of(), location());
        case "invalidValues": {
          Object arguments = check.get("arguments");
          List<Scalar> values = new ArrayList<>();
          if (arguments instanceof Map<?, ?> map && map.get("validValues") instanceof List<?> valid) {
            valid.forEach(value -> values.add(scalar(value)));
          }
          return new QualityRule("accepted_values", columns, severity, settings, values, location());
        }
        case "rowCount": {
          settings.remove("tolerance");
          Optional.ofNullable(check.get("mustBeGreaterOrEqualTo")).ifPresent(v -> settings.put("minimum", scalar(v)));
          Optional.ofNullable(check.get("mustBeLessOrEqualTo")).ifPresent(v -> settings.put("maximum", scalar(v)));
          return new QualityRule("row_count", List.of(), severity, settings, List.of(), location());
        }
        default:
          throw problem(where + " has a quality metric '" + metric + "' that Meshwork cannot check.");
      }
    }
    if (type.equals("sql")) {
      String query = text(check.get("query"), where + ".quality[].query");
      settings.put("query", scalar(unwrapCount(query)));
      return new QualityRule("sql", List.of(), severity, settings, List.of(), location());
    }
    throw problem(where + " has a quality check of type '" + type + "' that Meshwork cannot check.");
  }

  /** Exports wrap a failing-rows query as {@code SELECT count(*) FROM (query)}; checks need the rows back. */
  private static String unwrapCount(String query) {
    java.util.regex.Matcher wrapped = COUNT_WRAPPER.matcher(query);
    return wrapped.matches() ? wrapped.group(1).strip() : query.strip();
  }

  private static Optional<Object> tolerance(Map<?, ?> check) {
    Object limit = check.get("mustBeLessOrEqualTo");
    if (limit == null || "rowCount".equals(check.get("metric"))) {
      return Optional.empty();
    }
    return Optional.of("percent".equals(check.get("unit")) ? limit + "%" : limit);
  }

  private static List<String> strings(Map<?, ?> check) {
    Object arguments = check.get("arguments");
    List<String> columns = new ArrayList<>();
    if (arguments instanceof Map<?, ?> map && map.get("columns") instanceof List<?> list) {
      list.forEach(column -> columns.add(String.valueOf(column)));
    }
    return columns;
  }

  private Scalar scalar(Object value) {
    Scalar.Kind kind = value instanceof Integer || value instanceof Long ? Scalar.Kind.INTEGER
        : value instanceof Number ? Scalar.Kind.FLOAT
        : value instanceof Boolean ? Scalar.Kind.BOOLEAN
        : value instanceof java.util.Date ? Scalar.Kind.TIMESTAMP
        : Scalar.Kind.STRING;
    String text = value instanceof java.util.Date date
        ? date.toInstant().toString().substring(0, 10) : String.valueOf(value);
    return new Scalar(text, kind, location());
  }

  private Location location() {
    return Location.of(file);
  }

  private Map<?, ?> map(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw problem(where + " must be a mapping.");
  }

  private List<?> list(Object value, String where) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw problem("is missing the list '" + where + "'.");
  }

  private List<?> optionalList(Object value, String where) {
    return value == null ? List.of() : list(value, where);
  }

  private String text(Object value, String where) {
    if (value == null || String.valueOf(value).isBlank()) {
      throw problem("is missing '" + where + "'.");
    }
    return String.valueOf(value);
  }

  private IllegalArgumentException problem(String message) {
    return new IllegalArgumentException("Contract " + file + " " + message);
  }
}
