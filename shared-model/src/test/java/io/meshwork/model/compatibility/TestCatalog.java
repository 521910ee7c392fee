package io.meshwork.model.compatibility;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.InMemoryDefinitionFiles;
import java.util.Map;
import java.util.TreeMap;

/** A small catalogue held in memory, built up one definition at a time; contracts are written in YAML flow style. */
final class TestCatalog {

  static final String SOURCE_COLUMNS =
      "[{name: id, type: long, required: true}, {name: amount, type: \"decimal(12,2)\"}]";

  private final Map<String, String> files = new TreeMap<>();

  TestCatalog() {
    files.put("catalog.yaml", "apiVersion: meshwork.io/v1\nkind: Catalog\nname: test\nroles: [{role: analyst}]\n");
    source(SOURCE_COLUMNS, "1.0.0");
  }

  private TestCatalog(Map<String, String> files) {
    this.files.putAll(files);
  }

  TestCatalog copy() {
    return new TestCatalog(files);
  }

  /** Replaces the source {@code raw} with one of these columns. */
  TestCatalog source(String columns, String version) {
    files.put("sources/raw.yaml", """
        apiVersion: meshwork.io/v1
        kind: Source
        name: raw
        domain: sources
        version: %s
        columns: %s
        primaryKey: [id]
        """.formatted(version, columns));
    return this;
  }

  /** Adds or replaces a managed product version reading {@code inputs}, each "name" or "name:range". */
  TestCatalog product(String name, String version, String contract, String... inputs) {
    return product("products/", "", name, version, contract, inputs);
  }

  /** Adds or replaces a custom product version of {@code tenant}. */
  TestCatalog customProduct(String tenant, String name, String version, String contract, String... inputs) {
    return product("tenants/" + tenant + "/", "tenant: " + tenant + "\n", name, version, contract, inputs);
  }

  TestCatalog remove(String name, String version) {
    files.keySet().removeIf(path -> path.endsWith("/" + name + "-" + version + ".yaml")
        || path.endsWith("/" + name + "-" + version + ".sql"));
    return this;
  }

  TestCatalog tenant(String id, String... subscriptions) {
    StringBuilder yaml = new StringBuilder("""
        apiVersion: meshwork.io/v1
        kind: Tenant
        id: %s
        displayName: Tenant %s
        account: {email: aws+%s@example.ch, region: eu-central-2}
        subscriptions:
        """.formatted(id, id, id));
    for (String subscription : subscriptions) {
      String[] parts = subscription.split(":");
      yaml.append("  - {product: ").append(parts[0])
          .append(parts.length > 1 ? ", version: \"" + parts[1] + "\"" : "").append("}\n");
    }
    if (subscriptions.length == 0) {
      yaml.append("  []\n");
    }
    files.put("tenants/" + id + "/tenant.yaml", yaml.toString());
    return this;
  }

  Catalog load() {
    return CatalogLoader.load(new InMemoryDefinitionFiles("test", files));
  }

  private TestCatalog product(String directory, String tenantLine, String name, String version, String contract,
      String... inputs) {
    StringBuilder yaml = new StringBuilder("""
        apiVersion: meshwork.io/v1
        kind: DataProduct
        name: %s
        domain: d
        version: %s
        owner: team
        %stransform: {sql: %s-%s.sql}
        contract: %s
        inputs:
        """.formatted(name, version, tenantLine, name, version, contract));
    StringBuilder sql = new StringBuilder("SELECT * FROM ");
    for (int i = 0; i < inputs.length; i++) {
      String[] parts = inputs[i].split(":");
      yaml.append("  - {name: ").append(parts[0]).append(parts.length > 1 ? ", version: \"" + parts[1] + "\"" : "")
          .append("}\n");
      sql.append(i == 0 ? "" : ", ").append(parts[0]);
    }
    files.put(directory + name + "-" + version + ".yaml", yaml.toString());
    files.put(directory + name + "-" + version + ".sql", sql.toString());
    return this;
  }
}
