package io.meshwork.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * SQL placed where a definition holds it: a product's transform, a tenant's override or an SQL quality rule, in a
 * copy of the pipeline test catalogue. {@code expected} is the diagnostic {@code mesh} must print, relative to the
 * catalogue.
 */
record DefinitionCase(String name, Where where, String sql, String expected) {

  enum Where { TRANSFORM, OVERRIDE, QUALITY_RULE }

  private static final Path SOURCE = Path.of("../engine/src/test/resources/pipeline-catalog");

  /** Writes a catalogue holding the SQL, with {@code {input}} replaced by a table its place may read. */
  Path writeCatalogue(Path parent) throws IOException {
    Path catalogue = SandboxKitTest.copy(SOURCE, parent.resolve(UUID.randomUUID().toString()));
    String sql = sql().replace("{input}", switch (where) {
      case TRANSFORM -> "claims";
      case OVERRIDE -> "claims_clean";
      case QUALITY_RULE -> "cost_by_canton";
    });
    switch (where) {
      case TRANSFORM -> Files.writeString(catalogue.resolve("products/claims_clean/transform.sql"), sql);
      case OVERRIDE -> {
        Files.createDirectories(catalogue.resolve("tenants/overrides"));
        Files.writeString(catalogue.resolve("tenants/overrides/cost_by_canton.sql"), sql);
        Files.writeString(catalogue.resolve("tenants/helvetia.yaml"), "overrides:\n  - product: cost_by_canton\n"
            + "    transform:\n      sql: overrides/cost_by_canton.sql\n    reason: Kit case.\n",
            StandardOpenOption.APPEND);
      }
      case QUALITY_RULE -> Files.writeString(catalogue.resolve("products/cost_by_canton/product.yaml"),
          "  - type: sql\n    query: " + yamlQuoted(sql) + "\n", StandardOpenOption.APPEND);
    }
    return catalogue;
  }

  /** A YAML double-quoted scalar that keeps every character of {@code text}, control characters included. */
  private static String yamlQuoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n")
        .replace("\t", "\\t").replace("\f", "\\f") + "\"";
  }

  @Override
  public String toString() {
    return where.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + name;
  }
}
