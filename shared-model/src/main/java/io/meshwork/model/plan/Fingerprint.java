package io.meshwork.model.plan;

import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.ParameterValue;
import io.meshwork.model.definition.Partition;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.Transform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SHA-256 over everything that decides a product's output for a tenant except the input data: version, SQL,
 * contract, quality rules, parameter values and resolved input versions. Equal fingerprints and equal input
 * snapshots mean a refresh can be skipped.
 */
final class Fingerprint {

  private Fingerprint() {
  }

  static String of(DataProduct product, Transform transform, Map<String, ParameterValue> parameters,
      List<PlannedProduct.ResolvedInput> inputs) {
    StringBuilder canonical = new StringBuilder();
    canonical.append("product=").append(product.name()).append('@').append(product.version())
        .append(";domain=").append(product.domain())
        .append(";sql=").append(transform.sqlFor(transform.engine()).strip());
    for (Column column : product.contract().columns()) {
      canonical.append(";column=").append(column.name()).append(':').append(column.type()).append(':')
          .append(column.required()).append(':').append(column.classification().label());
    }
    canonical.append(";primaryKey=").append(product.contract().primaryKey());
    for (Partition partition : product.contract().partitioning()) {
      canonical.append(";partition=").append(partition.transform()).append('(').append(partition.column()).append(')');
    }
    for (QualityRule rule : product.quality()) {
      canonical.append(";quality=").append(rule.type()).append(rule.columns()).append(rule.severity())
          .append(new TreeMap<>(rule.settings()).entrySet().stream().map(entry -> entry.getKey() + "="
              + entry.getValue().text()).toList())
          .append(rule.values().stream().map(value -> value.text()).toList());
    }
    new TreeMap<>(parameters).forEach((name, value) -> canonical.append(";parameter=").append(name).append('=')
        .append(value.sqlLiteral()));
    inputs.stream().map(input -> input.name() + "@" + input.version()).sorted()
        .forEach(input -> canonical.append(";input=").append(input));
    return sha256(canonical.toString());
  }

  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
