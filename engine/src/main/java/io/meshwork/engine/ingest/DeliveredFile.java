package io.meshwork.engine.ingest;

import io.meshwork.model.definition.Delivery;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a delivery: where it lies, the name reports give it (as the tenant named it, without the machine's
 * directories), and its format, known from its name: {@code .csv}, {@code .csv.gz} or {@code .parquet}.
 */
record DeliveredFile(Path path, String name, Delivery.Format format, boolean compressed) {

  DeliveredFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
  }

  /** The file at {@code path}, if its name says a format Meshwork reads. */
  static Optional<DeliveredFile> of(Path path) {
    String name = path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return Optional.of(new DeliveredFile(path, name, Delivery.Format.CSV, false));
    }
    if (lower.endsWith(".csv.gz")) {
      return Optional.of(new DeliveredFile(path, name, Delivery.Format.CSV, true));
    }
    if (lower.endsWith(".parquet")) {
      return Optional.of(new DeliveredFile(path, name, Delivery.Format.PARQUET, false));
    }
    return Optional.empty();
  }
}
