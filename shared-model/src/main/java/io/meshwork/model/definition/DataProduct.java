package io.meshwork.model.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One version of a data product: transform, output contract, quality rules, SLA and access rules. */
public record DataProduct(String name, String domain, SemanticVersion version, Status status, String owner,
    Description description, List<String> tags, Optional<String> tenant, List<Input> inputs,
    List<Parameter> parameters, Transform transform, Contract contract, List<QualityRule> quality, Sla sla,
    List<AccessRule> access, Location location) {

  public DataProduct {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(description, "description");
    tags = List.copyOf(tags);
    Objects.requireNonNull(tenant, "tenant");
    inputs = List.copyOf(inputs);
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(transform, "transform");
    Objects.requireNonNull(contract, "contract");
    quality = List.copyOf(quality);
    Objects.requireNonNull(sla, "sla");
    access = List.copyOf(access);
    Objects.requireNonNull(location, "location");
  }

  /** True for a tenant's own product, false for one the provider manages. */
  public boolean isCustom() {
    return tenant.isPresent();
  }

  public Optional<Parameter> parameter(String parameterName) {
    return parameters.stream().filter(parameter -> parameter.name().equals(parameterName)).findFirst();
  }

  public TableName tableName() {
    return TableName.of(domain, name, version);
  }

  /** "cost_per_insured 1.2.0", the way messages name a product version. */
  public String label() {
    return name + " " + version;
  }
}
