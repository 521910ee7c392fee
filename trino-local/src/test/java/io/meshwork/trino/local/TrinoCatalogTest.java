package io.meshwork.trino.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrinoCatalogTest {

  @Test
  void aJdbcCatalogReadsTheTenantsSqliteFileAndPlainPaths() {
    TrinoCatalog catalog = TrinoCatalog.jdbc("alpina", "alpina", Path.of("/h/catalog.db"), Path.of("/h/warehouse"));

    assertThat(catalog.properties()).containsEntry("iceberg.catalog.type", "jdbc")
        .containsEntry("iceberg.jdbc-catalog.catalog-name", "alpina")
        .containsEntry("iceberg.jdbc-catalog.connection-url", "jdbc:sqlite:/h/catalog.db?busy_timeout=30000")
        .containsEntry("iceberg.jdbc-catalog.default-warehouse-dir", "/h/warehouse")
        .containsEntry("fs.hadoop.enabled", "true");
  }

  @Test
  void aGlueCatalogTalksToTheEmulatorsEndpoints() {
    TrinoCatalog catalog = TrinoCatalog.glue("athena", URI.create("http://127.0.0.1:4566"),
        URI.create("http://127.0.0.1:4566"), "eu-central-2", "test", "secret");

    assertThat(catalog.properties()).containsEntry("iceberg.catalog.type", "glue")
        .containsEntry("hive.metastore.glue.endpoint-url", "http://127.0.0.1:4566")
        .containsEntry("s3.endpoint", "http://127.0.0.1:4566")
        .containsEntry("s3.path-style-access", "true")
        .containsEntry("fs.native-s3.enabled", "true")
        .doesNotContainKey("fs.hadoop.enabled");
  }

  @Test
  void writesItsPropertiesAsQuotedLiterals() {
    TrinoCatalog catalog = new TrinoCatalog("t", Map.of("b.key", "it's", "a.key", "x"));

    assertThat(catalog.createStatement())
        .isEqualTo("CREATE CATALOG t USING iceberg WITH (\"a.key\" = 'x', \"b.key\" = 'it''s')");
  }

  @Test
  void refusesANameTrinoCannotTake() {
    assertThatThrownBy(() -> new TrinoCatalog("Alpina-1", Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot name a Trino catalog 'Alpina-1': use a lower-case letter, then lower-case letters, "
            + "digits or _ (at most 63)");
  }

  @Test
  void refusesAPropertyKeyThatWouldLeaveItsQuotes() {
    assertThatThrownBy(() -> new TrinoCatalog("t", Map.of("a\" = 'x'", "y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Catalog t has a property key Trino cannot take: 'a\" = 'x''");
  }

  @Test
  void readsTheStartedFlagOfServerInfo() throws Exception {
    assertThat(LocalTrino.started("{\"starting\":false,\"uptime\":\"6.00s\"}")).isTrue();
    assertThat(LocalTrino.started("{\"starting\":true}")).isFalse();
  }

  @Test
  void letsOneQueryUseSixtyPercentOfTheHeap() {
    assertThat(ServerConfiguration.share("6G", 60)).isEqualTo("3686MB");
    assertThat(ServerConfiguration.share("1536M", 60)).isEqualTo("921MB");
  }
}
