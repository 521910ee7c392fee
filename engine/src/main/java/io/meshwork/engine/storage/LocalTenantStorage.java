package io.meshwork.engine.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;

/**
 * The embedded default: per tenant, an Iceberg {@code JdbcCatalog} on a SQLite file and a warehouse directory under
 * the Meshwork home, {@code <home>/tenants/<tenant>/}. Nothing to install or start.
 */
public final class LocalTenantStorage implements TenantStorage {

  private final String tenantId;
  private final Path root;
  private final Catalog catalog;

  private LocalTenantStorage(String tenantId, Path root, Catalog catalog) {
    this.tenantId = tenantId;
    this.root = root;
    this.catalog = catalog;
  }

  /** Opens (creating if needed) the storage of {@code tenantId} under {@code home}. */
  public static LocalTenantStorage open(Path home, String tenantId) {
    Map<String, String> properties = catalogProperties(home, tenantId);
    Path root = root(home, tenantId);
    try {
      Files.createDirectories(root.resolve("work"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the tenant directory " + root, e);
    }
    return new LocalTenantStorage(tenantId, root, CatalogUtil.buildIcebergCatalog(tenantId, properties, null));
  }

  /**
   * The properties of the embedded catalog of {@code tenantId} under {@code home} (a {@code JdbcCatalog} on SQLite
   * with {@link LocalFileIO}), creating its directory: any storage that builds its catalog from properties can open
   * the same tables.
   */
  public static Map<String, String> catalogProperties(Path home, String tenantId) {
    Path root = root(home, TenantIds.check(tenantId));
    try {
      Files.createDirectories(root.resolve("warehouse"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the tenant directory " + root, e);
    }
    return Map.of(
        CatalogProperties.CATALOG_IMPL, "org.apache.iceberg.jdbc.JdbcCatalog",
        CatalogProperties.URI, "jdbc:sqlite:" + root.resolve("catalog.db") + "?busy_timeout=30000",
        CatalogProperties.WAREHOUSE_LOCATION, root.resolve("warehouse").toString(),
        CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName(),
        "jdbc.schema-version", "V1",
        // SQLite serialises writers; Iceberg retries commits that lose the race.
        "commit.retry.num-retries", "10");
  }

  /** True if {@code tenantId} has a catalog under {@code home}: something was seeded or run there. */
  public static boolean exists(Path home, String tenantId) {
    return Files.isRegularFile(root(home, TenantIds.check(tenantId)).resolve("catalog.db"));
  }

  private static Path root(Path home, String tenantId) {
    return home.toAbsolutePath().normalize().resolve("tenants").resolve(tenantId);
  }

  @Override
  public String tenantId() {
    return tenantId;
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public Path workDirectory() {
    return root.resolve("work");
  }

  /** The tenant's warehouse: every table's files lie below it. */
  public Path warehouse() {
    return root.resolve("warehouse");
  }

  @Override
  public List<Path> readable(Table table, List<DataFile> files) {
    return files.stream().map(file -> LocalFileIO.toPath(file.location())).toList();
  }

  @Override
  public String adopt(Path localFile, Table table) {
    Path target = LocalFileIO.toPath(table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet"));
    try {
      Files.createDirectories(target.getParent());
      Files.move(localFile, target, StandardCopyOption.ATOMIC_MOVE);
      ReadOnlyFiles.seal(target);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move " + localFile + " into table " + table.name(), e);
    }
    return target.toString();
  }

  @Override
  public void close() throws IOException {
    if (catalog instanceof java.io.Closeable closeable) {
      closeable.close();
    }
  }
}
