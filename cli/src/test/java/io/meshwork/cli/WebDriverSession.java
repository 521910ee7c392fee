package io.meshwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A headless Chromium driven through chromedriver's W3C WebDriver protocol with the JDK's HTTP client: just what the
 * catalogue's browser test needs (navigate, find, type, click, run a script, screenshot, read the console).
 */
final class WebDriverSession implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

  private final Process driver;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String session;
  private final List<String> console = new ArrayList<>();

  WebDriverSession(Path chromedriver, Path chromium, Path logFile) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
        .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    base = URI.create("http://127.0.0.1:" + port);
    waitUntilReady();
    Map<String, Object> options = Map.of("binary", chromium.toString(), "args", List.of("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900", "--hide-scrollbars"));
    JsonNode created = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
        "browserName", "chrome", "goog:chromeOptions", options, "goog:loggingPrefs", Map.of("browser", "ALL")))));
    session = created.get("sessionId").asText();
  }

  private void waitUntilReady() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (call("GET", "/status", null).path("ready").asBoolean()) {
          return;
        }
      } catch (IOException | IllegalStateException notYet) {
        // chromedriver is still starting
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("chromedriver did not start within 30 s");
  }

  void open(URI uri) throws IOException, InterruptedException {
    command("POST", "/url", Map.of("url", uri.toString()));
  }

  String currentUrl() throws IOException, InterruptedException {
    return command("GET", "/url", null).asText();
  }

  /** The id of the first element matching {@code css}; fails if there is none. */
  String find(String css) throws IOException, InterruptedException {
    JsonNode found = command("POST", "/element", Map.of("using", "css selector", "value", css));
    if (!found.has(ELEMENT)) {
      throw new IllegalStateException("No element " + css + ": " + found);
    }
    return found.get(ELEMENT).asText();
  }

  String text(String element) throws IOException, InterruptedException {
    return command("GET", "/element/" + element + "/text", null).asText();
  }

  void type(String element, String keys) throws IOException, InterruptedException {
    command("POST", "/element/" + element + "/value", Map.of("text", keys));
  }

  void click(String element) throws IOException, InterruptedException {
    command("POST", "/element/" + element + "/click", Map.of());
  }

  JsonNode script(String body) throws IOException, InterruptedException {
    return command("POST", "/execute/sync", Map.of("script", body, "args", List.of()));
  }

  void resize(int width, int height) throws IOException, InterruptedException {
    command("POST", "/window/rect", Map.of("width", width, "height", height));
  }

  void screenshot(Path file) throws IOException, InterruptedException {
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(command("GET", "/screenshot", null).asText()));
  }

  /** Waits until the page's URL contains {@code part}. */
  void waitForUrl(String part) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (!currentUrl().contains(part)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("The page did not reach " + part + "; it is " + currentUrl());
      }
      Thread.sleep(100);
    }
  }

  /** The browser console's warnings and errors since the session began ("LEVEL message"). */
  List<String> consoleProblems() throws IOException, InterruptedException {
    for (JsonNode entry : command("POST", "/se/log", Map.of("type", "browser"))) {
      String level = entry.path("level").asText();
      if (level.equals("SEVERE") || level.equals("WARNING")) {
        console.add(level + " " + entry.path("message").asText());
      }
    }
    return List.copyOf(console);
  }

  private JsonNode command(String method, String path, Object body) throws IOException, InterruptedException {
    return call(method, "/session/" + session + path, body);
  }

  private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .header("Content-Type", "application/json");
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode value = JSON.readTree(response.body()).path("value");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("WebDriver " + method + " " + path + " failed (" + response.statusCode() + "): "
          + value.path("message").asText(response.body()));
    }
    return value;
  }

  @Override
  public void close() {
    try {
      if (session != null) {
        call("DELETE", "/session/" + session, null);
      }
    } catch (IOException | IllegalStateException ignored) {
      // the browser is stopped with its driver below
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } finally {
      driver.destroy();
    }
  }
}
