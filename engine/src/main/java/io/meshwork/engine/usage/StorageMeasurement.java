package io.meshwork.engine.usage;

import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Measures what each product and source of a tenant keeps, from Iceberg metadata alone (manifests, no data file
 * is opened): the data files live on {@code main}, and those only retained snapshots and branches still reference.
 */
public final class StorageMeasurement {

  private StorageMeasurement() {
  }

  /** One measurement per planned product and source that has a table. */
  public static List<StoredTable> measure(TenantPlan plan, TenantStorage storage, Instant at) {
    Map<String, TableName> tables = new LinkedHashMap<>();
    for (Source source : plan.sources()) {
      tables.put(source.name(), source.tableName());
    }
    for (PlannedProduct product : plan.products()) {
      tables.put(product.name(), product.tableName());
    }
    List<StoredTable> measured = new ArrayList<>();
    tables.forEach((name, tableName) -> ProductTables.load(storage.catalog(), tableName)
        .ifPresent(table -> measured.add(measure(plan.tenantId(), name, table, at))));
    return measured;
  }

  static StoredTable measure(String tenant, String product, Table table, Instant at) {
    Map<String, Long> live = files(table, Optional.ofNullable(table.currentSnapshot()).stream().toList());
    Map<String, Long> all = files(table, iterable(table.snapshots()));
    all.keySet().removeAll(live.keySet());
    return new StoredTable(at, tenant, product, table.name(), sum(live), live.size(), sum(all), all.size());
  }

  /** Every data file the snapshots reference, by location, with its size; each manifest is read once. */
  private static Map<String, Long> files(Table table, List<Snapshot> snapshots) {
    Map<String, Long> files = new HashMap<>();
    Set<String> manifests = new HashSet<>();
    for (Snapshot snapshot : snapshots) {
      for (ManifestFile manifest : snapshot.dataManifests(table.io())) {
        if (!manifests.add(manifest.path())) {
          continue;
        }
        try (ManifestReader<DataFile> reader = ManifestFiles.read(manifest, table.io(), table.specs())) {
          for (DataFile file : reader) {
            files.put(file.location(), file.fileSizeInBytes());
          }
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read manifest " + manifest.path() + " of " + table.name(), e);
        }
      }
    }
    return files;
  }

  private static List<Snapshot> iterable(Iterable<Snapshot> snapshots) {
    List<Snapshot> list = new ArrayList<>();
    snapshots.forEach(list::add);
    return list;
  }

  private static long sum(Map<String, Long> files) {
    return files.values().stream().mapToLong(Long::longValue).sum();
  }
}
