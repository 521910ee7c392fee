package io.meshwork.model.testing;

import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.ParameterValue;
import io.meshwork.model.definition.SemanticVersion;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One transform unit test ({@code kind: TransformTest}, a file in {@code tests/} beside a product.yaml): typed rows
 * for every input of the product, the parameter values that differ from the product's defaults, and the rows the
 * product's own transform must return. It always tests the provider's SQL, never a tenant's override.
 */
public record TransformTestCase(String product, SemanticVersion version, String name, String description,
    Map<String, ParameterValue> parameters, List<TestInput> inputs, ExpectedRows expected, Location location) {

  public TransformTestCase {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(location, "location");
  }

  /** "claims_clean/drops_cancelled_lines", the way {@code mesh test} names a case. */
  public String label() {
    return product + "/" + name;
  }
}
