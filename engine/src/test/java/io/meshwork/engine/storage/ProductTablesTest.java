package io.meshwork.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.nio.file.Path;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table's primary key is its set of Iceberg identifier fields, from creation or by schema evolution. */
class ProductTablesTest {

  private static final TableName CLAIMS = new TableName("sources", "claims_v1");
  private static final Contract CONTRACT = CatalogLoader.load(new DirectoryDefinitionFiles(
      Path.of("src/test/resources/pipeline-catalog"))).source("claims").orElseThrow().contract();

  @TempDir
  Path home;

  @Test
  void aNewTableDeclaresItsPrimaryKeyAsIdentifierFields() throws Exception {
    try (LocalTenantStorage storage = LocalTenantStorage.open(home, "helvetia")) {
      Table table = ProductTables.ensure(storage.catalog(), CLAIMS, CONTRACT);

      assertThat(table.schema().identifierFieldNames()).containsExactly("claim_id");
      assertThat(table.schema().findField("claim_id").isRequired()).isTrue();
    }
  }

  @Test
  void anExistingTableWithoutIdentifierFields_getsThemThroughSchemaEvolution() throws Exception {
    try (LocalTenantStorage storage = LocalTenantStorage.open(home, "helvetia")) {
      ProductTables.ensure(storage.catalog(), CLAIMS, CONTRACT).updateSchema().setIdentifierFields(List.of())
          .commit();
      assertThat(ProductTables.load(storage.catalog(), CLAIMS).orElseThrow().schema().identifierFieldNames())
          .isEmpty();

      Table evolved = ProductTables.ensure(storage.catalog(), CLAIMS, CONTRACT);

      assertThat(evolved.schema().identifierFieldNames()).containsExactly("claim_id");
    }
  }

  @Test
  void aKeyOverAnOptionalColumn_isNoIdentifier() {
    Schema schema = new Schema(Types.NestedField.required(1, "claim_id", Types.StringType.get()),
        Types.NestedField.optional(2, "canton", Types.StringType.get()),
        Types.NestedField.required(3, "share", Types.DoubleType.get()));

    assertThat(IcebergSchemas.identifierFields(schema, List.of("claim_id", "canton"))).isEmpty();
    assertThat(IcebergSchemas.identifierFields(schema, List.of("claim_id", "share"))).isEmpty();
    assertThat(IcebergSchemas.identifierFields(schema, List.of("claim_id"))).containsExactly("claim_id");
  }
}
