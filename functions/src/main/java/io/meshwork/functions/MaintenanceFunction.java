package io.meshwork.functions;

import io.meshwork.engine.maintenance.MaintenanceService;
import io.meshwork.engine.pipeline.Engine;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The daily maintenance: applies the catalogue's retention policy to every table of the tenant in its Glue catalog
 * and S3 (see {@link MaintenanceService}): audit branches of published and of old blocked runs removed, snapshots the
 * policy no longer keeps expired with the files only they referenced, and orphan files under each table's prefix
 * older than the grace period deleted. Returns a {@link MaintenanceResult} and writes one Embedded Metric Format line
 * per completed run ({@link MaintenanceMetrics}), which the maintenance alarm watches.
 */
public final class MaintenanceFunction extends EngineFunction<MaintenanceRequest, MaintenanceResult> {

  private final MaintenanceService maintenance;
  private final MaintenanceMetrics metrics;
  private final Consumer<String> metricLines;

  /** Lambda's constructor: the engine comes from {@link EngineFactory}; metric lines go to standard output. */
  public MaintenanceFunction() {
    this.maintenance = new MaintenanceService(engine(), Clock.systemUTC());
    this.metrics = new MaintenanceMetrics(json());
    this.metricLines = System.out::println;
  }

  /** Over a given engine, for local runs and emulator invoke servers: maintains over {@code engine} now. */
  public MaintenanceFunction(Engine engine) {
    this(engine, Clock.systemUTC(), System.out::println);
  }

  /** For tests: measures the policy's ages from {@code clock}'s time and hands each metric line to {@code metricLines}. */
  public MaintenanceFunction(Engine engine, Clock clock, Consumer<String> metricLines) {
    super(engine);
    this.maintenance = new MaintenanceService(engine, clock);
    this.metrics = new MaintenanceMetrics(json());
    this.metricLines = metricLines;
  }

  @Override
  public MaintenanceResult execute(MaintenanceRequest request) {
    return log().run("Maintenance", request,
        input -> new InvocationLog.Subject(input.tenant(), null, null),
        this::maintain,
        result -> result.dryRun() ? "DRY_RUN" : "MAINTAINED");
  }

  private MaintenanceResult maintain(MaintenanceRequest request) {
    String tenant = request.tenant() != null ? request.tenant() : engine().servedTenant().orElseThrow(() ->
        new InvalidRequestError("A maintenance request needs a tenant when the function serves no single tenant "
            + "(MESHWORK_TENANT is not set); send {\"tenant\": \"<tenant>\"}.", null));
    MaintenanceResult result = MaintenanceResult.of(maintenance.maintain(tenant, request.isDryRun()));
    metrics.lines(result).forEach(metricLines);
    return result;
  }
}
