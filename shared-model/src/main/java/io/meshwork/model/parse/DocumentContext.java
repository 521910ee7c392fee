package io.meshwork.model.parse;

import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Transform;
import java.util.Optional;

/** What a document's parser needs besides the document: its path, sibling files, and where problems go. */
record DocumentContext(String path, DefinitionFiles files, Problems problems) {

  private static final java.time.Duration MAX_TIMEOUT = java.time.Duration.ofHours(12);

  /** Reads a transform's SQL file, given relative to this document; reports a missing or escaping path. */
  Optional<Transform> transform(YamlMap owner, String what) {
    Optional<YamlMap> transform = owner.optionalMap(what, "transform");
    if (transform.isEmpty()) {
      if (!owner.has("transform")) {
        problems.error(owner.location(), "%s is missing 'transform'. Add 'transform: {sql: transform.sql}' with the "
            + "SQL file beside this one.", what);
      }
      return Optional.empty();
    }
    YamlMap map = transform.get().allowOnly("transform", java.util.List.of("sql", "timeout"));
    Optional<String> file = map.requiredText("The transform of " + what, "sql", "transform.sql");
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Location location = map.locationOf("sql");
    String relative = file.get();
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
    Optional<java.time.Duration> timeout = timeout(map, what);
    return Optional.of(new Transform(resolved, sql.get(), timeout, location));
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
