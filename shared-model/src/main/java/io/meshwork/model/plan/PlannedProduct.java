package io.meshwork.model.plan;

import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Engine;
import io.meshwork.model.definition.ParameterValue;
import io.meshwork.model.definition.Schedule;
import io.meshwork.model.definition.SemanticVersion;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.definition.Transform;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One product as it will run for one tenant: the resolved version, the effective transform (the tenant's override
 * if it has one), typed parameter values, resolved inputs, and a fingerprint of all of it.
 */
public record PlannedProduct(DataProduct product, Origin origin, Transform transform,
    Map<String, ParameterValue> parameters, List<ResolvedInput> inputs, Optional<Schedule> schedule,
    String fingerprint, List<String> reasons) {

  /** Whose definition runs. */
  public enum Origin {
    /** The provider's product as defined. */
    MANAGED,
    /** The provider's product and contract with the tenant's own transform. */
    OVERRIDDEN,
    /** A product the tenant defined on top of managed ones. */
    CUSTOM
  }

  public PlannedProduct {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(transform, "transform");
    parameters = Map.copyOf(parameters);
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(fingerprint, "fingerprint");
    reasons = List.copyOf(reasons);
  }

  public String name() {
    return product.name();
  }

  public SemanticVersion version() {
    return product.version();
  }

  public TableName tableName() {
    return product.tableName();
  }

  /** The engine this product runs on for the tenant: the tenant's choice, else its transform's. */
  public Engine engine() {
    return transform.engine();
  }

  /** The SQL that runs, in the dialect of {@link #engine()}, before its parameters are bound. */
  public String sql() {
    return transform.sqlFor(transform.engine());
  }

  /** An input resolved to the version and table that will be read. */
  public record ResolvedInput(String name, boolean isSource, SemanticVersion version, TableName tableName) {
    public ResolvedInput {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(tableName, "tableName");
    }
  }
}
