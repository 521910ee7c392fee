package io.meshwork.functions.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a tenant workspace the Access function applied, by path relative to the workspace directory, in the
 * shape {@code mesh workspace apply} sends them ({@code {"files": {"workspace.yaml": "..."}}}); sorted, so the same
 * workspace is always stored as the same bytes.
 */
public record AppliedWorkspace(SortedMap<String, String> files) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public AppliedWorkspace {
    Objects.requireNonNull(files, "files");
    files.forEach((path, text) -> {
      if (path == null || path.isBlank() || text == null) {
        throw new IllegalArgumentException("A workspace file needs a path and a text, not '" + path + "'.");
      }
    });
    files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** The workspace of an event's or a stored object's {@code {"files": {...}}}. */
  public static AppliedWorkspace of(JsonNode workspace) {
    SortedMap<String, String> files = new TreeMap<>();
    workspace.path("files").fields().forEachRemaining(file -> files.put(file.getKey(), file.getValue().asText()));
    return new AppliedWorkspace(files);
  }

  /** Reads what {@link #toJson()} wrote; {@code where} names the object in the message when it is not JSON. */
  static AppliedWorkspace fromJson(byte[] json, String where) {
    try {
      return of(JSON.readTree(json));
    } catch (IOException unreadable) {
      throw new IllegalStateException("The applied workspace " + where + " is not readable JSON: "
          + unreadable.getMessage(), unreadable);
    }
  }

  byte[] toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("files", files));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
