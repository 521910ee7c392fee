package io.meshwork.localstack.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The emulators of one test run: either an external endpoint ({@code AWS_ENDPOINT_URL}) or MiniStack and moto
 * started here from the pinned virtual environment. Starting prints the versions in use to the build log; a missing
 * Python outside CI yields a session that only carries the reason the tests are skipped.
 */
final class EmulatorSession implements AutoCloseable {

  private static final String MINISTACK_HEALTH = "/_ministack/health";
  private static final String LOCALSTACK_HEALTH = "/_localstack/health";
  private static final String MOTO_HEALTH = "/moto-api/";
  private static final int START_ATTEMPTS = 3;

  private final Optional<EmulatorEndpoints> endpoints;
  private final Optional<String> skipReason;
  private final Optional<RuntimeException> failure;
  private final List<EmulatorProcess> processes;
  private final Thread shutdownHook;

  private EmulatorSession(Optional<EmulatorEndpoints> endpoints, Optional<String> skipReason,
      Optional<RuntimeException> failure, List<EmulatorProcess> processes) {
    this.endpoints = endpoints;
    this.skipReason = skipReason;
    this.failure = failure;
    this.processes = List.copyOf(processes);
    // Also stop the emulators when the JVM ends without closing the session (Ctrl-C, a crashed fork).
    this.shutdownHook = new Thread(this::stopProcesses, "emulators-shutdown");
    if (!this.processes.isEmpty()) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
  }

