package io.meshwork.engine.ingest;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * A real engine (SQLite catalog, local warehouse, DuckDB) over {@code src/test/resources/ingest-catalog}: tenant
 * helvetia delivers claims (';'-separated CSV with dd.mm.yyyy dates), premiums (appended by month, CSV only) and
 * providers (latin-1 CSV).
 */
final class IngestFixture implements AutoCloseable {

  static final String TENANT = "helvetia";
  static final TableName CLAIMS = new TableName("sources", "claims_v1");
  static final TableName PREMIUMS = new TableName("sources", "premiums_v1");

  final Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(Path.of("src/test/resources/ingest-catalog")));
  final Engine engine;
  private final Path deliveries;
  private int runs;

  IngestFixture(Path home) {
    this.engine = new Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant),
        new DuckDbSession.Limits(2, "1GB"));
    this.deliveries = home.resolve("deliveries");
  }

  /** Writes a delivery file with {@code text} in UTF-8. */
  Path file(String name, String text) {
    return file(name, text, StandardCharsets.UTF_8);
  }

  Path file(String name, String text, Charset charset) {
    return bytes(name, text.getBytes(charset));
  }

  Path bytes(String name, byte[] content) {
    try {
      Files.createDirectories(deliveries);
      return Files.write(deliveries.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  IngestReport ingest(String source, Path... files) {
    return new IngestService(engine).ingest(new IngestRequest(TENANT, source, List.of(files), "run-" + ++runs));
  }

  Table table(TableName name) {
    Table table = ProductTables.load(engine.storage(TENANT).catalog(), name).orElseThrow();
    table.refresh();
    return table;
  }

  /** The snapshot id of main, or null before the first publish. */
  Long main(TableName name) {
    Snapshot snapshot = table(name).currentSnapshot();
    return snapshot == null ? null : snapshot.snapshotId();
  }

  List<List<Object>> rows(TableName name, String sql) {
    try (var session = engine.compute().openChecks(engine.storage(TENANT), List.of(io.meshwork.engine.compute
        .TableFiles.of(name.table(), table(name), main(name), engine.storage(TENANT))))) {
      return session.rows(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    engine.close();
  }
}
