package io.meshwork.functions;

import io.meshwork.engine.freshness.FreshnessReport;
import io.meshwork.engine.freshness.FreshnessService;
import io.meshwork.engine.pipeline.Engine;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The hourly freshness check: how long ago each product of the tenant with a freshness SLA was published (see
 * {@link FreshnessService}), returned as a {@link FreshnessReport} and written to standard output as one Embedded
 * Metric Format line per product ({@link FreshnessMetrics}), which the freshness alarms watch. Lambda keeps lines that
 * are already JSON as they are, so CloudWatch Logs extracts the metrics from them.
 */
public final class FreshnessFunction extends EngineFunction<FreshnessRequest, FreshnessReport> {

  private final FreshnessService freshness;
  private final FreshnessMetrics metrics;
  private final Consumer<String> metricLines;

  /** Lambda's constructor: the engine comes from {@link EngineFactory}; metric lines go to standard output. */
  public FreshnessFunction() {
    this.freshness = new FreshnessService(engine(), Clock.systemUTC());
    this.metrics = new FreshnessMetrics(json());
    this.metricLines = System.out::println;
  }

  /** Over a given engine, for local runs and emulator invoke servers: checks over {@code engine} now. */
  public FreshnessFunction(Engine engine) {
    this(engine, Clock.systemUTC(), System.out::println);
  }

  /** For tests: measures ages at {@code clock}'s time and hands each metric line to {@code metricLines}. */
  FreshnessFunction(Engine engine, Clock clock, Consumer<String> metricLines) {
    super(engine);
    this.freshness = new FreshnessService(engine, clock);
    this.metrics = new FreshnessMetrics(json());
    this.metricLines = metricLines;
  }

  @Override
  public FreshnessReport execute(FreshnessRequest request) {
    return log().run("Freshness", request,
        input -> new InvocationLog.Subject(input.tenant(), null, null),
        this::check,
        report -> report.breaches() == 0 ? "FRESH" : "BREACHED");
  }

  private FreshnessReport check(FreshnessRequest request) {
    String tenant = request.tenant() != null ? request.tenant() : engine().servedTenant().orElseThrow(() ->
        new InvalidRequestError("A freshness request needs a tenant when the function serves no single tenant "
            + "(MESHWORK_TENANT is not set); send {\"tenant\": \"<tenant>\"}.", null));
    FreshnessReport report = freshness.check(tenant);
    metrics.lines(report).forEach(metricLines);
    return report;
  }
}
