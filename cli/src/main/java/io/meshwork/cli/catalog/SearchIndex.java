package io.meshwork.cli.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client-side search index, {@code assets/search-index.js}: one entry per product, source, column and glossary
 * term with its title, kind, page (relative to the site root) and the text searched.
 */
final class SearchIndex {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Map<String, String>> entries = new ArrayList<>();

  void add(String kind, String title, String href, String text) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("kind", kind);
    entry.put("title", title);
    entry.put("href", href);
    entry.put("text", text);
    entries.add(entry);
  }

  int size() {
    return entries.size();
  }

  /** The index as a script that sets {@code window.meshworkSearchIndex}; '<' is escaped so no text ends a script. */
  String script() {
    try {
      return "window.meshworkSearchIndex = " + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries)
          .replace("<", "\\u003c") + ";\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
