package io.meshwork.functions;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import io.meshwork.engine.pipeline.StepRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

/**
 * A cold start as the Lambda runtime performs it, for {@link LambdaJarIT}: run in a JVM whose classpath is the Lambda
 * jar (plus this class), configured by environment variables only. Plans the tenant given as the first argument
 * through the serializer the runtime finds by service lookup, then computes the first planned product and prints
 * what happened.
 */
public final class LambdaJarSmoke {

  private LambdaJarSmoke() {
  }

  public static void main(String[] args) throws Exception {
    System.out.println("JAVA " + Runtime.version().feature());
    CustomPojoSerializer serializer = ServiceLoader.load(CustomPojoSerializer.class).findFirst().orElseThrow();
    try (PlanFunction plan = new PlanFunction(); ComputeFunction compute = new ComputeFunction()) {
      PlanRequest request = serializer.fromJson("{\"tenant\":\"" + args[0] + "\",\"runId\":\"smoke\"}",
          PlanRequest.class);
      PlanResponse response = plan.handleRequest(request, null);
      ByteArrayOutputStream json = new ByteArrayOutputStream();
      serializer.toJson(response, json, PlanResponse.class);
      System.out.println("PLAN " + json.toString(StandardCharsets.UTF_8));
      StepRequest first = response.stepRequests().get(0).get(0);
      try {
        compute.handleRequest(first, null);
        System.out.println("COMPUTE returned");
      } catch (RuntimeException e) {
        System.out.println("COMPUTE " + e.getClass().getName() + ": " + e.getMessage());
      }
    }
  }
}
