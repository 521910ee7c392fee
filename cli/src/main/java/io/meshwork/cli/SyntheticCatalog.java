package io.meshwork.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Generates a valid catalogue of a given size for benchmarks: layered products (each reads one to three earlier
 * products or sources) and tenants that each subscribe to a few products with their own parameter values.
 */
final class SyntheticCatalog {

  private static final int SOURCES = 3;

  private final Random random;

  SyntheticCatalog(long seed) {
    this.random = new Random(seed);
  }

  Map<String, String> files(int products, int tenants) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("catalog.yaml", """
        apiVersion: meshwork.io/v1
        kind: Catalog
        name: generated
        owner: bench
        roles:
          - role: analyst
        """);
    for (int source = 0; source < SOURCES; source++) {
      files.put("sources/s" + source + ".yaml", """
          apiVersion: meshwork.io/v1
          kind: Source
          name: s%d
          domain: sources
          version: 1.0.0
          columns:
            - {name: id, type: long, required: true}
            - {name: amount, type: "decimal(12,2)"}
          primaryKey: [id]
          """.formatted(source));
    }
    for (int product = 0; product < products; product++) {
      TreeSet<String> inputs = new TreeSet<>();
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        int pick = random.nextInt(product + SOURCES);
        inputs.add(pick < SOURCES ? "s" + pick : "p" + (pick - SOURCES));
      }
      StringBuilder yaml = new StringBuilder("""
          apiVersion: meshwork.io/v1
          kind: DataProduct
          name: p%d
          domain: d%d
          version: 1.%d.0
          owner: bench
          inputs:
          """.formatted(product, product % 7, product % 3));
      inputs.forEach(input -> yaml.append("  - {name: ").append(input)
          .append(input.startsWith("p") ? ", version: \"^1\"}\n" : "}\n"));
      yaml.append("""
          parameters:
            - {name: factor, type: int, default: 1, minimum: 1, maximum: 100}
          transform: {sql: p%d.sql}
          contract:
            columns:
              - {name: id, type: long, required: true, classification: public}
              - {name: amount, type: "decimal(18,2)"}
            primaryKey: [id]
          sla: {freshness: PT30H, schedule: "cron(0 5 * * ? *)"}
          access:
            - {role: analyst, classifications: [public, internal], rowFilter: "amount > 0"}
          """.formatted(product));
      files.put("products/p" + product + ".yaml", yaml.toString());
      String union = inputs.stream().map(input -> "SELECT id, amount * ${factor} AS amount FROM " + input)
          .reduce((a, b) -> a + "\nUNION ALL\n" + b).orElseThrow();
      files.put("products/p" + product + ".sql", union + "\n");
    }
    for (int tenant = 0; tenant < tenants; tenant++) {
      StringBuilder yaml = new StringBuilder("""
          apiVersion: meshwork.io/v1
          kind: Tenant
          id: t%d
          displayName: Tenant %d
          account: {email: aws+t%d@example.ch, region: eu-central-2}
          subscriptions:
          """.formatted(tenant, tenant, tenant));
      TreeSet<Integer> subscribed = new TreeSet<>();
      int count = 3 + random.nextInt(6);
      while (subscribed.size() < Math.min(count, products)) {
        subscribed.add(random.nextInt(products));
      }
      subscribed.forEach(product -> yaml.append("  - {product: p").append(product)
          .append(", version: \"^1\", parameters: {factor: ").append(1 + random.nextInt(100)).append("}}\n"));
      yaml.append("principals:\n  - {name: analysts, roles: [analyst]}\n");
      files.put("tenants/t" + tenant + ".yaml", yaml.toString());
    }
    return files;
  }
}
