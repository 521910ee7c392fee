package io.meshwork.functions;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.pipeline.ValidateResult;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * One cold start of one handler, as Lambda performs it, for {@link ColdStartBenchmark}: a fresh JVM on the Lambda
 * jar constructs the handler (its init phase: the engine, the catalogue) and handles one request read from a JSON
 * file with the serializer the runtime finds, then writes the response for the next step. Prints the milliseconds
 * from JVM start to the handler ready and to its first result.
 */
public final class ColdStartStep {

  private ColdStartStep() {
  }

  /**
   * Arguments: the step, its request file and its response file; or {@code all}, a request file and a directory,
   * to run the four steps in one JVM (the training run of a class-data-sharing archive).
   */
  public static void main(String[] args) throws Exception {
    long start = ManagementFactory.getRuntimeMXBean().getStartTime();
    if (args[0].equals("all")) {
      Path request = Path.of(args[1]);
      for (String step : java.util.List.of("plan", "compute", "validate", "publish")) {
        Path response = Path.of(args[2]).resolve(step + ".json");
        run(step, request, response);
        request = response;
      }
      System.exit(0);
    }
    long ready = run(args[0], Path.of(args[1]), Path.of(args[2]));
    long done = System.currentTimeMillis();
    System.out.println("COLDSTART " + args[0] + " " + (ready - start) + " " + (done - start));
    System.exit(0); // the handlers' engine holds non-daemon pools; Lambda freezes the process instead
  }

  /** Runs one step; returns when its handler was ready. */
  private static long run(String step, Path request, Path response) throws Exception {
    CustomPojoSerializer serializer = ServiceLoader.load(CustomPojoSerializer.class).findFirst().orElseThrow();
    Object result;
    long ready;
    try (InputStream json = Files.newInputStream(request)) {
      switch (step) {
        case "plan" -> {
          PlanFunction handler = new PlanFunction();
          ready = System.currentTimeMillis();
          PlanResponse plan = handler.handleRequest(serializer.fromJson(json, PlanRequest.class), null);
          result = plan.waves().get(0).get(0);
          write(serializer, result, StepRequest.class, response);
        }
        case "compute" -> {
          ComputeFunction handler = new ComputeFunction();
          ready = System.currentTimeMillis();
          result = handler.handleRequest(serializer.fromJson(json, StepRequest.class), null);
          write(serializer, result, ComputeResult.class, response);
        }
        case "validate" -> {
          ValidateFunction handler = new ValidateFunction();
          ready = System.currentTimeMillis();
          result = handler.handleRequest(serializer.fromJson(json, ComputeResult.class), null);
          write(serializer, result, ValidateResult.class, response);
        }
        case "publish" -> {
          PublishFunction handler = new PublishFunction();
          ready = System.currentTimeMillis();
          result = handler.handleRequest(serializer.fromJson(json, ValidateResult.class), null);
        }
        default -> throw new IllegalArgumentException("Unknown step " + step);
      }
    }
    return ready;
  }

  private static <T> void write(CustomPojoSerializer serializer, Object value, Class<T> type, Path file)
      throws Exception {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    serializer.toJson(type.cast(value), json, type);
    Files.writeString(file, json.toString(StandardCharsets.UTF_8));
  }
}
