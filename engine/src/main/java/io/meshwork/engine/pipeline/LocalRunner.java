package io.meshwork.engine.pipeline;

import io.meshwork.engine.usage.RunUsage;
import io.meshwork.engine.usage.UsageStep;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.exceptions.CommitFailedException;

/**
 * Refreshes a tenant in-process with the step semantics of the AWS state machine: wave by wave, the products of a
 * wave in parallel, each through Compute, Validate and Publish; transient errors retried with backoff; the
 * dependents of a product that did not publish skipped.
 */
public final class LocalRunner {

  /** Hears about progress, for the terminal. */
  public interface Listener {
    void finished(String tenant, ProductOutcome outcome);
  }

  private static final int ATTEMPTS = 3;
  private static final long FIRST_BACKOFF_MILLIS = 200;

  private final Engine engine;
  private final ComputeService compute;
  private final ValidateService validate;
  private final PublishService publish;
  private final int parallelism;
  private final Listener listener;
  private final RunUsage usage;

  public LocalRunner(Engine engine, int parallelism, Listener listener) {
    this.engine = engine;
    // A run's usage is appended once at its end: one commit per run, not one per step.
    this.usage = new RunUsage(engine::storage, engine.compute());
    this.compute = new ComputeService(engine, usage);
    this.validate = new ValidateService(engine, usage);
    this.publish = new PublishService(engine, usage);
    this.parallelism = Math.max(1, parallelism);
    this.listener = listener;
  }

  /** Refreshes {@code tenant}; with a product, only it and what it reads. */
  public RunReport run(String tenant, Optional<String> product, String runId) {
    long start = System.nanoTime();
    TenantPlan plan = engine.plan(tenant);
    Set<String> selected = product.map(name -> upstreamOf(plan, name)).orElse(null);
    Map<String, ProductOutcome> outcomes = new LinkedHashMap<>();
    ExecutorService executor = Executors.newFixedThreadPool(parallelism);
    try {
      for (List<PlannedProduct> wave : plan.waves()) {
        List<PlannedProduct> toRun = new ArrayList<>();
        for (PlannedProduct planned : wave) {
          if (selected != null && !selected.contains(planned.name())) {
            continue;
          }
          Optional<String> blocked = planned.inputs().stream().filter(input -> !input.isSource())
              .map(PlannedProduct.ResolvedInput::name)
              .filter(input -> outcomes.containsKey(input) && !outcomes.get(input).outcome().isSuccess())
              .findFirst();
          if (blocked.isPresent()) {
            record(tenant, outcomes, new ProductOutcome(planned.name(), planned.version().toString(),
                planned.tableName().toString(), ProductOutcome.Outcome.SKIPPED, 0, Duration.ZERO,
                ProductOutcome.StepTimes.NONE, "Skipped: input " + blocked.get() + " did not publish.", List.of(),
                planned.engine().id(), 0));
          } else {
            toRun.add(planned);
          }
        }
        List<Future<ProductOutcome>> futures = new ArrayList<>();
        for (PlannedProduct planned : toRun) {
          futures.add(executor.submit(() -> refresh(new StepRequest(tenant, planned.name(), runId), planned)));
        }
        for (Future<ProductOutcome> future : futures) {
          record(tenant, outcomes, await(future));
        }
      }
    } finally {
      executor.shutdownNow();
      usage.flush(tenant);
    }
    return new RunReport(tenant, runId, List.copyOf(outcomes.values()), Duration.ofNanos(System.nanoTime() - start));
  }

  private void record(String tenant, Map<String, ProductOutcome> outcomes, ProductOutcome outcome) {
    outcomes.put(outcome.product(), outcome);
    listener.finished(tenant, outcome);
  }

  /** One product through the three steps, each retried on transient errors. */
  ProductOutcome refresh(StepRequest request, PlannedProduct planned) {
    long start = System.nanoTime();
    String version = planned.version().toString();
    String table = planned.tableName().toString();
    try {
      ComputeResult computed = retrying(() -> compute.compute(request));
      long computedAt = System.nanoTime();
      ValidateResult validated = retrying(() -> validate.validate(computed));
      long validatedAt = System.nanoTime();
      PublishResult published = retrying(() -> publish.publish(validated));
      long publishedAt = System.nanoTime();
      Duration elapsed = Duration.ofNanos(publishedAt - start);
      ProductOutcome.StepTimes steps = new ProductOutcome.StepTimes(Duration.ofNanos(computedAt - start),
          Duration.ofNanos(validatedAt - computedAt), Duration.ofNanos(publishedAt - validatedAt));
      ProductOutcome.Outcome outcome = switch (published.status()) {
        case PUBLISHED -> ProductOutcome.Outcome.PUBLISHED;
        case UNCHANGED -> ProductOutcome.Outcome.UP_TO_DATE;
        case BLOCKED -> ProductOutcome.Outcome.BLOCKED;
        case CONFLICT -> ProductOutcome.Outcome.CONFLICT;
        case SKIPPED -> ProductOutcome.Outcome.SKIPPED;
      };
      return new ProductOutcome(planned.name(), version, table, outcome, computed.rows(), elapsed, steps,
          published.message(), validated.checks(), planned.engine().id(), scanned(request, planned));
    } catch (RuntimeException e) {
      return new ProductOutcome(planned.name(), version, table, failureOutcome(e), 0,
          Duration.ofNanos(System.nanoTime() - start), ProductOutcome.StepTimes.NONE, message(e), List.of(),
          planned.engine().id(), scanned(request, planned));
    }
  }

  /** What this run's Compute of {@code planned} read, as its usage record says. */
  private long scanned(StepRequest request, PlannedProduct planned) {
    return usage.bytesRead(request.tenant(), planned.name(), request.runId(), UsageStep.COMPUTE);
  }

  private static ProductOutcome.Outcome failureOutcome(RuntimeException e) {
    return e instanceof StepException step && step.kind() == StepException.Kind.CONFLICT
        ? ProductOutcome.Outcome.CONFLICT
        : ProductOutcome.Outcome.FAILED;
  }

  private static String message(RuntimeException e) {
    return e instanceof StepException ? e.getMessage() : "Internal error: " + e;
  }

  private interface Step<T> {
    T run();
  }

  private static <T> T retrying(Step<T> step) {
    long backoff = FIRST_BACKOFF_MILLIS;
    for (int attempt = 1; ; attempt++) {
      try {
        return step.run();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isTransient(e)) {
          throw e;
        }
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        backoff *= 4;
      }
    }
  }

  /** Lost commit races and a busy catalog database are worth another try; everything else is not. */
  static boolean isTransient(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof CommitFailedException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getMessage() != null
          && (sql.getMessage().contains("SQLITE_BUSY") || sql.getMessage().contains("database is locked"))) {
        return true;
      }
    }
    return false;
  }

  private static ProductOutcome await(Future<ProductOutcome> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while refreshing", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Refresh failed unexpectedly", e.getCause());
    }
  }

  /** {@code product} and every product it reads, directly or not. */
  private static Set<String> upstreamOf(TenantPlan plan, String product) {
    try {
      return plan.upstreamOf(product);
    } catch (IllegalArgumentException unplanned) {
      throw new StepException(StepException.Kind.INVALID_REQUEST, unplanned.getMessage(), unplanned);
    }
  }
}
