package io.meshwork.localstack.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves the CloudFormation intrinsics of a synthesized template ({@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Join}) to the names and ARNs of what the tests created in the emulator, as CloudFormation would on
 * deployment. Only the references registered here resolve: anything else fails with its path in the template, so
 * a template that starts to depend on a new resource cannot be half-deployed unnoticed.
 */
final class TemplateTokens {

  private final Map<String, String> references = new LinkedHashMap<>();
  private final Map<String, String> attributes = new LinkedHashMap<>();

  /** {@code Ref} of {@code logicalId} (or of a pseudo parameter such as {@code AWS::Partition}) gives {@code value}. */
  TemplateTokens reference(String logicalId, String value) {
    references.put(logicalId, value);
    return this;
  }

  /** {@code Fn::GetAtt [logicalId, attribute]} gives {@code value}. */
  TemplateTokens attribute(String logicalId, String attribute, String value) {
    attributes.put(logicalId + "." + attribute, value);
    return this;
  }

  /** {@code node} with every intrinsic replaced by its value; {@code where} names it in errors. */
  JsonNode resolve(JsonNode node, String where) {
    if (node.isObject() && node.size() == 1) {
      String function = node.fieldNames().next();
      JsonNode argument = node.get(function);
      switch (function) {
        case "Ref":
          return TextNode.valueOf(lookup(references, argument.asText(), "{\"Ref\": \"" + argument.asText() + "\"}",
              where));
        case "Fn::GetAtt":
          String key = argument.get(0).asText() + "." + argument.get(1).asText();
          return TextNode.valueOf(lookup(attributes, key, "{\"Fn::GetAtt\": " + argument + "}", where));
        case "Fn::Join":
          StringBuilder joined = new StringBuilder();
          Iterator<JsonNode> parts = argument.get(1).elements();
          for (int index = 0; parts.hasNext(); index++) {
            if (index > 0) {
              joined.append(argument.get(0).asText());
            }
            joined.append(text(parts.next(), where + "[" + index + "]"));
          }
          return TextNode.valueOf(joined.toString());
        default:
          if (function.startsWith("Fn::")) {
            throw new IllegalStateException(where + ": the intrinsic " + function + " is not supported here: "
                + node);
          }
      }
    }
    if (node.isObject()) {
      ObjectNode resolved = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(field -> resolved.set(field.getKey(),
          resolve(field.getValue(), where + "." + field.getKey())));
      return resolved;
    }
    if (node.isArray()) {
      ArrayNode resolved = JsonNodeFactory.instance.arrayNode();
      for (int index = 0; index < node.size(); index++) {
        resolved.add(resolve(node.get(index), where + "[" + index + "]"));
      }
      return resolved;
    }
    return node;
  }

  /** {@code node} resolved to a string. */
  String text(JsonNode node, String where) {
    JsonNode resolved = resolve(node, where);
    if (!resolved.isValueNode()) {
      throw new IllegalStateException(where + " is not a string: " + resolved);
    }
    return resolved.asText();
  }

  private static String lookup(Map<String, String> known, String key, String token, String where) {
    String value = known.get(key);
    if (value == null) {
      throw new IllegalStateException(where + ": no emulator value for " + token + "; the tests know " + known.keySet()
          + ". Create that resource in the emulator and register it.");
    }
    return value;
  }
}
