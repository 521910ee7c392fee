package io.meshwork.localstack.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.lambda.JavaRuntimeBootstrap;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * One shipped tenant's pipeline in its own account of the emulator, as the orchestration tests use it: the synthesized
 * template, the deployment (functions running the real handlers), the tenant's data in Glue and S3, and an inbox
 * subscribed to the notification topic. Sources are not delivered yet.
 */
final class DeployedTenant implements AutoCloseable {

  final String tenant;
  final Catalog catalog;
  final TenantTemplate template;
  final TenantAccount account;
  final PipelineDeployment deployment;
  final TenantData data;
  final NotificationInbox inbox;

  private DeployedTenant(String tenant, Catalog catalog, TenantTemplate template, TenantAccount account,
      PipelineDeployment deployment, TenantData data, NotificationInbox inbox) {
    this.tenant = tenant;
    this.catalog = catalog;
    this.template = template;
    this.account = account;
    this.deployment = deployment;
    this.data = data;
    this.inbox = inbox;
  }

  /**
   * Synthesizes and deploys {@code tenant}'s pipeline with a new data bucket named {@code meshwork-<tenant>-<use>-*}.
   */
  static DeployedTenant deploy(EmulatorEndpoints endpoints, String tenant, String use, Path work) {
    Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(Path.of("..", "product-definitions",
        "catalog")));
    TenantTemplate template = TenantTemplate.synthesize(catalog, tenant);
    String accountId = catalog.tenant(tenant).flatMap(shipped -> shipped.account().id()).orElseThrow();
    TenantAccount account = new TenantAccount(endpoints, accountId);
    // The jar the stack was synthesized with (set by the Surefire configuration; the cdk-app's default otherwise).
    String jar = Optional.ofNullable(System.getenv("MESHWORK_FUNCTIONS_JAR"))
        .orElse("../functions/target/meshwork-functions-lambda.jar");
    JavaRuntimeBootstrap bootstrap = JavaRuntimeBootstrap.prepare(Path.of(jar),
        Path.of(System.getProperty("meshwork.emulators.directory", "target/emulators"), "lambda"));
    String bucket = "meshwork-" + tenant + "-" + use + "-" + UUID.randomUUID().toString().substring(0, 8);
    PipelineDeployment deployment = PipelineDeployment.create(account, template, bootstrap, endpoints.aws(), bucket);
    TenantData data = TenantData.glue(catalog, tenant, accountId, endpoints.aws(), deployment.warehouse(),
        work.resolve("glue"));
    NotificationInbox inbox = NotificationInbox.subscribe(account.sns(), deployment.topicArn());
    return new DeployedTenant(tenant, catalog, template, account, deployment, data, inbox);
  }

  /** Starts the tenant's state machine with {@code input}; returns the execution's ARN. */
  String start(String input) {
    return account.sfn().startExecution(request -> request.stateMachineArn(deployment.stateMachineArn())
        .input(input)).executionArn();
  }

  List<ExecutionListItem> executionsStartedAfter(Instant instant) {
    return account.sfn().listExecutions(request -> request.stateMachineArn(deployment.stateMachineArn()))
        .executions().stream().filter(execution -> !execution.startDate().isBefore(instant)).toList();
  }

  /** Product name to outcome of a run's product records. */
  static Map<String, String> outcomes(JsonNode products) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    products.forEach(product -> outcomes.put(product.path("product").asText(), product.path("outcome").asText()));
    return outcomes;
  }

  @Override
  public void close() throws IOException {
    try (account; data) {
      inbox.close();
      deployment.close();
    }
  }
}
