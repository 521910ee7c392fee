package io.meshwork.localstack.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.meshwork.localstack.emulators.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * An HTTP endpoint subscribed to an SNS topic, the way an operator's webhook would be: it confirms the subscription
 * and keeps every notification, so a test can read what the topic published.
 */
public final class NotificationInbox implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final HttpServer server;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();

  private NotificationInbox(HttpServer server) {
    this.server = server;
  }

  /** Subscribes a new inbox to {@code topicArn} and confirms the subscription. */
  public static NotificationInbox subscribe(SnsClient sns, String topicArn) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the notification inbox", e);
    }
    NotificationInbox inbox = new NotificationInbox(server);
    server.createContext("/", inbox::receive);
    server.start();
    String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    sns.subscribe(request -> request.topicArn(topicArn).protocol("http").endpoint(endpoint));
    JsonNode confirmation = inbox.await("the subscription confirmation",
        message -> "SubscriptionConfirmation".equals(message.path("Type").asText()));
    sns.confirmSubscription(request -> request.topicArn(topicArn).token(confirmation.path("Token").asText()));
    return inbox;
  }

  /** The first notification (type {@code Notification}) that {@code matches}, waiting for it a while. */
  public JsonNode notification(String what, Predicate<JsonNode> matches) {
    return await(what, message -> "Notification".equals(message.path("Type").asText()) && matches.test(message));
  }

  private JsonNode await(String what, Predicate<JsonNode> matches) {
    return Eventually.within(TIMEOUT, what, () -> received.stream().filter(matches).findFirst());
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      received.add(JSON.readTree(exchange.getRequestBody()));
      exchange.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
