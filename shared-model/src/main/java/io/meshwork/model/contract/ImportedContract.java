package io.meshwork.model.contract;

import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.TableName;
import java.util.List;
import java.util.Objects;

/**
 * What a consumer can check from an exported data contract alone: the table it describes, its schema and the
 * quality rules, with no access to the provider's definitions.
 */
public record ImportedContract(String file, String name, TableName table, Contract contract,
    List<QualityRule> rules) {

  public ImportedContract {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(contract, "contract");
    rules = List.copyOf(rules);
  }
}
