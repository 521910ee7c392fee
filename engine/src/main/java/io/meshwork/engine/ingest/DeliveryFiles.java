package io.meshwork.engine.ingest;

import io.meshwork.model.definition.Delivery;
import io.meshwork.model.definition.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Checks the files of a delivery before anything reads them, and fingerprints their content. */
final class DeliveryFiles {

  private DeliveryFiles() {
  }

  static List<DeliveredFile> of(Source source, List<Path> paths) {
    if (paths.isEmpty()) {
      throw new DeliveryException("The delivery of source " + source.name() + " has no files. Name CSV (.csv, "
          + ".csv.gz) or Parquet (.parquet) files, or a directory holding them.");
    }
    List<DeliveredFile> files = new ArrayList<>();
    for (Path path : paths) {
      String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        throw new DeliveryException("Cannot read " + name + " of the delivery of source " + source.name()
            + ": no such readable file.");
      }
      DeliveredFile file = DeliveredFile.of(path).orElseThrow(() -> new DeliveryException("Cannot read " + name
          + ": its name does not say its format. Name CSV files *.csv or *.csv.gz and Parquet files *.parquet."));
      if (!source.delivery().accepts(file.format())) {
        throw new DeliveryException(name + " is " + file.format().text() + ", which source " + source.name()
            + " does not accept: deliver " + source.delivery().formats().stream().map(Delivery.Format::text).sorted()
            .collect(Collectors.joining(" or ")) + ".");
      }
      files.add(file);
    }
    return files;
  }

  /** SHA-256 over the files' content in name order: the same files delivered again give the same fingerprint. */
  static String fingerprint(List<DeliveredFile> files) {
    try {
      MessageDigest all = MessageDigest.getInstance("SHA-256");
      List<DeliveredFile> sorted = files.stream().sorted(java.util.Comparator.comparing(DeliveredFile::name)).toList();
      byte[] buffer = new byte[1 << 16];
      for (DeliveredFile file : sorted) {
        MessageDigest one = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file.path())) {
          for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            one.update(buffer, 0, read);
          }
        }
        all.update(one.digest());
      }
      return HexFormat.of().formatHex(all.digest());
    } catch (IOException e) {
      throw new DeliveryException("Cannot read the delivery to fingerprint it: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The bytes of the delivered files as delivered (compressed where they are). */
  static long bytes(List<DeliveredFile> files) {
    long bytes = 0;
    for (DeliveredFile file : files) {
      try {
        bytes += Files.size(file.path());
      } catch (IOException e) {
        throw new DeliveryException("Cannot read the size of delivered file " + file.name() + ": " + e.getMessage(),
            e);
      }
    }
    return bytes;
  }
}
