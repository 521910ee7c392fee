package io.meshwork.engine.contract;

import io.meshwork.engine.compute.CheckSession;
import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.quality.CheckResult;
import io.meshwork.engine.quality.QualityChecks;
import io.meshwork.engine.storage.IcebergSchemas;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.contract.ImportedContract;
import io.meshwork.model.definition.QualityRule;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;

/**
 * Checks a tenant's published table against a data contract it was given: the schema first, then the contract's
 * quality rules on the {@code main} snapshot. Needs nothing of the provider's definitions.
 */
public final class ContractVerification {

  private ContractVerification() {
  }

  /** The outcome: schema differences, and each check with its failing rows. */
  public record Report(String table, long snapshotId, List<String> schemaProblems, List<CheckResult> checks,
      List<String> notChecked) {
    public Report {
      schemaProblems = List.copyOf(schemaProblems);
      checks = List.copyOf(checks);
      notChecked = List.copyOf(notChecked);
    }

    public boolean holds() {
      return schemaProblems.isEmpty() && checks.stream().noneMatch(check -> check.blocking() && !check.passed());
    }
  }

  /** Verifies; throws {@link IllegalArgumentException} when the table was never published. */
  public static Report verify(TenantStorage storage, ComputeEngine compute, ImportedContract contract)
      throws SQLException {
    Table table = ProductTables.load(storage.catalog(), contract.table()).orElseThrow(() ->
        new IllegalArgumentException("Tenant " + storage.tenantId() + " has no table " + contract.table()
            + ", which contract " + contract.file() + " describes."));
    Snapshot main = table.currentSnapshot();
    if (main == null) {
      throw new IllegalArgumentException("Table " + contract.table() + " of tenant " + storage.tenantId()
          + " has nothing published yet.");
    }
    List<String> schemaProblems = schemaProblems(table.schema(), IcebergSchemas.schema(contract.contract()));
    List<QualityRule> checkable = new ArrayList<>();
    List<String> notChecked = new ArrayList<>();
    for (QualityRule rule : contract.rules()) {
      if (rule.kind() == QualityRule.Kind.REFERENCES) {
        notChecked.add("references(" + String.join(", ", rule.columns()) + "): needs the provider's input "
            + rule.settings().get("product").text());
      } else {
        checkable.add(rule);
      }
    }
    if (!schemaProblems.isEmpty()) {
      return new Report(contract.table().toString(), main.snapshotId(), schemaProblems, List.of(), notChecked);
    }
    TableFiles files = TableFiles.of(contract.name(), table, main.snapshotId(), storage);
    try (CheckSession session = compute.openChecks(storage, List.of(files))) {
      List<CheckResult> checks = new QualityChecks(session, contract.name(), contract.contract(), checkable)
          .run(Optional.empty());
      return new Report(contract.table().toString(), main.snapshotId(), schemaProblems, checks, notChecked);
    }
  }

  private static List<String> sorted(java.util.Set<String> names) {
    return names.stream().sorted().toList();
  }

  private static List<String> schemaProblems(Schema actual, Schema promised) {
    List<String> problems = new ArrayList<>();
    for (Types.NestedField field : promised.columns()) {
      Types.NestedField found = actual.findField(field.name());
      if (found == null) {
        problems.add("column " + field.name() + " is missing from the table");
      } else if (!found.type().equals(field.type())) {
        problems.add("column " + field.name() + " is " + found.type() + ", the contract says " + field.type());
      } else if (field.isRequired() && found.isOptional()) {
        problems.add("column " + field.name() + " is optional in the table, the contract says required");
      }
    }
    // The key, where the table can carry it: Iceberg identifier fields (required, not floating point).
    if (!promised.identifierFieldNames().isEmpty()
        && !promised.identifierFieldNames().equals(actual.identifierFieldNames())) {
      problems.add("the table's primary key is " + sorted(actual.identifierFieldNames()) + ", the contract says "
          + sorted(promised.identifierFieldNames()));
    }
    return problems;
  }
}
