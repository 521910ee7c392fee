package io.meshwork.trino.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@TrinoTest
class LocalTrinoTest {

  @TempDir
  Path tenant;

  @Test
  void reportsItselfStartedAndAnswersQueries(LocalTrino trino) throws SQLException {
    assertThat(trino.isRunning()).isTrue();
    assertThat(rows(trino, "SELECT 6 * 7")).containsExactly(List.of(42));
  }

  @Test
  void writesAndReadsATenantsJdbcCatalogOnSqliteWithPlainPathLocations(LocalTrino trino) throws Exception {
    Path sqlite = tenant.resolve("catalog.db");
    Path warehouse = Files.createDirectories(tenant.resolve("warehouse"));
    try (JdbcCatalog iceberg = icebergCatalog("tenant-a", sqlite, warehouse)) {
      trino.addCatalog(TrinoCatalog.jdbc("tenant_a", "tenant-a", sqlite, warehouse));
      execute(trino, "CREATE SCHEMA tenant_a.claims");
      execute(trino, "CREATE TABLE tenant_a.claims.amounts (id integer, amount decimal(12, 2))");
      execute(trino, "INSERT INTO tenant_a.claims.amounts VALUES (1, 10.05), (2, 20.10)");
      long first = ((Number) rows(trino, "SELECT snapshot_id FROM tenant_a.claims.\"amounts$snapshots\" "
          + "ORDER BY committed_at DESC LIMIT 1").get(0)
          .get(0)).longValue();
      execute(trino, "INSERT INTO tenant_a.claims.amounts VALUES (3, 0.01)");

      assertThat(rows(trino, "SELECT count(*), sum(amount) FROM tenant_a.claims.amounts"))
          .containsExactly(List.of(3L, new BigDecimal("30.16")));
      assertThat(rows(trino, "SELECT count(*) FROM tenant_a.claims.amounts FOR VERSION AS OF " + first))
          .containsExactly(List.of(2L));
      assertThat(iceberg.listTables(Namespace.of("claims")))
          .containsExactly(TableIdentifier.of("claims", "amounts"));
      try (Stream<Path> files = Files.walk(warehouse)) {
        List<String> names = files.map(path -> path.getFileName().toString()).toList();
        assertThat(names).anyMatch(name -> name.endsWith(".parquet")).noneMatch(name -> name.endsWith(".crc"));
      }
    } finally {
      trino.dropCatalog("tenant_a");
    }
  }

  @Test
  void aDroppedCatalogIsGone(LocalTrino trino) throws SQLException {
    Path sqlite = tenant.resolve("catalog.db");
    try (JdbcCatalog ignored = icebergCatalog("tenant-b", sqlite, tenant)) {
      trino.addCatalog(TrinoCatalog.jdbc("tenant_b", "tenant-b", sqlite, tenant));
      trino.dropCatalog("tenant_b");
    }

    assertThatThrownBy(() -> rows(trino, "SHOW SCHEMAS FROM tenant_b")).isInstanceOf(SQLException.class)
        .hasMessageContaining("Catalog 'tenant_b' not found");
  }

  /** Creates the catalog tables in the SQLite file as Meshwork's local storage does. */
  private static JdbcCatalog icebergCatalog(String name, Path sqlite, Path warehouse) {
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.initialize(name, Map.of(
        CatalogProperties.URI, "jdbc:sqlite:" + sqlite,
        CatalogProperties.WAREHOUSE_LOCATION, warehouse.toString(),
        CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.inmemory.InMemoryFileIO",
        "jdbc.schema-version", "V1"));
    return catalog;
  }

  private static void execute(LocalTrino trino, String sql) throws SQLException {
    try (Connection connection = trino.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<List<Object>> rows(LocalTrino trino, String sql) throws SQLException {
    try (Connection connection = trino.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          row.add(result.getObject(column));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
