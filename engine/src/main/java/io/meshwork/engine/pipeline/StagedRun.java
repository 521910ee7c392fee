package io.meshwork.engine.pipeline;

import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.usage.SnapshotSizes;
import io.meshwork.engine.usage.StepClock;
import io.meshwork.engine.usage.UsageMeter;
import io.meshwork.engine.usage.UsageSink;
import io.meshwork.engine.usage.UsageSinks;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.runtime.RuntimeNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Write-audit-publish for a product that an external engine computes (Athena on AWS): {@link #prepare} pins the
 * inputs exactly as Compute does, creates the run's staging Iceberg table with the product's schema, field ids and
 * partitioning under the product table's own location, and renders the statement; the engine runs it; {@link #commit}
 * commits the staging table's data files to the product's {@code audit-<run>} branch with the same snapshot record as
 * Compute, so Validate and Publish follow unchanged. The staging table is dropped without its files (they now belong
 * to the audit branch) by {@link #drop}, or by the state machine. A statement that fails commits nothing to the
 * product: {@code main} stays as it was.
 */
public final class StagedRun {

  /** Athena's name for the account's Glue Data Catalog, as Trino folds it: the catalog of every rendered table. */
  public static final String ATHENA_CATALOG = "awsdatacatalog";

  private final Engine engine;
  private final io.meshwork.model.definition.Engine on;
  private final UsageSink usage;
  private final UsageMeter meter;

  /** A run on {@code on} that appends its usage to the tenant's usage table. */
  public StagedRun(Engine engine, io.meshwork.model.definition.Engine on) {
    this(engine, on, UsageSinks.table(engine::storage, engine.compute()));
  }

  public StagedRun(Engine engine, io.meshwork.model.definition.Engine on, UsageSink usage) {
    this.engine = engine;
    this.on = on;
    this.usage = usage;
    this.meter = UsageMeter.of(on.id());
  }

  /** The staging table of {@code product}'s run {@code runId}: one per product and run, in the staging database. */
  public static TableName stagingTable(TableName product, String runId) {
    String run = runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return new TableName(RuntimeNames.STAGING_DATABASE, product.namespace() + "__" + product.table() + "__" + run);
  }

  /** Pins the inputs, creates the staging table and renders the statement, unless nothing needs computing. */
  public StagedQuery prepare(StepRequest request) {
    ComputeService.Pinned pinned = ComputeService.pin(engine, request);
    if (pinned.settled().isPresent()) {
      ComputeResult settled = pinned.settled().get();
      return new StagedQuery(request, StagedQuery.Status.valueOf(settled.status().name()), null, null, null,
          settled.inputSnapshots(), settled.message(), settled);
    }
    PlannedProduct planned = pinned.planned();
    if (planned.engine() != on) {
      throw new StepException(StepException.Kind.INVALID_REQUEST, planned.name() + " of tenant " + request.tenant()
          + " runs on " + planned.engine() + ", not on " + on + ": the state machine and the plan disagree.");
    }
    TableName staging = stagingTable(planned.tableName(), request.runId());
    create(pinned.storage().catalog(), staging, pinned.output(), request.runId());
    List<StagingQuery.PinnedTable> inputs = pinned.inputs().stream()
        .map(input -> new StagingQuery.PinnedTable(input.name(), input.input().tableName(), input.table().schema(),
            input.snapshotId()))
        .toList();
    return new StagedQuery(request, StagedQuery.Status.PREPARED, staging.namespace(), staging.table(),
        StagingQuery.render(planned, on, ATHENA_CATALOG, staging, inputs), SnapshotIds.format(pinned.pins()),
        "Prepared staging table " + staging + " for " + planned.name() + " on " + on + ".", null);
  }

  /**
   * Commits what the engine wrote into the staging table of {@code prepared} to the product's audit branch, with the
   * input snapshots the statement read. A retried commit of the same run returns the earlier commit.
   */
  public ComputeResult commit(StagedQuery prepared) {
    StepClock clock = StepClock.start();
    StepRequest request = prepared.request();
    if (prepared.status() != StagedQuery.Status.PREPARED) {
      return prepared.settled();
    }
    PlannedProduct planned = engine.planned(request.tenant(), request.product());
    Catalog catalog = engine.storage(request.tenant()).catalog();
    Table output = ProductTables.load(catalog, planned.tableName()).orElseThrow(() -> new StepException(
        StepException.Kind.INPUT_MISSING, "The table " + planned.tableName() + " of " + planned.name()
            + " is gone since its run was prepared."));
    Optional<ComputeResult> retried = alreadyCommitted(request, planned, output);
    if (retried.isPresent()) {
      return retried.get();
    }
    TableIdentifier stagingId = TableIdentifier.of(prepared.stagingDatabase(), prepared.stagingTable());
    if (!catalog.tableExists(stagingId)) {
      throw new StepException(StepException.Kind.INPUT_MISSING, "The staging table " + stagingId + " of "
          + planned.name() + " is gone: its run " + request.runId() + " cannot be committed. Run it again.");
    }
    Table staging = catalog.loadTable(stagingId);
    Map<String, Long> pins = new TreeMap<>();
    prepared.inputSnapshots().forEach((name, id) -> pins.put(name, SnapshotIds.parse(id)));
    long rowsIn = 0;
    long bytesRead = 0;
    for (PlannedProduct.ResolvedInput input : planned.inputs()) {
      Long pinned = pins.get(input.name());
      Snapshot snapshot = pinned == null ? null : ProductTables.load(catalog, input.tableName())
          .map(table -> table.snapshot(pinned)).orElse(null);
      rowsIn += SnapshotSizes.rows(snapshot);
      bytesRead += SnapshotSizes.bytes(snapshot);
    }
    ComputeService.Pinned pinned = new ComputeService.Pinned(planned, engine.storage(request.tenant()), output,
        Optional.empty(), pins, List.of(), rowsIn, bytesRead);
    return ComputeService.commit(request, pinned, files(staging), clock, usage, meter);
  }

  /** Drops the staging table of {@code prepared} from the catalog, keeping its files; true if it existed. */
  public boolean drop(StagedQuery prepared) {
    if (prepared.stagingTable() == null) {
      return false;
    }
    return engine.storage(prepared.request().tenant()).catalog()
        .dropTable(TableIdentifier.of(prepared.stagingDatabase(), prepared.stagingTable()), false);
  }

  /**
   * Creates the staging table anew (a retried Prepare replaces its own earlier one) and checks that the catalog kept
   * the product's field ids and partitioning, without which the files could not be committed to the product.
   */
  private static void create(Catalog catalog, TableName staging, Table output, String runId) {
    TableIdentifier id = ProductTables.identifier(staging);
    ProductTables.ensureNamespace(catalog, Namespace.of(staging.namespace()));
    if (catalog.tableExists(id)) {
      catalog.dropTable(id, false);
    }
    Table created = catalog.buildTable(id, output.schema())
        .withPartitionSpec(output.spec())
        .withLocation(output.location() + "/staging/" + staging.table())
        .withProperty("format-version", "2")
        .withProperty("write.parquet.compression-codec", "zstd")
        .withProperty(SnapshotProperties.RUN_ID, runId)
        .create();
    if (!created.schema().asStruct().equals(output.schema().asStruct())
        || created.spec().specId() != output.spec().specId()
        || !created.spec().fields().equals(output.spec().fields())) {
      catalog.dropTable(id, false);
      throw new StepException(StepException.Kind.TRANSFORM_FAILED, "The staging table " + staging + " of "
          + output.name() + " got other field ids or partitioning than the product's table (its schema or"
          + " partitioning evolved), so files written into it cannot be committed to the product. Product schema: "
          + output.schema().asStruct() + ", spec " + output.spec() + "; staging: " + created.schema().asStruct()
          + ", spec " + created.spec() + ".");
    }
  }

  /** The data files of the staging table's current snapshot; refuses delete files. */
  private static List<DataFile> files(Table staging) {
    List<DataFile> files = new ArrayList<>();
    if (staging.currentSnapshot() == null) {
      return files;
    }
    try (CloseableIterable<FileScanTask> tasks = staging.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        if (!task.deletes().isEmpty()) {
          throw new StepException(StepException.Kind.TRANSFORM_FAILED, "The staging table " + staging.name()
              + " holds row-level deletes (" + task.file().location() + "), which the product's branch must not"
              + " take over: the statement must only insert.");
        }
        files.add(task.file().copy());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot plan the files of " + staging.name(), e);
    }
    return files;
  }

  /** This run's commit on the audit branch, when a retried Commit finds it. */
  private static Optional<ComputeResult> alreadyCommitted(StepRequest request, PlannedProduct planned, Table output) {
    var ref = output.refs().get(request.auditBranch());
    if (ref == null) {
      return Optional.empty();
    }
    Map<String, String> summary = output.snapshot(ref.snapshotId()).summary();
    if (!request.runId().equals(summary.get(SnapshotProperties.RUN_ID))
        || !SnapshotProperties.COMPUTED.equals(summary.get(SnapshotProperties.STAGE))) {
      return Optional.empty();
    }
    return Optional.of(new ComputeResult(request, ComputeResult.Status.COMPUTED, planned.version().toString(),
        planned.tableName().toString(), request.auditBranch(), SnapshotIds.format(ref.snapshotId()),
        Long.parseLong(summary.getOrDefault(SnapshotProperties.ROWS, "0")),
        SnapshotIds.format(SnapshotProperties.parseInputs(summary.get(SnapshotProperties.INPUTS))),
        planned.fingerprint(), "Reused this run's earlier commit on " + request.auditBranch() + ".", List.of()));
  }
}
