package io.meshwork.engine.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/** Every file a set of snapshots needs: their manifest lists, manifests and live data files. */
final class ReferencedFiles {

  private ReferencedFiles() {
  }

  static Set<String> of(Table table, Collection<Snapshot> snapshots) {
    Set<String> files = new HashSet<>();
    Set<String> readManifests = new HashSet<>();
    for (Snapshot snapshot : snapshots) {
      files.add(snapshot.manifestListLocation());
      for (ManifestFile manifest : snapshot.allManifests(table.io())) {
        files.add(manifest.path());
        if (!readManifests.add(manifest.path())) {
          continue;
        }
        try (ManifestReader<DataFile> reader = ManifestFiles.read(manifest, table.io(), table.specs())) {
          for (DataFile file : reader) {
            files.add(file.location());
          }
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read manifest " + manifest.path() + " of " + table.name(), e);
        }
      }
    }
    return files;
  }
}
