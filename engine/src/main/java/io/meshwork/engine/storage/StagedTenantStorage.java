package io.meshwork.engine.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.PositionOutputStream;

/**
 * A tenant's storage in any Iceberg catalog whose files are not on local disk, staged for DuckDB. On AWS it is the
 * Glue Data Catalog of the tenant's account with {@code S3FileIO} over its warehouse bucket
 * ({@link #glueProperties}, the only Glue-specific part). The catalog is built from properties with
 * {@link CatalogUtil#buildIcebergCatalog}, so any Iceberg catalog (a REST catalog such as S3 Tables, or the JDBC
 * catalog the tests use) is a configuration change.
 *
 * <p>DuckDB reads local files only, so {@link #readable} stages data files through the table's {@link FileIO} into
 * a staging directory, several at a time, and keeps them while they are read: Iceberg data files never change, so a
 * staged copy stays valid, and products of one run often read the same inputs. A copy not read for
 * {@value #KEEP_IDLE_MINUTES} minutes (no Lambda invocation runs longer) is deleted before the next staging, and
 * every copy on {@link #close}. The staging directory is not DuckDB's work directory, which DuckDB may write.
 * {@link #adopt} uploads a file DuckDB wrote to the table's data location and deletes the local file.
 */
public final class StagedTenantStorage implements TenantStorage {

  static final int KEEP_IDLE_MINUTES = 15;
  /** S3 reads are latency-bound: a few in parallel fill the function's bandwidth without exhausting memory. */
  private static final int STAGING_THREADS = 8;

  private final String tenantId;
  private final Catalog catalog;
  private final Path workDirectory;
  private final Path stagingDirectory;
  private final Clock clock;
  private final Duration keepIdle;
  private final ExecutorService staging;
  /** Staged copies by file location; a pending future is a copy in progress that others wait for. */
  private final Map<String, CompletableFuture<Path>> staged = new HashMap<>();
  private final Map<String, Instant> lastRead = new HashMap<>();

