package io.meshwork.functions;

import io.meshwork.engine.ingest.DeliveryException;
import io.meshwork.engine.ingest.IngestReport;
import io.meshwork.engine.ingest.IngestRequest;
import io.meshwork.engine.ingest.IngestService;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SnapshotProperties;
import io.meshwork.engine.storage.ProductTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The Ingest function: S3's {@code Object Created} event for a key under {@code landing/<source>/} of the tenant's
 * data bucket (through EventBridge) brings the delivered object to /tmp and hands it to the engine's
 * {@link IngestService}. A publish is announced with {@code ProductPublished} (the dependents rule refreshes what
 * reads the source), also by a retry of the same event that finds its own publish already on {@code main}; a rejected delivery, or one the engine cannot read, is moved to {@code rejected/<source>/} with
 * its report beside it ({@code <file>.report.json}) and notified on the pipeline's topic. Both are results, not
 * errors: only a failure to reach S3, Glue or the event bus fails the invocation, which Lambda retries with the
 * delivery still in {@code landing/}.
 */
public final class IngestFunction extends EngineFunction<DeliveryEvent, IngestResult> {

  private final IngestService ingest;
  private final DeliveryChannels channels;

  /** Lambda's constructor: the engine comes from {@link EngineFactory}, the channels from the environment. */
  public IngestFunction() {
    this.ingest = new IngestService(engine(), usage());
    this.channels = DeliveryChannels.fromEnvironment(applicationContext.getEnvironment());
  }

  /** Over a given engine and channels, for tests and emulator invoke servers. */
  IngestFunction(Engine engine, DeliveryChannels channels) {
    super(engine);
    this.ingest = new IngestService(engine, usage());
    this.channels = channels;
  }

  @Override
  public IngestResult execute(DeliveryEvent event) {
    return log().run("Ingest", event,
        input -> new InvocationLog.Subject(engine().servedTenant().orElse(null), null, runId(input)),
        this::ingest,
        IngestResult::status);
  }

  private IngestResult ingest(DeliveryEvent event) {
    String tenant = engine().servedTenant().orElseThrow(() -> new IllegalStateException("The Ingest function"
        + " serves one tenant: set MESHWORK_TENANT."));
    LandedObject landed = LandedObject.of(event, channels.bucket(), tenant, engine().plan(tenant).sources());
    String runId = runId(event);
    Path staging = stagingDirectory();
    try {
      Path file = staging.resolve(landed.fileName());
      channels.download(landed, file);
      IngestReport report = ingestOrReject(new IngestRequest(tenant, landed.source().name(), List.of(file), runId),
          landed);
      return switch (report.status()) {
        case PUBLISHED -> {
          channels.announcePublished(report, landed, runId, json());
          yield result(report, landed, runId, null);
        }
        case ALREADY_INGESTED -> {
          // A retried invocation whose publish went through but whose announcement did not: announce it now.
          if (publishedBy(runId, landed, report)) {
            channels.announcePublished(report, landed, runId, json());
          }
          yield result(report, landed, runId, null);
        }
        case REJECTED -> {
          channels.reject(landed, report.toJson());
          channels.notifyRejected(report, landed, json());
          yield result(report, landed, runId, LandedObject.uri(channels.bucket(), landed.reportKey()));
        }
      };
    } finally {
      delete(staging);
    }
  }

  /** The engine's report; input it cannot read becomes a rejection with the engine's message. */
  private IngestReport ingestOrReject(IngestRequest request, LandedObject landed) {
    try {
      return ingest.ingest(request);
    } catch (DeliveryException unreadable) {
      return new IngestReport(IngestReport.Status.REJECTED, request.tenant(), request.source(),
          landed.source().tableName().toString(), null, 0, 0, List.of(), List.of(), List.of(), unreadable.getMessage(),
          null);
    }
  }

  /** Whether {@code main} of the source is the snapshot this run published (an earlier attempt of this event). */
  private boolean publishedBy(String runId, LandedObject landed, IngestReport report) {
    if (report.snapshotId() == null) {
      return false;
    }
    return ProductTables.load(engine().storage(report.tenant()).catalog(), landed.source().tableName())
        .map(table -> table.snapshot(Long.parseLong(report.snapshotId())))
        .map(snapshot -> runId.equals(snapshot.summary().get(SnapshotProperties.RUN_ID)))
        .orElse(false);
  }

  private static IngestResult result(IngestReport report, LandedObject landed, String runId, String reportUri) {
    return new IngestResult(report.status().name(), report.tenant(), report.source(), landed.uri(), runId,
        report.snapshotId(), reportUri, report.message());
  }

  /**
   * {@code ingest-<event id>}: the run id names the delivery's audit branch; an event without id (not one S3 sent)
   * gets a random one.
   */
  private static String runId(DeliveryEvent event) {
    return "ingest-" + (event.id() == null ? UUID.randomUUID() : event.id());
  }

  private static Path stagingDirectory() {
    try {
      return Files.createTempDirectory("meshwork-delivery-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a staging directory for the delivery in "
          + System.getProperty("java.io.tmpdir"), e);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // /tmp is the function's own; a leftover is removed with the execution environment
    }
  }
}
