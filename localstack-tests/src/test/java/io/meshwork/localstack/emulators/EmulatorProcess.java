package io.meshwork.localstack.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One emulator running as a child process of the test JVM on a loopback port, its output in a log file. Stopping it
 * stops its children too (MiniStack's Lambda workers).
 */
final class EmulatorProcess implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final String name;
  private final Process process;
  private final URI endpoint;
  private final Path log;

  private EmulatorProcess(String name, Process process, URI endpoint, Path log) {
    this.name = name;
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /**
   * Starts {@code command} with {@code environment} added to this JVM's, and waits until {@code healthPath} on
   * {@code port} answers 200.
   */
  static EmulatorProcess start(String name, List<String> command, Map<String, String> environment, int port,
      String healthPath, Path log, Duration timeout) {
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    Process process;
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name + " (" + command.get(0) + ")", e);
    }
    EmulatorProcess started = new EmulatorProcess(name, process, endpoint, log);
    try {
      started.awaitHealthy(endpoint.resolve(healthPath), timeout);
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    return started;
  }

  URI endpoint() {
    return endpoint;
  }

  private void awaitHealthy(URI health, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new ExitedEarlyException(name + " exited with code " + process.exitValue()
            + " before it became healthy; see " + log);
      }
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (ConnectException e) {
        // Not listening yet.
      } catch (IOException e) {
        // Listening but not answering yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + name, e);
      }
      sleep();
    }
    throw new IllegalStateException(name + " did not answer " + health + " within " + timeout + "; see " + log);
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for an emulator", e);
    }
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** The emulator process ended before it answered its health check. */
  static final class ExitedEarlyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ExitedEarlyException(String message) {
      super(message);
    }
  }

  @Override
  public String toString() {
    return name + " at " + endpoint;
  }
}
