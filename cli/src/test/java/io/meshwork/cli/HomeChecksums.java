package io.meshwork.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SHA-256 of every file under a Meshwork home, by relative path: equal maps mean nothing was touched. The access
 * log and the usage ledger are the tables every query appends to (by Meshwork, never by the query's SQL), so their
 * files are left out, and each SQLite catalog stands for the metadata location of every other table it holds.
 */
final class HomeChecksums {

  private static final String ACCESS_LOG = "/warehouse/meshwork/access_log_v1/";
  private static final String USAGE = "/warehouse/meshwork/usage_v1/";

  private HomeChecksums() {
  }

  static Map<String, String> of(Path home) {
    Map<String, String> checksums = new TreeMap<>();
    try (Stream<Path> files = Files.walk(home)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = home.relativize(file).toString();
        if (name.contains(ACCESS_LOG) || name.contains(USAGE)) {
          continue;
        }
        checksums.put(name, name.endsWith("catalog.db") ? tables(file) : file.getFileName().toString()
            .startsWith("catalog.db") ? "" : sha256(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return checksums;
  }

  /** Every table of a SQLite catalog but the access log and the usage ledger, with its current metadata file. */
  private static String tables(Path catalog) {
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + catalog);
        java.sql.ResultSet rows = connection.createStatement().executeQuery("SELECT table_namespace, table_name, "
            + "metadata_location FROM iceberg_tables WHERE NOT (table_namespace = 'meshwork' AND table_name IN "
            + "('access_log_v1', 'usage_v1')) ORDER BY 1, 2")) {
      StringBuilder tables = new StringBuilder();
      while (rows.next()) {
        tables.append(rows.getString(1)).append('.').append(rows.getString(2)).append('=')
            .append(rows.getString(3)).append('\n');
      }
      return tables.toString();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot read the catalog " + catalog, e);
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
