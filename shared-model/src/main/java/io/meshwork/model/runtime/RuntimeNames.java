package io.meshwork.model.runtime;

import io.meshwork.model.definition.TableName;
import java.util.regex.Pattern;

/**
 * Names the Lambda handlers, the engine and the CDK app must agree on, written once: environment variables,
 * Meshwork's own tables, metric names, the error type Step Functions retries, and the shape of a tenant id.
 */
public final class RuntimeNames {

  /** {@code local} (embedded SQLite catalog) or {@code glue}. */
  public static final String CATALOG_VARIABLE = "MESHWORK_CATALOG";
  /** With {@code glue}: {@code s3://<bucket>/warehouse}. */
  public static final String WAREHOUSE_VARIABLE = "MESHWORK_WAREHOUSE";
  /** The one tenant a function serves. */
  public static final String TENANT_VARIABLE = "MESHWORK_TENANT";
  /** Local tables, work and staging directories. */
  public static final String HOME_VARIABLE = "MESHWORK_HOME";
  /** A catalogue directory instead of the packaged one. */
  public static final String DEFINITIONS_VARIABLE = "MESHWORK_DEFINITIONS";
  /** The account whose Lake Formation catalog the Access function reconciles. */
  public static final String CATALOG_ID_VARIABLE = "MESHWORK_CATALOG_ID";
  /** {@code s3://bucket/key} of the record of what Meshwork granted, so it revokes only its own grants. */
  public static final String ACCESS_LEDGER_VARIABLE = "MESHWORK_ACCESS_LEDGER";
  /**
   * The object beside the access ledger (same bucket and folder) where the Access function keeps the workspace it last
   * applied, so every later reconcile layers it again: {@code meshwork/access-ledger.json} gives
   * {@code meshwork/workspace.json}.
   */
  public static String appliedWorkspaceKey(String ledgerKey) {
    return ledgerKey.substring(0, ledgerKey.lastIndexOf('/') + 1) + "workspace.json";
  }

  /** {@code true}: S3 buckets addressed by path (emulators). */
  public static final String S3_PATH_STYLE_VARIABLE = "MESHWORK_S3_PATH_STYLE";
  /** DuckDB's threads per session. */
  public static final String DUCKDB_THREADS_VARIABLE = "MESHWORK_DUCKDB_THREADS";
  /** DuckDB's memory limit per session, e.g. {@code 4GB}. */
  public static final String DUCKDB_MEMORY_VARIABLE = "MESHWORK_DUCKDB_MEMORY";
  /** Disk a DuckDB session may spill to, e.g. {@code 20GB}. */
  public static final String DUCKDB_SPILL_VARIABLE = "MESHWORK_DUCKDB_SPILL";

  /** The ARN of the pipeline's SNS topic, where the Ingest function reports rejected deliveries. */
  public static final String NOTIFICATIONS_TOPIC_VARIABLE = "MESHWORK_NOTIFICATIONS_TOPIC";

  /** Where delivering principals put a source's files in the tenant's data bucket: {@code landing/<source>/...}. */
  public static final String LANDING_PREFIX = "landing/";
  /** Where the Ingest function moves a rejected delivery, with its report beside it: {@code rejected/<source>/...}. */
  public static final String REJECTED_PREFIX = "rejected/";
  /** The suffix of the report object beside a rejected delivery: {@code rejected/<source>/<file>.report.json}. */
  public static final String REPORT_SUFFIX = ".report.json";

  /** Source of the events the pipeline puts on the tenant account's default bus. */
  public static final String PIPELINE_EVENT_SOURCE = "meshwork.pipeline";
  /**
   * Detail type of the event put after a snapshot became {@code main}: by the refresh state machine for a product,
   * and by the Ingest function for a source delivery. The detail holds {@code tenant}, {@code product} (the product
   * or source name), {@code version}, {@code table}, {@code snapshotId}, {@code runId} and {@code request}.
   */
  public static final String PRODUCT_PUBLISHED = "ProductPublished";

