package io.meshwork.cdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * The shipped catalogue grown to catalogue scale, written under a directory: {@value #COPIES} more products, copies
 * of {@code cost_by_provider_type} named {@code cost_by_provider_type_<n>}, all subscribed by alpina (so it plans 50
 * products), and alpina's five principals grown to ten.
 */
final class CatalogueAtScale {

  static final int COPIES = 41;
  static final String TENANT = "alpina";
  private static final Path ORIGINAL = Path.of("products", "provider", "cost_by_provider_type");
  private static final String[] ROLES = {"actuary", "pricing_analyst", "controller", "regional_analyst",
      "data_steward"};

  private CatalogueAtScale() {
  }

  /** Writes the grown catalogue under {@code directory}; returns its root. */
  static Path write(Path directory) throws IOException {
    Path catalog = DemoTenants.copyCatalog(directory);
    Path original = catalog.resolve(ORIGINAL);
    String product = Files.readString(original.resolve("product.yaml"));
    String transform = Files.readString(original.resolve("transform.sql"));
    StringBuilder subscriptions = new StringBuilder();
    for (int number = 1; number <= COPIES; number++) {
      String name = "cost_by_provider_type_" + number;
      Path copy = catalog.resolve("products").resolve("provider").resolve(name);
      Files.createDirectories(copy);
      Files.writeString(copy.resolve("product.yaml"), product.replace("name: cost_by_provider_type\n",
          "name: " + name + "\n"));
      Files.writeString(copy.resolve("transform.sql"), transform);
      subscriptions.append("  - product: ").append(name).append("\n    version: \"^1\"\n");
    }
    Path tenantFile = catalog.resolve("tenants").resolve(TENANT).resolve("tenant.yaml");
    String tenant = Files.readString(tenantFile);
    StringBuilder principals = new StringBuilder();
    IntStream.rangeClosed(1, 5).forEach(number -> principals.append("  - name: analysts-").append(number)
        .append("\n    arn: arn:aws:iam::444455556666:role/alpina-analysts-").append(number)
        .append("\n    roles: [").append(ROLES[number - 1]).append("]\n"));
    // The tenant file ends with its principals: new ones are appended, new subscriptions go first in their list.
    Files.writeString(tenantFile, tenant.replace("subscriptions:\n", "subscriptions:\n" + subscriptions)
        .stripTrailing() + "\n" + principals);
    return catalog;
  }
}
