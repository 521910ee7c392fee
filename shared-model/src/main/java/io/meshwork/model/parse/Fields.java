package io.meshwork.model.parse;

import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.CronExpressions;
import io.meshwork.model.definition.Description;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Schedule;
import io.meshwork.model.definition.SemanticVersion;
import io.meshwork.model.definition.VersionRange;
import java.util.List;
import java.util.Optional;

/** Readers for the field shapes that several kinds share. */
final class Fields {

  private static final List<String> DESCRIPTION_KEYS = List.of("purpose", "limitations", "usage");

  private Fields() {
  }

  static Optional<SemanticVersion> version(YamlMap map, String what, Problems problems) {
    return map.requiredText(what, "version", "1.0.0").flatMap(text -> {
      Optional<SemanticVersion> version = SemanticVersion.parse(text);
      if (version.isEmpty()) {
        problems.error(map.locationOf("version"), "Invalid version '%s' of %s: write MAJOR.MINOR.PATCH, e.g. '1.0.0'.",
            text, what);
      }
      return version;
    });
  }

  static Optional<VersionRange> range(YamlMap map, String what, Problems problems) {
    Optional<String> text = map.optionalText(what, "version");
    if (text.isEmpty()) {
      return map.has("version") ? Optional.empty() : Optional.of(VersionRange.ANY);
    }
    Optional<VersionRange> range = VersionRange.parse(text.get());
    if (range.isEmpty()) {
      problems.error(map.locationOf("version"), "Invalid version range '%s' of %s: write ^1, ^1.2, ~1.2, 1.4.0, "
          + ">=1.2.0 <2.0.0 or *.", text.get(), what);
    }
    return range;
  }

  /** A description: a mapping of purpose, limitations and usage, or plain text taken as the purpose. */
  static Description description(YamlMap map, String what) {
    Optional<YamlNode> node = map.get("description");
    if (node.isEmpty()) {
      return Description.EMPTY;
    }
    if (node.get().asMapQuietly().isEmpty()) {
      return new Description(node.get().asText("'description' of " + what).orElse(""), "", "");
    }
    YamlMap description = node.get().asMapQuietly().get().allowOnly("the description of " + what, DESCRIPTION_KEYS);
    String context = "The description of " + what;
    return new Description(description.optionalText(context, "purpose").orElse(""),
        description.optionalText(context, "limitations").orElse(""),
        description.optionalText(context, "usage").orElse(""));
  }

  static Optional<ColumnType> type(YamlMap map, String what, Problems problems) {
    return map.requiredText(what, "type", "string").flatMap(text -> {
      Optional<ColumnType> type = ColumnType.parse(text);
      if (type.isEmpty()) {
        String hint = text.startsWith("decimal(") && !text.contains(")")
            ? " Inside { } a comma ends the value: quote it, e.g. type: \"decimal(12,2)\"."
            : "";
        problems.error(map.locationOf("type"), "Unknown type '%s' of %s. Types are %s.%s", text, what,
            ColumnType.ALLOWED, hint);
      }
      return type;
    });
  }

  static Optional<Schedule> schedule(YamlMap map, String what, Problems problems) {
    return map.optionalText(what, "schedule").flatMap(expression -> {
      Location location = map.locationOf("schedule");
      Optional<String> problem = CronExpressions.problem(expression);
      if (problem.isPresent()) {
        problems.error(location, "Invalid schedule '%s' of %s: %s", expression, what, problem.get());
        return Optional.empty();
      }
      return Optional.of(new Schedule(expression.trim(), location));
    });
  }

  static boolean bool(YamlMap map, String what, String key, boolean defaultValue, Problems problems) {
    return map.get(key).flatMap(node -> node.asScalar("'" + key + "' of " + what)).map(scalar -> {
      if (scalar.kind() != io.meshwork.model.definition.Scalar.Kind.BOOLEAN) {
        problems.error(scalar.location(), "'%s' of %s must be true or false, got '%s'.", key, what, scalar.text());
        return defaultValue;
      }
      return Boolean.parseBoolean(scalar.text().toLowerCase(java.util.Locale.ROOT));
    }).orElse(defaultValue);
  }
}
