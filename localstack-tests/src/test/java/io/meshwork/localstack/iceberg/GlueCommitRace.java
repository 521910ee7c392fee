package io.meshwork.localstack.iceberg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Glue endpoint in front of the emulator that runs a competing commit just before it forwards the first
 * {@code UpdateTable}. That update then carries the VersionId its writer read before the competitor committed, so
 * only Glue's optimistic VersionId check can reject it: the race is forced, not hoped for.
 */
public final class GlueCommitRace implements AutoCloseable {

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> CLIENT_MANAGED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");
  private static final String UPDATE_TABLE = "AWSGlue.UpdateTable";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI upstream;
  private final Runnable competingCommit;
  private final AtomicBoolean competingCommitPending = new AtomicBoolean(true);
  private final AtomicReference<RuntimeException> competingCommitFailure = new AtomicReference<>();
  private final List<String> updateTableOutcomes = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final HttpServer server;

  private GlueCommitRace(URI upstream, Runnable competingCommit) throws IOException {
    this.upstream = upstream;
    this.competingCommit = competingCommit;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::forward);
    server.setExecutor(executor);
    server.start();
  }

  public static GlueCommitRace start(URI glue, Runnable competingCommit) throws IOException {
    return new GlueCommitRace(glue, competingCommit);
  }

  public URI endpoint() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  /** Each forwarded UpdateTable as {@code <status> <error type or "ok">}, in order. */
  public List<String> updateTableOutcomes() {
    return List.copyOf(updateTableOutcomes);
  }

  /** What the competing commit threw, if it failed. */
  public Optional<RuntimeException> competingCommitFailure() {
    return Optional.ofNullable(competingCommitFailure.get());
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean updateTable = UPDATE_TABLE.equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
      if (updateTable && competingCommitPending.compareAndSet(true, false)) {
        try {
          competingCommit.run();
        } catch (RuntimeException e) {
          competingCommitFailure.set(e);
        }
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI()))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!CLIENT_MANAGED_HEADERS.contains(name.toLowerCase())) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response.headers().map().forEach((name, values) -> {
        if (!CLIENT_MANAGED_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      if (updateTable) {
        updateTableOutcomes.add(response.statusCode() + " " + errorType(response));
      }
      byte[] responseBody = response.body();
      exchange.sendResponseHeaders(response.statusCode(), responseBody.length == 0 ? -1 : responseBody.length);
      exchange.getResponseBody().write(responseBody);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while forwarding to " + upstream, e);
    }
  }

  /** The error type of an AWS JSON-protocol response: {@code __type} of the body without its namespace. */
  private static String errorType(HttpResponse<byte[]> response) throws IOException {
    if (response.statusCode() < 300) {
      return "ok";
    }
    String type = JSON.readTree(response.body()).path("__type").asText("unknown");
    return type.substring(type.lastIndexOf('#') + 1);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
