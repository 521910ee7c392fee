package io.meshwork.engine.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** The tables a Trino plan reads, from {@code EXPLAIN (TYPE IO, FORMAT JSON)}: {@code catalog.schema.table} each. */
final class TrinoPlanReads {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrinoPlanReads() {
  }

  static List<String> tables(String explainIo) {
    List<String> tables = new ArrayList<>();
    try {
      for (JsonNode input : JSON.readTree(explainIo).path("inputTableColumnInfos")) {
        JsonNode table = input.path("table");
        JsonNode schemaTable = table.path("schemaTable");
        tables.add(table.path("catalog").asText() + "." + schemaTable.path("schema").asText() + "."
            + schemaTable.path("table").asText());
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Trino's plan is not JSON: " + e.getOriginalMessage(), e);
    }
    return tables;
  }
}
