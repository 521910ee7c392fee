package io.meshwork.model.export;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published ODCS and ODPS JSON Schemas (test resources, see schemas/README.md), and validation of exported
 * documents as a consumer reads them: the YAML text we write, loaded by a YAML parser and turned into JSON.
 */
enum StandardSchemas {
  ODCS("schemas/odcs-json-schema-v3.1.0.json"),
  ODPS("schemas/odps-json-schema-v1.0.0.json");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Schema schema;

  StandardSchemas(String resource) {
    // Both schemas declare "$schema": "https://json-schema.org/draft/2019-09/schema".
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09);
    try (InputStream in = StandardSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + resource);
      }
      this.schema = registry.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's complaints about {@code document} after a YAML round trip, one line each. */
  List<String> problems(Map<String, Object> document) {
    return problemsOf(YamlDocuments.write(document));
  }

  /** The schema's complaints about the YAML document {@code yaml}, one line each. */
  List<String> problemsOf(String yaml) {
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    JsonNode json = JSON.valueToTree(loaded);
    return schema.validate(json).stream().map(Error::toString).toList();
  }
}
