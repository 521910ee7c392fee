package io.meshwork.engine.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.types.Types;

/**
 * The Iceberg table a distributed engine writes a product's result into before Meshwork commits its files to the
 * product's audit branch. Its columns carry the product table's field ids, types and partitioning, so its files
 * are the product's files; every column is optional, so that empty required values reach Meshwork's own check
 * (with counts and sample rows, as on DuckDB) instead of failing the engine's write at the first one. It lives in
 * the namespace {@value #NAMESPACE}, its location below the product table's, and it is dropped once its files are
 * handed over (or the write failed): its data files then belong to the product table or are deleted.
 */
final class StagingTable {

  static final String NAMESPACE = "meshwork_staging";

  private final Catalog catalog;
  private final TableIdentifier identifier;
  private final Table table;

  private StagingTable(Catalog catalog, TableIdentifier identifier, Table table) {
    this.catalog = catalog;
    this.identifier = identifier;
    this.table = table;
  }

  /** Creates an empty staging table for {@code product} in {@code catalog}, registered from metadata written here. */
  static StagingTable create(Catalog catalog, Table product) {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String productName = product.name().substring(product.name().lastIndexOf('.') + 1);
    TableIdentifier identifier = TableIdentifier.of(NAMESPACE, (productName + "_" + suffix).toLowerCase(Locale.ROOT));
    if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(Namespace.of(NAMESPACE))) {
      try {
        namespaces.createNamespace(Namespace.of(NAMESPACE));
      } catch (AlreadyExistsException e) {
        // a concurrent run created it
      }
    }
    TableMetadata current = ((BaseTable) product).operations().current();
    Schema optional = new Schema(product.schema().columns().stream().map(Types.NestedField::asOptional).toList());
    String location = product.location() + "/staging/" + identifier.name();
    TableMetadata metadata = TableMetadata.buildFromEmpty(current.formatVersion())
        .setLocation(location)
        .setCurrentSchema(optional, Math.max(optional.highestFieldId(), current.lastColumnId()))
        .setDefaultPartitionSpec(product.spec())
        .setDefaultSortOrder(SortOrder.unsorted())
        .setProperties(Map.of("write.format.default", "parquet", "write.parquet.compression-codec", "zstd"))
        .build();
    String file = location + "/metadata/00000-" + UUID.randomUUID() + ".metadata.json";
    TableMetadataParser.overwrite(metadata, product.io().newOutputFile(file));
    Table table = catalog.registerTable(identifier, file);
    if (!table.schema().sameSchema(optional) || !table.spec().compatibleWith(product.spec())) {
      StagingTable staging = new StagingTable(catalog, identifier, table);
      staging.dropWithData();
      throw new IllegalStateException("The staging table of " + product.name() + " did not keep its field ids: "
          + table.schema() + " instead of " + optional);
    }
    return new StagingTable(catalog, identifier, table);
  }

  /** Namespace and name in the catalog, e.g. {@code meshwork_staging.claims_clean_v1_0a1b2c3d4e5f}. */
  TableIdentifier identifier() {
    return identifier;
  }

  /** The table as the catalog has it now, after the engine's commit. */
  Table refreshed() {
    table.refresh();
    return table;
  }

  /** Drops the table and every file it wrote, data included: nothing of it reached the product. */
  void dropWithData() {
    Table current = refreshed();
    List<String> files = new ArrayList<>(metadataFiles(current));
    Snapshot snapshot = current.currentSnapshot();
    if (snapshot != null) {
      snapshot.addedDataFiles(current.io()).forEach(file -> files.add(file.location()));
    }
    catalog.dropTable(identifier, false);
    delete(current.io(), files);
  }

  /** Drops the table and its metadata; its data files stay, now referenced by the product table. */
  void dropKeepingData() {
    Table current = refreshed();
    List<String> files = metadataFiles(current);
    catalog.dropTable(identifier, false);
    delete(current.io(), files);
  }

  private static List<String> metadataFiles(Table table) {
    List<String> files = new ArrayList<>();
    TableMetadata metadata = ((BaseTable) table).operations().current();
    files.add(metadata.metadataFileLocation());
    metadata.previousFiles().forEach(entry -> files.add(entry.file()));
    for (Snapshot snapshot : table.snapshots()) {
      files.add(snapshot.manifestListLocation());
      for (ManifestFile manifest : snapshot.allManifests(table.io())) {
        files.add(manifest.path());
      }
    }
    table.statisticsFiles().forEach(statistics -> files.add(statistics.path()));
    return files;
  }

  private static void delete(FileIO io, List<String> files) {
    for (String file : files) {
      try {
        io.deleteFile(file);
      } catch (RuntimeException e) {
        // already gone; table maintenance removes what is left
      }
    }
  }
}
