package io.meshwork.functions;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Glue endpoint (there is no AWS here): records each request's operation and signature and
 * answers every call with AccessDenied, which the Glue client raises unchanged. It proves where calls go and that the
 * client stack runs, not Glue's behaviour, which the emulator tests cover.
 */
final class StandInGlue implements AutoCloseable {

  static final String MESSAGE = "stand-in Glue endpoint";

  private final HttpServer server;
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

  StandInGlue() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      requests.add(Map.of("target", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")),
          "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
      byte[] body = ("{\"__type\":\"AccessDeniedException\",\"Message\":\"" + MESSAGE + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.getResponseHeaders().add("x-amzn-ErrorType", "AccessDeniedException");
      exchange.sendResponseHeaders(400, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Each request received: its {@code target} (the Glue operation) and {@code authorization} header. */
  List<Map<String, String>> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
