package io.meshwork.trino.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Iceberg catalog to add to a running Trino: its name in Trino and the connector's properties.
 *
 * @param name the catalog's name in SQL, e.g. {@code alpina}
 * @param properties the Iceberg connector's configuration ({@code connector.name} aside)
 */
public record TrinoCatalog(String name, Map<String, String> properties) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  public TrinoCatalog {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Cannot name a Trino catalog '" + name
          + "': use a lower-case letter, then lower-case letters, digits or _ (at most 63)");
    }
    properties.forEach((key, value) -> {
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("Catalog " + name + " has a property key Trino cannot take: '" + key + "'");
      }
      Objects.requireNonNull(value, () -> "Catalog " + name + " has no value for " + key);
    });
    properties = Map.copyOf(properties);
  }

  /**
   * A tenant's local catalog: Iceberg's {@code JdbcCatalog} on its SQLite file, as Meshwork's local storage writes
   * it. Tables are addressed by plain paths there, which Trino reads through its Hadoop file system (its native local
   * one takes only {@code local:} and {@code file:} locations).
   *
   * @param icebergCatalogName the name Meshwork's catalog gives its rows in the SQLite file: the tenant id
   */
  public static TrinoCatalog jdbc(String name, String icebergCatalogName, Path sqliteFile, Path warehouse) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("iceberg.catalog.type", "jdbc");
    properties.put("iceberg.jdbc-catalog.catalog-name", icebergCatalogName);
    properties.put("iceberg.jdbc-catalog.driver-class", "org.sqlite.JDBC");
    // SQLite serialises writers; Meshwork commits to the same file while Trino reads it.
    properties.put("iceberg.jdbc-catalog.connection-url", "jdbc:sqlite:" + sqliteFile.toAbsolutePath()
        + "?busy_timeout=30000");
    properties.put("iceberg.jdbc-catalog.default-warehouse-dir", warehouse.toAbsolutePath().toString());
    properties.put("fs.hadoop.enabled", "true");
    properties.put("fs.native-local.enabled", "true");
    properties.put("local.location", "/");
    return new TrinoCatalog(name, properties);
  }

  /**
   * Iceberg over a Glue catalog and S3, as Athena reads it, at emulator endpoints (path-style S3, static keys).
   *
   * @param glueEndpoint the Glue API endpoint, e.g. {@code http://127.0.0.1:4566}
   * @param s3Endpoint the S3 endpoint, often the same
   */
  public static TrinoCatalog glue(String name, URI glueEndpoint, URI s3Endpoint, String region, String accessKey,
      String secretKey) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("iceberg.catalog.type", "glue");
    properties.put("hive.metastore.glue.region", region);
    properties.put("hive.metastore.glue.endpoint-url", glueEndpoint.toString());
    properties.put("hive.metastore.glue.aws-access-key", accessKey);
    properties.put("hive.metastore.glue.aws-secret-key", secretKey);
    properties.put("fs.native-s3.enabled", "true");
    properties.put("s3.endpoint", s3Endpoint.toString());
    properties.put("s3.region", region);
    properties.put("s3.path-style-access", "true");
    properties.put("s3.aws-access-key", accessKey);
    properties.put("s3.aws-secret-key", secretKey);
    return new TrinoCatalog(name, properties);
  }

  /** The same catalog with one more property (or one replaced), e.g. {@code hive.metastore.glue.catalogid}. */
  public TrinoCatalog with(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(properties);
    more.put(key, value);
    return new TrinoCatalog(name, more);
  }

  /** The statement that adds this catalog to a Trino whose catalogs are managed dynamically. */
  String createStatement() {
    StringBuilder sql = new StringBuilder("CREATE CATALOG ").append(name).append(" USING iceberg WITH (");
    String separator = "";
    for (Map.Entry<String, String> property : new java.util.TreeMap<>(properties).entrySet()) {
      sql.append(separator).append('"').append(property.getKey()).append("\" = '")
          .append(property.getValue().replace("'", "''")).append('\'');
      separator = ", ";
    }
    return sql.append(')').toString();
  }
}
