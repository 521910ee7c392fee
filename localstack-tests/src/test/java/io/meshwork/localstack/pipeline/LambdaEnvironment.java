package io.meshwork.localstack.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function's environment for handlers built with Lambda's no-argument constructors, given as the system properties
 * Micronaut reads like the variables they stand for ({@code meshwork.catalog} for {@code MESHWORK_CATALOG}).
 * Closing restores what was there before, e.g. the emulator session's dummy credentials.
 */
final class LambdaEnvironment implements AutoCloseable {

  private final Map<String, String> previous = new LinkedHashMap<>();

  private LambdaEnvironment(Map<String, String> properties) {
    properties.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
  }

  static LambdaEnvironment apply(Map<String, String> properties) {
    return new LambdaEnvironment(properties);
  }

  @Override
  public void close() {
    previous.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
  }
}
