package io.meshwork.model.contract;

import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.TableName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a consumer can check from an exported data contract alone: the table it describes, its schema and the
 * quality rules, with no access to the provider's definitions.
 *
 * @param tenant the tenant the contract was exported for, when it says
 * @param awsRegion the region of the tenant's Glue Data Catalog, when the contract has an {@code aws} server
 */
public record ImportedContract(String file, String name, TableName table, Contract contract,
    List<QualityRule> rules, Optional<String> tenant, Optional<String> awsRegion) {

  public ImportedContract {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(contract, "contract");
    rules = List.copyOf(rules);
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(awsRegion, "awsRegion");
  }

  /** A contract that names neither its tenant nor an AWS server. */
  public ImportedContract(String file, String name, TableName table, Contract contract, List<QualityRule> rules) {
    this(file, name, table, contract, rules, Optional.empty(), Optional.empty());
  }
}
