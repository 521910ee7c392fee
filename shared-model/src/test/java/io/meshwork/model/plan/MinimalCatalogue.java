package io.meshwork.model.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/** The smallest catalogue planning tests build on: one role and one source, {@code raw}, with a required id. */
final class MinimalCatalogue {

  private MinimalCatalogue() {
  }

  /** A new, modifiable map of the catalogue's files, to which a test adds products and tenants. */
  static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("catalog.yaml", "apiVersion: meshwork.io/v1\nkind: Catalog\nname: test\nroles: [{role: analyst}]\n");
    files.put("sources/raw.yaml", """
        apiVersion: meshwork.io/v1
        kind: Source
        name: raw
        domain: sources
        version: 1.0.0
        columns: [{name: id, type: long, required: true}]
        """);
    return files;
  }
}
