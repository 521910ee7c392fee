package io.meshwork.functions;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.usage.UsageRecord;
import io.meshwork.engine.usage.UsageSink;
import io.meshwork.engine.usage.UsageTable;
import io.meshwork.model.runtime.RuntimeNames;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Where a function's steps hand their usage: the tenant's usage table (per step, as each invocation is its own),
 * an EMF line in the function's log, and, when {@code MESHWORK_USAGE_BUS} names the provider's central bus, an
 * event {@value RuntimeNames#USAGE_DETAIL_TYPE} there, so the provider sees every tenant's usage without reading
 * tenant data. The peak memory of the process is added, as a function runs one step at a time.
 */
final class FunctionUsage implements UsageSink {

  private final Engine engine;
  private final UsageMetrics metrics;
  private final Consumer<String> log;
  private final Optional<String> bus;
  private final Optional<String> endpoint;
  private EventBridgeClient events;

  FunctionUsage(Engine engine, JsonMapper json, Consumer<String> log, Optional<String> bus,
      Optional<String> endpoint) {
    this.engine = engine;
    this.metrics = new UsageMetrics(json);
    this.log = log;
    this.bus = bus.filter(arn -> !arn.isBlank());
    this.endpoint = endpoint.filter(url -> !url.isBlank());
  }

  /**
   * The sink of a function: stdout for EMF; the bus from {@code MESHWORK_USAGE_BUS} ({@code meshwork.usage.bus}),
   * reached through {@code AWS_ENDPOINT_URL} ({@code aws.endpoint.url}) when set, as the engine's storage is.
   */
  static FunctionUsage of(Engine engine, JsonMapper json, Environment environment) {
    return new FunctionUsage(engine, json, System.out::println,
        environment.getProperty(RuntimeNames.property(RuntimeNames.USAGE_BUS_VARIABLE), String.class),
        environment.getProperty("aws.endpoint.url", String.class));
  }

  @Override
  public void record(UsageRecord record) {
    UsageRecord measured = record.withPeakMemory(PeakMemory.bytes());
    UsageTable.append(engine.storage(measured.tenant()), engine.compute(), List.of(measured));
    log.accept(metrics.line(measured));
    bus.ifPresent(arn -> send(arn, measured));
  }

  private void send(String arn, UsageRecord record) {
    PutEventsResponse response = client().putEvents(request -> request.entries(PutEventsRequestEntry.builder()
        .eventBusName(arn)
        .source(RuntimeNames.USAGE_EVENT_SOURCE)
        .detailType(RuntimeNames.USAGE_DETAIL_TYPE)
        .detail(metrics.detail(record))
        .build()));
    if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
      // The record is in the tenant's table already; the central copy is reported, not retried into a failed step.
      log.accept("{\"usageEvent\":\"failed\",\"bus\":\"" + arn + "\",\"error\":\""
          + response.entries().get(0).errorCode() + "\"}");
    }
  }

  private synchronized EventBridgeClient client() {
    if (events == null) {
      var builder = EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create());
      endpoint.ifPresent(url -> builder.endpointOverride(URI.create(url)));
      events = builder.build();
    }
    return events;
  }
}
