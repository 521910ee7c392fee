package io.meshwork.engine.storage;

import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.TableName;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Types;

/** Creates and evolves the Iceberg table of a source or product version, following its contract. */
public final class ProductTables {

  private ProductTables() {
  }

  public static TableIdentifier identifier(TableName name) {
    return TableIdentifier.of(Namespace.of(name.namespace()), name.table());
  }

  /** Creates {@code namespace} where the catalog keeps namespaces and it does not exist yet. */
  public static void ensureNamespace(Catalog catalog, Namespace namespace) {
    if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(namespace)) {
      try {
        namespaces.createNamespace(namespace);
      } catch (RuntimeException raced) {
        // Products of one domain run in parallel: another may have created it first (the JDBC catalog reports the
        // lost race as a constraint violation, not as AlreadyExistsException).
        if (!namespaces.namespaceExists(namespace)) {
          throw raced;
        }
      }
    }
  }

  public static Optional<Table> load(Catalog catalog, TableName name) {
    try {
      return Optional.of(catalog.loadTable(identifier(name)));
    } catch (NoSuchTableException e) {
      return Optional.empty();
    }
  }

  /**
   * The table for {@code name}, created from the contract if missing. A minor version may add optional columns;
   * they are added to the existing table (majors have tables of their own). The primary key is the table's set of
   * Iceberg identifier fields.
   */
  public static Table ensure(Catalog catalog, TableName name, Contract contract) {
    Optional<Table> existing = load(catalog, name);
    if (existing.isPresent()) {
      return evolve(existing.get(), contract);
    }
    ensureNamespace(catalog, Namespace.of(name.namespace()));
    Schema schema = IcebergSchemas.schema(contract);
    PartitionSpec spec = IcebergSchemas.spec(schema, contract);
    try {
      return catalog.buildTable(identifier(name), schema).withPartitionSpec(spec)
          .withProperty("format-version", "2")
          .withProperty("write.parquet.compression-codec", "zstd")
          .create();
    } catch (RuntimeException raced) {
      return load(catalog, name).orElseThrow(() -> raced);
    }
  }

  /**
   * Adds the contract's new columns and declares its primary key as the identifier fields when the table does not
   * yet (tables created before keys became identifier fields get them here), in one schema change.
   */
  private static Table evolve(Table table, Contract contract) {
    Schema wanted = IcebergSchemas.schema(contract);
    UpdateSchema update = null;
    for (Types.NestedField field : wanted.columns()) {
      if (table.schema().findField(field.name()) == null) {
        update = update == null ? table.updateSchema() : update;
        update.addColumn(field.name(), field.type(), field.doc());
      }
    }
    Set<String> identifiers = IcebergSchemas.identifierFields(table.schema(), contract.primaryKey());
    if (!identifiers.isEmpty() && !identifiers.equals(table.schema().identifierFieldNames())) {
      update = update == null ? table.updateSchema() : update;
      update.setIdentifierFields(identifiers);
    }
    if (update != null) {
      update.commit();
      table.refresh();
    }
    return table;
  }
}
