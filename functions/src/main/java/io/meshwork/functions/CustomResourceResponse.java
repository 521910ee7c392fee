package io.meshwork.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer a Lambda-backed CloudFormation custom resource owes CloudFormation: a JSON document sent with
 * {@code PUT} to the request's pre-signed {@code ResponseURL}. Without it the stack waits for an hour, so every
 * request is answered, failures included.
 */
final class CustomResourceResponse {

  /** CloudFormation shows at most about 4 KB of a response; a longer reason is cut here. */
  static final int MOST_REASON_CHARACTERS = 1_000;

  private CustomResourceResponse() {
  }

  /** The response to {@code request} with {@code status} ({@code SUCCESS} or {@code FAILED}). */
  static Map<String, Object> of(JsonNode request, String status, String reason, String physicalResourceId,
      Map<String, Object> data) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("Status", status);
    response.put("Reason", reason.length() > MOST_REASON_CHARACTERS
        ? reason.substring(0, MOST_REASON_CHARACTERS - 3) + "..." : reason);
    response.put("PhysicalResourceId", physicalResourceId);
    response.put("StackId", request.path("StackId").asText());
    response.put("RequestId", request.path("RequestId").asText());
    response.put("LogicalResourceId", request.path("LogicalResourceId").asText());
    response.put("NoEcho", false);
    response.put("Data", data);
    return response;
  }

  /** Sends {@code response} to {@code responseUrl}; the URL is pre-signed for an empty content type. */
  static void send(String responseUrl, Map<String, Object> response, ObjectMapper json) {
    try {
      byte[] body = json.writeValueAsBytes(response);
      HttpURLConnection connection = (HttpURLConnection) URI.create(responseUrl).toURL().openConnection();
      connection.setRequestMethod("PUT");
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "");
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
      int status = connection.getResponseCode();
      connection.disconnect();
      if (status / 100 != 2) {
        throw new IllegalStateException("CloudFormation's response URL answered HTTP " + status);
      }
    } catch (IOException failed) {
      throw new UncheckedIOException("Could not answer CloudFormation at its response URL", failed);
    }
  }
}
