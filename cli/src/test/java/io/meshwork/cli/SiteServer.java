package io.meshwork.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Serves built sites over HTTP on the loopback interface only (127.0.0.1, a free port), each under
 * {@code /<name>/}, and remembers every request that found nothing.
 */
final class SiteServer implements AutoCloseable {

  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css",
      "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "yaml", "application/yaml; charset=utf-8", "svg", "image/svg+xml");

  private final HttpServer server;
  private final List<String> notFound = new CopyOnWriteArrayList<>();

  SiteServer(Map<String, Path> sites) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    sites.forEach((name, root) -> server.createContext("/" + name + "/", exchange -> serve(exchange, name, root)));
    server.start();
  }

  /** The address of {@code path} below site {@code name}. */
  URI uri(String name, String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/" + path);
  }

  /** Every path requested that does not exist. */
  List<String> notFound() {
    return List.copyOf(notFound);
  }

  private void serve(HttpExchange exchange, String name, Path root) throws IOException {
    String relative = exchange.getRequestURI().getPath().substring(name.length() + 2);
    Path file = root.resolve(relative.isEmpty() ? "index.html" : relative).normalize();
    try (exchange) {
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        notFound.add(exchange.getRequestURI().getPath());
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String fileName = file.getFileName().toString();
      String type = TYPES.getOrDefault(fileName.substring(fileName.lastIndexOf('.') + 1), "application/octet-stream");
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
