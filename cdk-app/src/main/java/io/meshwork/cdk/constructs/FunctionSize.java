package io.meshwork.cdk.constructs;

import io.meshwork.model.plan.ComputeSizing;
import java.util.Objects;
import software.amazon.awscdk.Duration;

/**
 * The resources of one pipeline function: memory (which also sets its CPU share), timeout, and the /tmp space it
 * stages Iceberg input files and DuckDB spill files in.
 *
 * @param memoryMiB 128 to 10,240
 * @param timeout at most 15 minutes
 * @param ephemeralStorageMiB 512 to 10,240; above {@value #SNAPSTART_STORAGE_MIB} the function runs without SnapStart,
 *     which Lambda does not support with more /tmp
 */
public record FunctionSize(int memoryMiB, Duration timeout, int ephemeralStorageMiB) {

  /** The most /tmp Lambda allows together with SnapStart. */
  public static final int SNAPSTART_STORAGE_MIB = 512;

  /**
   * Compute: the product's transform in DuckDB over staged inputs; about 1.7 vCPU, Lambda's longest timeout. The plan
   * routes a product here when {@link ComputeSizing} finds it fits.
   */
  public static final FunctionSize COMPUTE = new FunctionSize(ComputeSizing.STANDARD_MEMORY_MIB, Duration.minutes(15),
      ComputeSizing.STANDARD_TMP_MIB);
  /**
   * The large Compute, without SnapStart: Lambda's most memory (6 vCPU) and /tmp, for products whose inputs or
   * declared resources exceed {@link #COMPUTE}.
   */
  public static final FunctionSize COMPUTE_LARGE = new FunctionSize(ComputeSizing.LARGE_MEMORY_MIB,
      Duration.minutes(15), ComputeSizing.LARGE_TMP_MIB);
  /** The steps around an Athena query: creating the staging table and committing its files; metadata work only. */
  public static final FunctionSize ATHENA_STEP = new FunctionSize(1024, Duration.minutes(5), SNAPSTART_STORAGE_MIB);
  /** Validate: contract and quality checks over the audit branch, in DuckDB as well. */
  public static final FunctionSize VALIDATE = new FunctionSize(2048, Duration.minutes(10), SNAPSTART_STORAGE_MIB);
  /** Plan and Publish: catalogue and metadata work only. */
  public static final FunctionSize LIGHT = new FunctionSize(1024, Duration.minutes(2), SNAPSTART_STORAGE_MIB);
  /**
   * Ingest: reads a delivered file from /tmp into the source's table in DuckDB and checks it; a delivery must fit in
   * SnapStart's 512 MiB of /tmp (compressed CSV or Parquet stretches that).
   */
  public static final FunctionSize INGEST = new FunctionSize(2048, Duration.minutes(10), SNAPSTART_STORAGE_MIB);
  /** The hourly freshness check: one catalog lookup and one metadata file per product, no data. */
  public static final FunctionSize FRESHNESS = new FunctionSize(1024, Duration.minutes(1), SNAPSTART_STORAGE_MIB);

  /** True if the function can start from a SnapStart snapshot. */
  public boolean snapStart() {
    return ephemeralStorageMiB <= SNAPSTART_STORAGE_MIB;
  }

  public FunctionSize {
    Objects.requireNonNull(timeout, "timeout");
    if (memoryMiB < 128 || memoryMiB > 10_240) {
      throw new IllegalArgumentException("memoryMiB " + memoryMiB + " is outside Lambda's 128 to 10240 MiB.");
    }
    if (timeout.toSeconds().longValue() < 1 || timeout.toSeconds().longValue() > 900) {
      throw new IllegalArgumentException("timeout " + timeout.toHumanString()
          + " is outside Lambda's 1 second to 15 minutes.");
    }
    if (ephemeralStorageMiB < 512 || ephemeralStorageMiB > 10_240) {
      throw new IllegalArgumentException("ephemeralStorageMiB " + ephemeralStorageMiB
          + " is outside Lambda's 512 to 10240 MiB.");
    }
  }
}
