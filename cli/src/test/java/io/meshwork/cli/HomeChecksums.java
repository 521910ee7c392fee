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
 * The SHA-256 of every file under a Meshwork home, by relative path: equal maps mean nothing was touched, except
 * Meshwork's own usage ledger, which a query that ran appends to by design. Its files
 * ({@code warehouse/meshwork/usage_v1/}) are left out, and each tenant's SQLite catalog is compared by its rows
 * (every table's metadata pointer and every namespace property) without the usage table's row.
 */
final class HomeChecksums {

  private HomeChecksums() {
  }

  static Map<String, String> of(Path home) {
    Map<String, String> checksums = new TreeMap<>();
    try (Stream<Path> files = Files.walk(home)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = home.relativize(file).toString().replace('\\', '/');
        if (name.contains("/warehouse/meshwork/usage_v1/")) {
          continue;
        }
        checksums.put(name, name.endsWith("/catalog.db") ? catalogRows(file) : sha256(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return checksums;
  }

  /** The catalog's rows but the usage table's, as text: what a query must not change. */
  private static String catalogRows(Path file) {
    StringBuilder rows = new StringBuilder();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement statement = connection.createStatement()) {
      for (String sql : java.util.List.of("SELECT * FROM iceberg_tables WHERE NOT (table_namespace = 'meshwork' "
          + "AND table_name = 'usage_v1') ORDER BY 1, 2, 3",
          "SELECT * FROM iceberg_namespace_properties ORDER BY 1, 2, 3")) {
        try (java.sql.ResultSet result = statement.executeQuery(sql)) {
          while (result.next()) {
            for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
              rows.append(result.getString(column)).append('|');
            }
            rows.append('\n');
          }
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot read the catalog " + file + ": " + e.getMessage(), e);
    }
    return rows.toString();
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
