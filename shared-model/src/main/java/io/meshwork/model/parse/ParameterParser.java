package io.meshwork.model.parse;

import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.Parameter;
import io.meshwork.model.definition.ParameterValue;
import io.meshwork.model.definition.ParameterValues;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Scalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a product's typed parameters with their defaults and bounds. */
final class ParameterParser {

  private static final List<String> KEYS = List.of("name", "type", "default", "minimum", "maximum", "allowedValues",
      "pattern", "description");
  private static final Set<ColumnType.Kind> PARAMETER_KINDS = Set.of(ColumnType.Kind.BOOLEAN, ColumnType.Kind.INT,
      ColumnType.Kind.LONG, ColumnType.Kind.DOUBLE, ColumnType.Kind.DECIMAL, ColumnType.Kind.DATE,
      ColumnType.Kind.STRING);

  private ParameterParser() {
  }

  static List<Parameter> parse(YamlMap document, String owner, Problems problems) {
    List<Parameter> parameters = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlNode item : document.list(owner, "parameters")) {
      item.asMap("A parameter of " + owner).flatMap(map -> parameter(map, owner, problems)).ifPresent(parameter -> {
        if (!names.add(parameter.name())) {
          problems.error(parameter.location(), "Duplicate parameter '%s' in %s. Remove or rename one.",
              parameter.name(), owner);
        } else {
          parameters.add(parameter);
        }
      });
    }
    return parameters;
  }

  private static Optional<Parameter> parameter(YamlMap map, String owner, Problems problems) {
    Optional<String> name = map.requiredText("A parameter of " + owner, "name", "threshold_chf")
        .flatMap(text -> Names.identifier(problems, map.locationOf("name"), "parameter name", text));
    String what = "parameter " + name.orElse("(unnamed)") + " of " + owner;
    map.allowOnly(what, KEYS);
    Optional<ColumnType> type = Fields.type(map, what, problems).filter(candidate -> {
      if (!PARAMETER_KINDS.contains(candidate.kind())) {
        problems.error(map.locationOf("type"), "Type %s is not allowed for %s. Parameters are boolean, int, long, "
            + "double, decimal(P,S), date or string.", candidate, what);
        return false;
      }
      return true;
    });
    if (name.isEmpty() || type.isEmpty()) {
      return Optional.empty();
    }
    Optional<ParameterValue> minimum = value(map, "minimum", type.get(), what, problems);
    Optional<ParameterValue> maximum = value(map, "maximum", type.get(), what, problems);
    List<ParameterValue> allowed = new ArrayList<>();
    for (YamlNode node : map.list(what, "allowedValues")) {
      node.asScalar("An allowed value of " + what).flatMap(scalar -> typed(scalar, type.get(), what, problems))
          .ifPresent(allowed::add);
    }
    Optional<String> pattern = map.optionalText(what, "pattern").filter(regex -> {
      try {
        Pattern.compile(regex);
        return true;
      } catch (PatternSyntaxException e) {
        problems.error(map.locationOf("pattern"), "Invalid pattern '%s' of %s: %s.", regex, what,
            e.getDescription());
        return false;
      }
    });
    if (type.get().kind() == ColumnType.Kind.STRING && allowed.isEmpty() && pattern.isEmpty()) {
      problems.error(map.location(), "String %s needs 'allowedValues' or a 'pattern', so that no free text reaches "
          + "the SQL. Add e.g. 'allowedValues: [CHF, EUR]'.", what);
      return Optional.empty();
    }
    if (minimum.isPresent() && maximum.isPresent() && minimum.get().compareTo(maximum.get()) > 0) {
      problems.error(map.locationOf("minimum"), "The minimum %s of %s is above its maximum %s. Swap them.",
          minimum.get().display(), what, maximum.get().display());
      return Optional.empty();
    }
    if (!map.has("default")) {
      problems.error(map.location(), "%s is missing 'default'. Give the value used when a tenant sets none.",
          ProductParser.capitalize(what));
      return Optional.empty();
    }
    Optional<ParameterValue> defaultValue = value(map, "default", type.get(), what, problems);
    if (defaultValue.isEmpty()) {
      return Optional.empty();
    }
    Parameter parameter = new Parameter(name.get(), type.get(), defaultValue.get(), minimum, maximum, allowed, pattern,
        map.optionalText(what, "description").orElse(""), map.locationOf("name"));
    Optional<String> problem = ParameterValues.boundsProblem(parameter, defaultValue.get());
    if (problem.isPresent()) {
      problems.error(map.locationOf("default"), "The default of %s %s.", what, problem.get());
      return Optional.empty();
    }
    return Optional.of(parameter);
  }

  private static Optional<ParameterValue> value(YamlMap map, String key, ColumnType type, String what,
      Problems problems) {
    return map.get(key).flatMap(node -> node.asScalar("'" + key + "' of " + what))
        .flatMap(scalar -> typed(scalar, type, "'" + key + "' of " + what, problems));
  }

  private static Optional<ParameterValue> typed(Scalar scalar, ColumnType type, String what, Problems problems) {
    ParameterValues.Typed typed = ParameterValues.type(type, scalar);
    if (typed.value().isEmpty()) {
      problems.error(scalar.location(), "%s %s.", ProductParser.capitalize(what), typed.problem());
    }
    return typed.value();
  }
}
