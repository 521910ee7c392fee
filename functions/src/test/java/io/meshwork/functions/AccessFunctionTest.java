package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.meshwork.model.access.LakeFormationPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The access function's side of the CloudFormation custom resource protocol, against a stand-in response URL: it
 * refuses a policy it does not compile itself, answers every request (a failure too) with a {@code PUT} to the
 * response URL, and never blocks a stack's deletion. Reconciling itself is tested against moto in localstack-tests.
 */
class AccessFunctionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> ALPINA = Map.of("MESHWORK_TENANT", "alpina",
      "MESHWORK_CATALOG_ID", "444455556666", "MESHWORK_ACCESS_LEDGER", "s3://alpina-data/meshwork/ledger.json");

  private final List<String> responses = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void startResponseUrl() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/response", exchange -> {
      responses.add(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8));
      contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopResponseUrl() {
    server.stop(0);
  }

  @Test
  void createWithAnotherPolicysFingerprint_failsTheDeploy_namingBothFingerprints_withoutTouchingLakeFormation()
      throws IOException {
    String compiled = new AccessFunction(ALPINA, AccessFunctionTest::noClient, AccessFunctionTest::noClient,
        System.out).policy().fingerprint();

    JsonNode response = invoke(event("Create", "0123abcd"));

    assertThat(response.get("Status").asText()).isEqualTo("FAILED");
    assertThat(response.get("Reason").asText()).isEqualTo("The template asks for access policy 0123abcd but this"
        + " function's catalogue compiles tenant alpina to " + compiled + ": deploy the functions jar built from"
        + " the same catalogue as the template.");
    assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("meshwork-access-alpina");
    assertThat(response.get("StackId").asText()).isEqualTo("arn:aws:cloudformation:eu-central-2:444455556666:stack/"
        + "meshwork-tenant-alpina/1");
    assertThat(response.get("RequestId").asText()).isEqualTo("request-1");
    assertThat(response.get("LogicalResourceId").asText()).isEqualTo("AccessPolicy");
    assertThat(responses).singleElement().satisfies(sent -> assertThat(sent).startsWith("PUT {\"Status\":\"FAILED\""));
    assertThat(contentTypes).containsExactly("");
  }

  @Test
  void createWithTheCompiledFingerprint_reconciles_andReportsAFailingLakeFormationAsAFailedDeploy()
      throws IOException {
    String compiled = new AccessFunction(ALPINA, AccessFunctionTest::noClient, AccessFunctionTest::noClient,
        System.out).policy().fingerprint();

    JsonNode response = invoke(event("Update", compiled));

    assertThat(response.get("Status").asText()).isEqualTo("FAILED");
    assertThat(response.get("Reason").asText()).isEqualTo("IllegalStateException: no client in this test");
    assertThat(responses).hasSize(1);
  }

  @Test
  void deleteAnswersSuccess_evenWhenAccessCannotBeRemoved() throws IOException {
    JsonNode response = invoke(event("Delete", "anything"));

    assertThat(response.get("Status").asText()).isEqualTo("SUCCESS");
    assertThat(response.get("Reason").asText()).isEqualTo("Meshwork's access was not removed"
        + " (IllegalStateException: no client in this test); the tables are deleted with the stack.");
    assertThat(responses).singleElement().satisfies(sent -> assertThat(sent).startsWith("PUT {\"Status\":\"SUCCESS\""));
  }

  @Test
  void missingSettingIsNamed() {
    AccessFunction function = new AccessFunction(Map.of("MESHWORK_TENANT", "alpina"), AccessFunctionTest::noClient,
        AccessFunctionTest::noClient, System.out);

    JsonNode response = JSON.valueToTree(function.customResource(JSON.valueToTree(Map.of("RequestType", "Create",
        "ResponseURL", "http://127.0.0.1:1/unused", "ResourceProperties", Map.of()))));

    assertThat(response.get("Reason").asText()).isEqualTo("IllegalStateException: The Access function needs the"
        + " environment variable MESHWORK_CATALOG_ID.");
  }

  @Test
  void fingerprintIsStableForTheSamePolicy_andChangesWithIt() {
    AccessFunction function = new AccessFunction(ALPINA, AccessFunctionTest::noClient, AccessFunctionTest::noClient,
        System.out);
    LakeFormationPolicy policy = function.policy();
    LakeFormationPolicy withoutDescribes = new LakeFormationPolicy(policy.tenantId(), policy.tags(),
        policy.databaseTags(), policy.columnTags(), policy.filters(), policy.selectGrants(), List.of());

    assertThat(function.policy().fingerprint()).isEqualTo(policy.fingerprint()).hasSize(64);
    assertThat(withoutDescribes.fingerprint()).isNotEqualTo(policy.fingerprint());
  }

  @Test
  void aWorkspaceGrantAboveThePublishedCeiling_isAnsweredWithTheProblem_withoutTouchingLakeFormation()
      throws IOException {
    JsonNode answer = invoke(Map.of("workspace", Map.of("files", Map.of("workspace.yaml", """
        apiVersion: meshwork.io/v1
        kind: Workspace
        tenant: alpina
        grants:
          - to: controlling
            product: claims_clean
            role: controller
            classifications: [public, pii]
        """))));

    assertThat(answer.get("Applied").asBoolean()).isFalse();
    assertThat(answer.get("Problems")).hasSize(1);
    assertThat(answer.get("Problems").get(0).asText()).isEqualTo("workspace/workspace.yaml:5:9: The grant of "
        + "claims_clean to controlling as role controller includes pii columns, which the provider's ceiling for "
        + "tenant alpina (tenants/alpina/tenant.yaml) excludes for that role on claims_clean: it allows public, "
        + "internal, confidential. Remove pii from 'classifications'.");
  }

  @Test
  void aWorkspaceOfAnotherTenant_isRefused() throws IOException {
    JsonNode answer = invoke(Map.of("workspace", Map.of("files", Map.of("workspace.yaml",
        "apiVersion: meshwork.io/v1\nkind: Workspace\ntenant: rhenus\n"))));

    assertThat(answer.get("Applied").asBoolean()).isFalse();
    assertThat(answer.get("Problems").get(0).asText()).isEqualTo("workspace/workspace.yaml: This function applies "
        + "the workspace of tenant alpina only: its workspace.yaml must say 'tenant: alpina'.");
  }

  private JsonNode invoke(Map<String, Object> event) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    new AccessFunction(ALPINA, AccessFunctionTest::noClient, AccessFunctionTest::noClient,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), output, null);
    return JSON.readTree(output.toByteArray());
  }

  private Map<String, Object> event(String type, String fingerprint) {
    return Map.of("RequestType", type,
        "ResponseURL", "http://127.0.0.1:" + server.getAddress().getPort() + "/response?signature=x",
        "StackId", "arn:aws:cloudformation:eu-central-2:444455556666:stack/meshwork-tenant-alpina/1",
        "RequestId", "request-1",
        "LogicalResourceId", "AccessPolicy",
        "ResourceProperties", Map.of("ServiceToken", "arn:aws:lambda:eu-central-2:444455556666:function:x",
            "Tenant", "alpina", AccessFunction.FINGERPRINT_PROPERTY, fingerprint));
  }

  private static <T> T noClient() {
    throw new IllegalStateException("no client in this test");
  }
}
