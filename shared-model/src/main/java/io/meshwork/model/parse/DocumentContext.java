package io.meshwork.model.parse;

import io.meshwork.model.definition.Engine;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Transform;
import java.util.Optional;

/** What a document's parser needs besides the document: its path, sibling files, and where problems go. */
record DocumentContext(String path, DefinitionFiles files, Problems problems) {

  private static final java.time.Duration MAX_TIMEOUT = java.time.Duration.ofHours(12);

  /**
   * Reads a transform: its SQL file, given relative to this document (a missing or escaping path is reported), its
   * timeout, its engine and any SQL written for one engine's dialect.
   */
  Optional<Transform> transform(YamlMap owner, String what) {
    Optional<YamlMap> transform = owner.optionalMap(what, "transform");
    if (transform.isEmpty()) {
      if (!owner.has("transform")) {
        problems.error(owner.location(), "%s is missing 'transform'. Add 'transform: {sql: transform.sql}' with the "
            + "SQL file beside this one.", what);
      }
      return Optional.empty();
    }
    YamlMap map = transform.get().allowOnly("transform", java.util.List.of("sql", "timeout", "engine", "engineSql",
        "resources"));
    Optional<String> file = map.requiredText("The transform of " + what, "sql", "transform.sql");
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Location location = map.locationOf("sql");
    Optional<Transform.EngineSql> sql = sqlFile(file.get(), location, what);
    Optional<java.time.Duration> timeout = timeout(map, what);
    Engine engine = engine(map, "engine", "the transform of " + what).orElse(Engine.DUCKDB);
    java.util.Map<Engine, Transform.EngineSql> engineSql = engineSql(map, what);
    io.meshwork.model.definition.Resources resources = resources(map, what);
    return sql.map(text -> new Transform(text.sqlFile(), text.sql(), timeout, engine, engineSql, resources,
        location));
  }

  /** The optional {@code resources} of a transform: memory and /tmp in MiB, each within Lambda's limits. */
  private io.meshwork.model.definition.Resources resources(YamlMap transform, String what) {
    Optional<YamlMap> map = transform.optionalMap("the transform of " + what, "resources");
    if (map.isEmpty()) {
      return io.meshwork.model.definition.Resources.NONE;
    }
    YamlMap resources = map.get().allowOnly("'resources' of the transform of " + what,
        java.util.List.of("memory", "tmp"));
    return new io.meshwork.model.definition.Resources(
        mebibytes(resources, "memory", what, io.meshwork.model.definition.Resources.MIN_MEMORY_MIB,
            io.meshwork.model.definition.Resources.MAX_MEMORY_MIB),
        mebibytes(resources, "tmp", what, io.meshwork.model.definition.Resources.MIN_TMP_MIB,
            io.meshwork.model.definition.Resources.MAX_TMP_MIB));
  }

  private Optional<Integer> mebibytes(YamlMap resources, String key, String what, int min, int max) {
    Optional<String> text = resources.optionalText("'resources' of the transform of " + what, key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.get().matches("[0-9]{1,6}")) {
      int value = Integer.parseInt(text.get());
      if (value >= min && value <= max) {
        return Optional.of(value);
      }
    }
    problems.error(resources.locationOf(key), "Invalid %s '%s' in 'resources' of the transform of %s: write a whole "
        + "number of MiB from %d to %d, such as %d.", key, text.get(), what, min, max, max / 2);
    return Optional.empty();
  }

  /** The engine named under {@code key} of {@code map}, reporting a name that is none. */
  Optional<Engine> engine(YamlMap map, String key, String what) {
    Optional<String> text = map.optionalText(what, key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Engine> engine = Engine.fromId(text.get());
    if (engine.isEmpty()) {
      problems.error(map.locationOf(key), "Unknown engine '%s' of %s.%s Engines are %s.", text.get(), what,
          io.meshwork.model.definition.Suggestions.didYouMean(text.get(), Engine.ids()),
          String.join(", ", Engine.ids()));
    }
    return engine;
  }

  /** The optional {@code engineSql} of a transform: per engine, a SQL file in that engine's dialect. */
  private java.util.Map<Engine, Transform.EngineSql> engineSql(YamlMap transform, String what) {
    java.util.Map<Engine, Transform.EngineSql> files = new java.util.EnumMap<>(Engine.class);
    Optional<YamlMap> map = transform.optionalMap("the transform of " + what, "engineSql");
    if (map.isEmpty()) {
      return files;
    }
    for (String key : map.get().keys()) {
      Optional<String> file = map.get().optionalText("'engineSql' of the transform of " + what, key);
      if (Engine.fromId(key).isEmpty()) {
        problems.error(map.get().keyLocation(key), "Unknown engine '%s' in 'engineSql' of the transform of %s.%s "
            + "Engines are %s.", key, what, io.meshwork.model.definition.Suggestions.didYouMean(key, Engine.ids()),
            String.join(", ", Engine.ids()));
        continue;
      }
      file.flatMap(relative -> sqlFile(relative, map.get().locationOf(key), what))
          .ifPresent(sql -> files.put(Engine.fromId(key).get(), sql));
    }
    return files;
  }

  /** Reads the SQL file {@code relative} to this document; reports a missing, escaping or empty file. */
  private Optional<Transform.EngineSql> sqlFile(String relative, Location location, String what) {
    String resolved = resolve(relative);
    if (relative.startsWith("/") || resolved.startsWith("../") || resolved.equals("..")) {
      problems.error(location, "SQL file '%s' lies outside the catalogue. Give a path relative to %s inside the "
          + "catalogue.", relative, path);
      return Optional.empty();
    }
    Optional<String> sql = files.read(resolved);
    if (sql.isEmpty()) {
      problems.error(location, "SQL file '%s' not found (looked for %s). Create it or correct the path.", relative,
          resolved);
      return Optional.empty();
    }
    if (sql.get().isBlank()) {
      problems.error(new Location(resolved, 1, 1), "The transform SQL of %s is empty. Write one SELECT.", what);
      return Optional.empty();
    }
    return Optional.of(new Transform.EngineSql(resolved, sql.get()));
  }

  /** The optional {@code timeout} of a transform: an ISO-8601 duration from one second to twelve hours. */
  private Optional<java.time.Duration> timeout(YamlMap transform, String what) {
    Optional<String> text = transform.optionalText("The transform of " + what, "timeout");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      java.time.Duration timeout = java.time.Duration.parse(text.get());
      if (timeout.compareTo(java.time.Duration.ofSeconds(1)) >= 0 && timeout.compareTo(MAX_TIMEOUT) <= 0) {
        return Optional.of(timeout);
      }
    } catch (java.time.format.DateTimeParseException e) {
      // reported below
    }
    problems.error(transform.locationOf("timeout"), "Invalid timeout '%s' of the transform of %s: write an ISO-8601 "
        + "duration from PT1S to PT12H, such as PT10M.", text.get(), what);
    return Optional.empty();
  }

  /** {@code relative} resolved against this document's directory, normalised, with '/'. */
  private String resolve(String relative) {
    int slash = path.lastIndexOf('/');
    String directory = slash < 0 ? "" : path.substring(0, slash + 1);
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String part : (directory + relative).split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty() || parts.peekLast().equals("..")) {
          parts.addLast("..");
        } else {
          parts.removeLast();
        }
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }
}
