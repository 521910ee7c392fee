package io.meshwork.functions;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one invocation of a handler: writes exactly one JSON log line about it, which CloudWatch Logs Insights can
 * query by field, and turns engine failures into the errors the state machine matches on.
 */
final class InvocationLog {

  /** Whom an invocation is about; any part may be null, e.g. the product of a whole-tenant plan. */
  record Subject(String tenant, String product, String runId) {
  }

  private final Logger logger;
  private final JsonMapper json;

  InvocationLog(Class<?> handler, JsonMapper json) {
    this.logger = LoggerFactory.getLogger(handler);
    this.json = json;
  }

  /** Applies {@code work} to {@code input}; the log line's status is {@code status} of the output or ERROR. */
  <I, O> O run(String step, I input, Function<I, Subject> subject, Function<I, O> work, Function<O, String> status) {
    long start = System.nanoTime();
    Subject about = input == null ? new Subject(null, null, null) : subject.apply(input);
    try {
      if (input == null) {
        throw new InvalidRequestError("The " + step + " step received no input.", null);
      }
      O output = work.apply(input);
      logger.info(line(step, about, status.apply(output), millisSince(start), null));
      return output;
    } catch (RuntimeException e) {
      RuntimeException error = StepError.of(e);
      String line = line(step, about, "ERROR", millisSince(start), error);
      if (error instanceof StepError) {
        logger.warn(line);
      } else {
        logger.error(line, error);
      }
      throw error;
    }
  }

  String line(String step, Subject about, String status, long durationMillis, RuntimeException error) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("step", step);
    fields.put("tenant", about.tenant());
    fields.put("product", about.product());
    fields.put("runId", about.runId());
    fields.put("status", status);
    fields.put("durationMillis", durationMillis);
    if (error != null) {
      fields.put("error", error.getClass().getName());
      fields.put("message", error.getMessage());
    }
    fields.values().removeIf(value -> value == null);
    try {
      return json.writeValueAsString(fields);
    } catch (IOException e) {
      return fields.toString(); // a log line must never fail the step it describes
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