  static EmulatorSession open(EmulatorSettings settings) {
    try {
      return settings.externalEndpoint().isPresent() ? external(settings) : started(settings);
    } catch (PrerequisiteMissingException e) {
      if (settings.required()) {
        return failed(new IllegalStateException("The emulator tests must run in CI, but " + e.getMessage(), e));
      }
      log("emulator tests skipped: " + e.getMessage());
      return new EmulatorSession(Optional.empty(), Optional.of(e.getMessage()), Optional.empty(), List.of());
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  /** Where the emulators answer; throws what went wrong when they could not be started. */
  EmulatorEndpoints endpoints() {
    failure.ifPresent(e -> {
      throw e;
    });
    return endpoints.orElseThrow(() -> new IllegalStateException("The emulator tests are skipped: "
        + skipReason.orElse("no emulator")));
  }

  /** Why the emulator tests do not run here, if they do not; rethrows a start failure. */
  Optional<String> skipReason() {
    failure.ifPresent(e -> {
      throw e;
    });
    return skipReason;
  }

  private static EmulatorSession external(EmulatorSettings settings) {
    URI aws = settings.externalEndpoint().orElseThrow();
    URI lakeFormation = settings.externalLakeFormationEndpoint().orElse(aws);
    log("using the running emulator at " + aws + " (AWS_ENDPOINT_URL), which reports version "
        + reportedVersion(aws.resolve(LOCALSTACK_HEALTH)).orElse("unknown") + "; Lake Formation at " + lakeFormation);
    EmulatorEndpoints endpoints = new EmulatorEndpoints(aws, lakeFormation, settings.region());
    publish(endpoints);
    return new EmulatorSession(Optional.of(endpoints), Optional.empty(), Optional.empty(), List.of());
  }

  private static EmulatorSession started(EmulatorSettings settings) {
    Path directory = settings.directory();
    long began = System.nanoTime();
    PythonEnvironment python = PythonEnvironment.ensure(settings.python(), directory.resolve("venv"),
        directory.resolve("pip-install.log"));
    List<EmulatorProcess> processes = new ArrayList<>();
    try {
      Path scratch = directory.resolve("tmp");
      Files.createDirectories(scratch);
      EmulatorProcess ministack = startOnFreePort("MiniStack", port -> List.of(python.executable("ministack").toString()),
          port -> Map.of(
              "GATEWAY_PORT", Integer.toString(port),
              "BIND_HOST", "127.0.0.1",
              // Lambda code it runs itself (provided.* bootstraps) calls back to this instance.
              "AWS_ENDPOINT_URL", "http://127.0.0.1:" + port,
              // Its pid file and the Lambda code it unpacks stay in the build directory.
              "TMPDIR", scratch.toString()),
          MINISTACK_HEALTH, directory.resolve("ministack.log"), settings.startupTimeout());
      processes.add(ministack);
      URI lakeFormation;
      String lakeFormationDescription;
      if (settings.externalLakeFormationEndpoint().isPresent()) {
        lakeFormation = settings.externalLakeFormationEndpoint().orElseThrow();
        lakeFormationDescription = "Lake Formation at " + lakeFormation + " (AWS_ENDPOINT_URL_LAKEFORMATION)";
      } else {
        EmulatorProcess moto = startOnFreePort("moto",
            port -> List.of(python.executable("moto_server").toString(), "-H", "127.0.0.1", "-p",
                Integer.toString(port)),
            port -> Map.of(), MOTO_HEALTH, directory.resolve("moto.log"), settings.startupTimeout());
        processes.add(moto);
        lakeFormation = moto.endpoint();
        lakeFormationDescription = "moto " + python.installedVersion("moto") + " at " + lakeFormation;
      }
      String reported = reportedVersion(ministack.endpoint().resolve(MINISTACK_HEALTH)).orElse("unknown");
      log("MiniStack " + python.installedVersion("ministack") + " (health reports " + reported + ") at "
          + ministack.endpoint() + ", " + lakeFormationDescription + "; ready in "
          + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s; logs in " + directory);
      EmulatorEndpoints endpoints = new EmulatorEndpoints(ministack.endpoint(), lakeFormation, settings.region());
      publish(endpoints);
      return new EmulatorSession(Optional.of(endpoints), Optional.empty(), Optional.empty(), processes);
    } catch (IOException e) {
      processes.forEach(EmulatorProcess::close);
      throw new IllegalStateException("Cannot prepare " + directory, e);
    } catch (RuntimeException e) {
      processes.forEach(EmulatorProcess::close);
      throw e;
    }
  }

  /**
   * Retries an emulator that exited at once on a fresh port: another process may take the free port between picking
   * and binding it.
   */
  private static EmulatorProcess startOnFreePort(String name, IntFunction<List<String>> command,
      IntFunction<Map<String, String>> environment, String healthPath, Path log, Duration timeout) {
    for (int attempt = 1; ; attempt++) {
      int port = FreePorts.pick();
      try {
        return EmulatorProcess.start(name, command.apply(port), environment.apply(port), port, healthPath, log,
            timeout);
      } catch (EmulatorProcess.ExitedEarlyException e) {
        if (attempt == START_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Tells code under test where the emulators are, the way a Lambda function's environment would. */
  private static void publish(EmulatorEndpoints endpoints) {
    System.setProperty("meshwork.emulators.aws-endpoint", endpoints.aws().toString());
    System.setProperty("meshwork.emulators.lakeformation-endpoint", endpoints.lakeFormation().toString());
    // The SDK's default credentials chain reads these first: clients built without explicit credentials (Iceberg's
    // Glue client) get the dummy ones, never a developer's real keys.
    System.setProperty("aws.accessKeyId", EmulatorEndpoints.ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", EmulatorEndpoints.SECRET_ACCESS_KEY);
    System.setProperty("aws.region", endpoints.region().id());
  }

  private static Optional<String> reportedVersion(URI health) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      JsonNode version = new ObjectMapper().readTree(response.body()).path("version");
      return version.isTextual() ? Optional.of(version.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static EmulatorSession failed(RuntimeException failure) {
    return new EmulatorSession(Optional.empty(), Optional.empty(), Optional.of(failure), List.of());
  }

  private static void log(String message) {
    System.out.println("[emulators] " + message);
  }

  private void stopProcesses() {
    processes.forEach(EmulatorProcess::close);
  }

  @Override
  public void close() {
    if (processes.isEmpty()) {
      return;
    }
    stopProcesses();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or ran.
    }
    log("stopped " + processes);
  }
}
