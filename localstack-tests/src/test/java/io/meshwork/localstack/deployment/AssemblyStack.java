package io.meshwork.localstack.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A stack of a synthesized cloud assembly as {@code cdk deploy} reads it from {@code manifest.json}: its template,
 * the asset manifest listing the files to upload first, and the bootstrap version it requires.
 *
 * @param bootstrapVersionParameter the SSM parameter the template's {@code BootstrapVersion} parameter reads
 * @param requiredBootstrapVersion the lowest bootstrap version the template's {@code CheckBootstrapVersion} rule
 *     accepts
 */
record AssemblyStack(String name, Path directory, ObjectNode template, JsonNode assets,
    String bootstrapVersionParameter, int requiredBootstrapVersion) {

  static final ObjectMapper JSON = new ObjectMapper();

  static AssemblyStack read(Path directory, String name) {
    JsonNode artifacts = readJson(directory.resolve("manifest.json")).path("artifacts");
    JsonNode stack = artifacts.path(name);
    if (!"aws:cloudformation:stack".equals(stack.path("type").asText())) {
      throw new IllegalArgumentException("The cloud assembly in " + directory + " has no stack " + name);
    }
    JsonNode properties = stack.path("properties");
    JsonNode assets = artifacts.path(name + ".assets").path("properties");
    return new AssemblyStack(name, directory,
        (ObjectNode) readJson(directory.resolve(properties.path("templateFile").asText())),
        readJson(directory.resolve(assets.path("file").asText())),
        properties.path("bootstrapStackVersionSsmParameter").asText(),
        properties.path("requiresBootstrapStackVersion").asInt());
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