  StagedTenantStorage(String tenantId, Catalog catalog, Path workRoot, Clock clock, Duration keepIdle) {
    this.tenantId = TenantIds.check(tenantId);
    this.catalog = catalog;
    Path root = workRoot.toAbsolutePath().normalize().resolve(tenantId);
    this.workDirectory = root.resolve("work");
    // Each instance stages into a directory of its own, so engines sharing a home never delete each other's copies.
    Path stagingRoot = root.resolve("staged");
    this.stagingDirectory = stagingRoot.resolve(UUID.randomUUID().toString());
    this.clock = clock;
    this.keepIdle = keepIdle;
    try {
      // Copies left by instances that ended without closing (or before a SnapStart snapshot) are unknown to every
      // live one; a directory untouched for longer than any invocation runs belongs to no live instance.
      deleteIdleDirectories(stagingRoot, clock.instant().minus(keepIdle));
      Files.createDirectories(workDirectory);
      Files.createDirectories(stagingDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the tenant's work directory " + root, e);
    }
    this.staging = Executors.newFixedThreadPool(STAGING_THREADS, task -> {
      Thread thread = new Thread(task, "meshwork-staging-" + tenantId);
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Opens the storage of {@code tenantId} over the catalog {@code catalogProperties} describe (e.g.
   * {@link #glueProperties}); local copies live under {@code workRoot/<tenant>/}.
   */
  public static StagedTenantStorage open(String tenantId, Map<String, String> catalogProperties, Path workRoot) {
    Catalog catalog = CatalogUtil.buildIcebergCatalog(TenantIds.check(tenantId), catalogProperties, null);
    return new StagedTenantStorage(tenantId, catalog, workRoot, Clock.systemUTC(),
        Duration.ofMinutes(KEEP_IDLE_MINUTES));
  }

  /**
   * The catalog properties of a tenant's Glue Data Catalog with its warehouse at {@code warehouse}
   * ({@code s3://<bucket>/<prefix>}). {@code endpoint} overrides the AWS endpoint of Glue and S3 (an emulator);
   * {@code pathStyle} addresses buckets by path, as emulators without virtual-host DNS need. Credentials and region
   * come from the AWS SDK's default chains (on Lambda: the function's role and region).
   */
  public static Map<String, String> glueProperties(String warehouse, Optional<String> endpoint, boolean pathStyle) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
    properties.putAll(glueProperties(endpoint, pathStyle));
    return properties;
  }

  /**
   * The catalog properties of a Glue Data Catalog without a warehouse: enough to read the tables it holds (each
   * names its own location), not to create tables.
   */
  public static Map<String, String> glueProperties(Optional<String> endpoint, boolean pathStyle) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(CatalogProperties.CATALOG_IMPL, "org.apache.iceberg.aws.glue.GlueCatalog");
    properties.put(CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.aws.s3.S3FileIO");
    // The JDK's HTTP client: no Apache or Netty client in the function, and a faster cold start.
    properties.put("http-client.type", "urlconnection");
    endpoint.ifPresent(url -> {
      properties.put("glue.endpoint", url);
      properties.put("s3.endpoint", url);
    });
    if (pathStyle) {
      properties.put("s3.path-style-access", "true");
    }
    return properties;
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
    return workDirectory;
  }

  /** Where staged copies of data files lie. */
  Path stagingDirectory() {
    return stagingDirectory;
  }

  @Override
  public List<Path> readable(Table table, List<DataFile> files) {
    deleteIdleCopies();
    List<CompletableFuture<Path>> copies = new ArrayList<>();
    for (DataFile file : files) {
      copies.add(stage(table.io(), file));
    }
    List<Path> paths = new ArrayList<>();
    for (CompletableFuture<Path> copy : copies) {
      try {
        paths.add(copy.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause
            : new IllegalStateException("Cannot stage a data file of " + table.name(), e.getCause());
      }
    }
    return paths;
  }

  private CompletableFuture<Path> stage(FileIO io, DataFile file) {
    String location = file.location();
    CompletableFuture<Path> copy;
    synchronized (this) {
      lastRead.put(location, clock.instant());
      CompletableFuture<Path> existing = staged.get(location);
      if (existing != null) {
        return existing;
      }
      copy = new CompletableFuture<>();
      staged.put(location, copy);
    }
    CompletableFuture<Path> mine = copy;
    staging.execute(() -> {
      try {
        mine.complete(copy(io, file));
      } catch (RuntimeException e) {
        synchronized (this) {
          staged.remove(location, mine);
        }
        mine.completeExceptionally(e);
      }
    });
    return mine;
  }

  /** Streams {@code file} to the staging directory; a partial copy never carries the final name. */
  private Path copy(FileIO io, DataFile file) {
    Path target = stagingDirectory.resolve(localName(file.location()));
    Path partial = stagingDirectory.resolve(target.getFileName() + ".part-" + UUID.randomUUID());
    try (InputStream in = io.newInputFile(file.location(), file.fileSizeInBytes()).newStream()) {
      Files.copy(in, partial);
      ReadOnlyFiles.seal(partial);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the staging directory is emptied on close
      }
      throw new UncheckedIOException("Cannot stage " + file.location() + " to " + target, e);
    }
  }

  /** A unique, readable local name: a hash of the whole location and the file's own name. */
  static String localName(String location) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
      String name = location.substring(location.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
      return HexFormat.of().formatHex(hash, 0, 8) + "-" + name;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Deletes the copies not read within {@code keepIdle}: no step that may still read them runs that long. */
  private synchronized void deleteIdleCopies() {
    Instant cutoff = clock.instant().minus(keepIdle);
    for (Iterator<Map.Entry<String, Instant>> entries = lastRead.entrySet().iterator(); entries.hasNext(); ) {
      Map.Entry<String, Instant> entry = entries.next();
      CompletableFuture<Path> copy = staged.get(entry.getKey());
      if (entry.getValue().isBefore(cutoff) && (copy == null || copy.isDone())) {
        entries.remove();
        staged.remove(entry.getKey());
        if (copy != null && !copy.isCompletedExceptionally()) {
          try {
            Files.deleteIfExists(copy.join());
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the staged copy of " + entry.getKey(), e);
          }
        }
      }
    }
  }

  @Override
  public String adopt(Path localFile, Table table) {
    String location = table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet");
    try (PositionOutputStream out = table.io().newOutputFile(location).createOrOverwrite()) {
      Files.copy(localFile, out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot upload " + localFile + " to " + location + " of table " + table.name(),
          e);
    }
    try {
      Files.delete(localFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + localFile + " after uploading it", e);
    }
    return location;
  }

  @Override
  public void close() throws IOException {
    staging.shutdownNow();
    synchronized (this) {
      staged.clear();
      lastRead.clear();
    }
    io.meshwork.engine.compute.Directories.deleteRecursively(stagingDirectory);
    if (catalog instanceof java.io.Closeable closeable) {
      closeable.close();
    }
  }

  private static void deleteIdleDirectories(Path parent, Instant idleBefore) throws IOException {
    if (!Files.isDirectory(parent)) {
      return;
    }
    try (var children = Files.list(parent)) {
      for (Path child : children.toList()) {
        if (Files.getLastModifiedTime(child).toInstant().isBefore(idleBefore)) {
          io.meshwork.engine.compute.Directories.deleteRecursively(child);
        }
      }
    }
  }
}