  /**
   * The database of the staging tables an external engine (Athena) writes a product's run into before its files are
   * committed to the product's audit branch; nothing in it outlives a run.
   */
  public static final String STAGING_DATABASE = "meshwork_staging";
  /** The Athena workgroup the refresh pipeline runs products on, beside the customers' {@code meshwork}. */
  public static final String PIPELINE_WORKGROUP = "meshwork-pipeline";
  /** Every check of every validation, per tenant. */
  public static final TableName QUALITY_RESULTS = new TableName("meshwork", "quality_results_v1");
  /** Every local query of a tenant's data: who, when, what SQL, which tables and columns, how many rows, why. */
  public static final TableName ACCESS_LOG = new TableName("meshwork", "access_log_v1");
  /** What every step and query cost (one record each), per tenant. */
  public static final TableName USAGE = new TableName("meshwork", "usage_v1");
  /** Bytes stored per table, one row per table and measurement, per tenant. */
  public static final TableName STORAGE = new TableName("meshwork", "storage_v1");

  /** The CloudWatch namespace of usage metrics (EMF), one data point per step of a function. */
  public static final String USAGE_METRIC_NAMESPACE = "Meshwork/Usage";
  /** The detail type of a usage record sent to the provider's central bus; the detail is the record. */
  public static final String USAGE_DETAIL_TYPE = "UsageRecorded";
  /** The event source of usage records on the central bus. */
  public static final String USAGE_EVENT_SOURCE = "meshwork.usage";
  /** The ARN of the provider's central bus, where functions send usage records. */
  public static final String USAGE_BUS_VARIABLE = "MESHWORK_USAGE_BUS";
  /** The cost allocation tag on every resource of a tenant's stack: the tenant id. */
  public static final String TENANT_TAG = "meshwork:tenant";
  /** The cost allocation tag on resources that serve one product: the product name. */
  public static final String PRODUCT_TAG = "meshwork:product";
  /** The memory a Lambda function is configured with, in MB, as Lambda sets it. */
  public static final String FUNCTION_MEMORY_VARIABLE = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

  /** The CloudWatch namespace of Meshwork's metrics. */
  public static final String METRIC_NAMESPACE = "Meshwork";
  /** Hours since a product's last publication, per tenant and product (the freshness check). */
  public static final String HOURS_SINCE_PUBLISHED_METRIC = "HoursSincePublished";
  /** The freshness SLA in hours, per tenant and product, beside {@link #HOURS_SINCE_PUBLISHED_METRIC}. */
  public static final String FRESHNESS_SLA_METRIC = "FreshnessSlaHours";
  /** Publications per tenant and product (the state machine). */
  public static final String PUBLISHED_METRIC = "Published";
  /** Completed maintenance runs per tenant (the daily maintenance function; dry runs are not counted). */
  public static final String MAINTENANCE_RUNS_METRIC = "MaintenanceRuns";
  /** Snapshots a maintenance run expired, per tenant. */
  public static final String EXPIRED_SNAPSHOTS_METRIC = "ExpiredSnapshots";
  /** Files a maintenance run deleted (of expired snapshots, and orphans), per tenant. */
  public static final String DELETED_FILES_METRIC = "DeletedFiles";
  /** Orphan files among {@link #DELETED_FILES_METRIC}, per tenant. */
  public static final String ORPHAN_FILES_METRIC = "OrphanFiles";

  /** The error a handler reports for a lost commit race; the state machine retries it. */
  public static final String CONFLICT_ERROR = "io.meshwork.functions.ConflictError";

  /** The alias of every function version a tenant stack publishes; callers invoke it, never $LATEST. */
  public static final String LIVE_ALIAS = "live";

  /** A tenant id: 2 to 40 lower-case letters, digits and hyphens, starting with a letter. */
  public static final Pattern TENANT_ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  private RuntimeNames() {
  }

  /** The name of tenant {@code tenant}'s Access function, which reconciles its Lake Formation access. */
  public static String accessFunction(String tenant) {
    return "meshwork-" + tenant + "-access";
  }

  /**
   * The configuration property an environment variable sets, as Micronaut reads it:
   * {@code MESHWORK_DUCKDB_MEMORY} is {@code meshwork.duckdb.memory}.
   */
  public static String property(String variable) {
    return variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
  }
}
