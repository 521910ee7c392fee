package io.meshwork.localstack.iceberg;

import io.meshwork.engine.storage.ParquetFooters;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.aws.AwsClientProperties;
import org.apache.iceberg.aws.AwsProperties;
import org.apache.iceberg.aws.HttpClientProperties;
import org.apache.iceberg.aws.glue.GlueCatalog;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.aws.s3.S3FileIOProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.io.OutputFile;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;

/**
 * An S3 bucket in the emulator used as an Iceberg warehouse with the Glue catalog, the way a tenant account stores
 * its tables, and real Parquet data files written by DuckDB for it.
 */
final class GlueWarehouse {

  private final EmulatorEndpoints endpoints;
  private final String bucket;

  private GlueWarehouse(EmulatorEndpoints endpoints, String bucket) {
    this.endpoints = endpoints;
    this.bucket = bucket;
  }

  /** Creates a fresh bucket, so runs against a long-lived external emulator do not see each other's tables. */
  static GlueWarehouse create(EmulatorEndpoints endpoints) {
    String bucket = "meshwork-it-" + UUID.randomUUID().toString().substring(0, 8);
    try (S3Client s3 = endpoints.s3()) {
      s3.createBucket(request -> request.bucket(bucket).createBucketConfiguration(configuration ->
          configuration.locationConstraint(BucketLocationConstraint.fromValue(endpoints.region().id()))));
    }
    return new GlueWarehouse(endpoints, bucket);
  }

  String bucket() {
    return bucket;
  }

  /** A Glue catalog with S3FileIO on this warehouse; {@code glueEndpoint} is where its Glue client connects. */
  Catalog catalog(String name, URI glueEndpoint) {
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.CATALOG_IMPL, GlueCatalog.class.getName());
    properties.put(CatalogProperties.FILE_IO_IMPL, S3FileIO.class.getName());
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, "s3://" + bucket + "/warehouse");
    properties.put(AwsClientProperties.CLIENT_REGION, endpoints.region().id());
    properties.put(AwsProperties.GLUE_CATALOG_ENDPOINT, glueEndpoint.toString());
    properties.put(S3FileIOProperties.ENDPOINT, endpoints.aws().toString());
    properties.put(S3FileIOProperties.PATH_STYLE_ACCESS, "true");
    properties.put(S3FileIOProperties.ACCESS_KEY_ID, EmulatorEndpoints.ACCESS_KEY_ID);
    properties.put(S3FileIOProperties.SECRET_ACCESS_KEY, EmulatorEndpoints.SECRET_ACCESS_KEY);
    // Iceberg's default is the Apache client, which the Lambda package leaves out.
    properties.put(HttpClientProperties.CLIENT_TYPE, HttpClientProperties.CLIENT_TYPE_URLCONNECTION);
    return CatalogUtil.buildIcebergCatalog(name, properties, null);
  }

  /** A catalog whose Glue client talks to the emulator directly. */
  Catalog catalog(String name) {
    return catalog(name, endpoints.aws());
  }

  /**
   * Writes {@code rows} rows (ids from {@code firstId}) as a Parquet file with DuckDB, uploads it through the table's
   * FileIO into the table's data location, and describes it with metrics read from its footer — as the engine does.
   */
  static DataFile writeDataFile(Table table, int firstId, int rows) {
    try {
      Path local = Files.createTempFile("meshwork-it-", ".parquet");
      try {
        int idField = table.schema().findField("id").fieldId();
        int claimField = table.schema().findField("claim").fieldId();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
            Statement statement = duckdb.createStatement()) {
          statement.execute("COPY (SELECT CAST(i AS BIGINT) AS id, 'claim-' || i AS claim FROM range(" + firstId
              + ", " + (firstId + rows) + ") t(i)) TO '" + local + "' (FORMAT parquet, FIELD_IDS {id: " + idField
              + ", claim: " + claimField + "})");
        }
        OutputFile output = table.io().newOutputFile(
            table.locationProvider().newDataLocation("part-" + UUID.randomUUID() + ".parquet"));
        try (OutputStream out = output.createOrOverwrite()) {
          Files.copy(local, out);
        }
        return ParquetFooters.read(local).dataFile(table.spec(), output.location(), List.of());
      } finally {
        Files.deleteIfExists(local);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB could not write the test data", e);
    }
  }
}
