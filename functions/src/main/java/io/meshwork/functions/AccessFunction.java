package io.meshwork.functions;

import io.meshwork.model.runtime.RuntimeNames;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.functions.access.ApplyReport;
import io.meshwork.functions.access.LakeFormationGrant;
import io.meshwork.functions.access.LakeFormationReconciler;
import io.meshwork.functions.access.S3AccessLedger;
import io.meshwork.model.access.Ceiling;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.parse.DefinitionFiles;
import io.meshwork.model.parse.InMemoryDefinitionFiles;
import io.meshwork.model.parse.WorkspaceFiles;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code Access} function: brings the tenant's Lake Formation to the policy compiled from the catalogue packaged
 * with it ({@link LakeFormationReconciler}). Invoked two ways:
 * <ul>
 *   <li>by the tenant stack's custom resource on deploy, with {@code PolicyFingerprint} (the policy's
 *       {@link LakeFormationPolicy#fingerprint()} as the CDK app compiled it) in its properties: a policy that did not
 *       change does not change the properties, so CloudFormation does not call. Create and Update reconcile after
 *       checking that this function compiles the same policy (else the deploy fails, naming both fingerprints); Delete
 *       revokes what Meshwork granted and always answers success, so a stack can be deleted.</li>
 *   <li>by the drift-repair schedule, with any other event (e.g. {@code {"tenant": "<id>"}}): reconciles and returns
 *       the report as JSON.</li>
 * </ul>
 * Settings, from the environment: {@code MESHWORK_TENANT} (the tenant), {@code MESHWORK_CATALOG_ID} (the account
 * whose Data Catalog holds its tables), {@code MESHWORK_ACCESS_LEDGER} ({@code s3://bucket/key} of the
 * {@link S3AccessLedger}), optionally {@code MESHWORK_DEFINITIONS} (a catalogue directory instead of the packaged one)
 * and {@code AWS_ENDPOINT_URL}, which the AWS SDK honours itself ({@code MESHWORK_S3_PATH_STYLE=true} for emulators).
 */
public final class AccessFunction implements RequestStreamHandler {

  static final String FINGERPRINT_PROPERTY = "PolicyFingerprint";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> environment;
  private final Supplier<LakeFormationClient> lakeFormation;
  private final Supplier<S3Client> s3;
  private final PrintStream log;

  /** Lambda's constructor: settings from the environment, clients from the SDK's default chain. */
  public AccessFunction() {
    this(System.getenv(), LakeFormationClient::create, () -> S3Client.builder()
        .forcePathStyle(Boolean.parseBoolean(System.getenv(RuntimeNames.S3_PATH_STYLE_VARIABLE))).build(), System.out);
  }

  AccessFunction(Map<String, String> environment, Supplier<LakeFormationClient> lakeFormation,
      Supplier<S3Client> s3, PrintStream log) {
    this.environment = Map.copyOf(environment);
    this.lakeFormation = lakeFormation;
    this.s3 = s3;
    this.log = log;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    JsonNode event = JSON.readTree(input);
    if (event != null && event.hasNonNull("RequestType") && event.hasNonNull("ResponseURL")) {
      Map<String, Object> response = customResource(event);
      log.println(JSON.writeValueAsString(Map.of("step", "Access", "requestType", event.get("RequestType").asText(),
          "status", response.get("Status"), "reason", response.get("Reason"))));
      CustomResourceResponse.send(event.get("ResponseURL").asText(), response, JSON);
      JSON.writeValue(output, response);
      return;
    }
    if (event != null && event.has(WORKSPACE_FIELD)) {
      Map<String, Object> answer = applyWorkspace(event.get(WORKSPACE_FIELD));
      log.println(JSON.writeValueAsString(Map.of("step", "Access", "trigger", "workspace", "answer", answer)));
      JSON.writeValue(output, answer);
      return;
    }
    ApplyReport report = reconcile(policy());
    log.println(JSON.writeValueAsString(Map.of("step", "Access", "trigger", "schedule", "report",
        report.toString())));
    JSON.writeValue(output, summary(report));
  }

  /**
   * A tenant admin's workspace ({@code {"workspace": {"files": {"workspace.yaml": "...", ...}}}}, as {@code mesh
   * workspace apply} sends it), layered over the packaged catalogue, whose tenant file holds the published ceiling: an
   * invalid workspace is answered with its problems and changes nothing; a valid one is reconciled within the ceiling.
   */
  Map<String, Object> applyWorkspace(JsonNode workspace) {
    Map<String, String> files = new java.util.TreeMap<>();
    workspace.path("files").fields().forEachRemaining(file -> files.put(file.getKey(), file.getValue().asText()));
    Map<String, Object> answer = new LinkedHashMap<>();
    Compiled compiled;
    try {
      compiled = compile(Optional.of(new InMemoryDefinitionFiles("workspace", files)));
    } catch (InvalidDefinitionException invalid) {
      answer.put("Applied", false);
      answer.put("Problems", invalid.diagnostics().stream().map(diagnostic -> new Diagnostic(WorkspaceFiles.display(
          diagnostic.location(), "catalogue", "workspace"), diagnostic.message()).toString()).toList());
      return answer;
    }
    ApplyReport report = reconcile(compiled.policy());
    answer.put("Applied", true);
    answer.putAll(summary(report));
    answer.put("Report", report.toString());
    // What changed, one line each, so the admin who applied the workspace sees it without reading the logs.
    answer.put("Granted", report.grantsAdded().stream().map(LakeFormationGrant::toString).toList());
    answer.put("Revoked", report.grantsRevoked().stream().map(LakeFormationGrant::toString).toList());
    answer.put("CeilingFindings", report.ceiling());
    return answer;
  }

  /** The custom resource's answer to {@code event}, after doing what it asks. */
  Map<String, Object> customResource(JsonNode event) {
    String type = event.get("RequestType").asText();
    String physicalId = "meshwork-access-" + setting(RuntimeNames.TENANT_VARIABLE);
    try {
      if (type.equals("Delete")) {
        return CustomResourceResponse.of(event, "SUCCESS", removeAll(), physicalId, Map.of());
      }
      LakeFormationPolicy policy = policy();
      String asked = event.path("ResourceProperties").path(FINGERPRINT_PROPERTY).asText("");
      if (!asked.equals(policy.fingerprint())) {
        return CustomResourceResponse.of(event, "FAILED", "The template asks for access policy " + asked
            + " but this function's catalogue compiles tenant " + policy.tenantId() + " to " + policy.fingerprint()
            + ": deploy the functions jar built from the same catalogue as the template.", physicalId, Map.of());
      }
      ApplyReport report = reconcile(policy);
      return CustomResourceResponse.of(event, "SUCCESS", report.toString(), physicalId, summary(report));
    } catch (RuntimeException failure) {
      return CustomResourceResponse.of(event, "FAILED", failure.getClass().getSimpleName() + ": "
          + failure.getMessage(), physicalId, Map.of());
    }
  }

  private String removeAll() {
    try (LakeFormationClient client = lakeFormation.get(); S3Client storage = s3.get()) {
      return "Removed Meshwork's access: " + reconciler(client, storage).removeAll();
    } catch (RuntimeException failure) {
      // Deleting the stack must not hang on access: the tables go with it, and so do grants on them.
      return "Meshwork's access was not removed (" + failure.getClass().getSimpleName() + ": " + failure.getMessage()
          + "); the tables are deleted with the stack.";
    }
  }

  /** Reconciles {@code policy} within the provider's ceiling for the tenant, which is re-checked here. */
  private ApplyReport reconcile(LakeFormationPolicy policy) {
    try (LakeFormationClient client = lakeFormation.get(); S3Client storage = s3.get()) {
      return reconciler(client, storage).reconcile(policy, compiled().ceiling());
    }
  }

  private LakeFormationReconciler reconciler(LakeFormationClient client, S3Client storage) {
    return new LakeFormationReconciler(client, setting(RuntimeNames.CATALOG_ID_VARIABLE),
        new S3AccessLedger(storage, setting(RuntimeNames.ACCESS_LEDGER_VARIABLE)));
  }

  /** The tenant's policy, compiled from the catalogue packaged with the function (or {@code MESHWORK_DEFINITIONS}). */
  LakeFormationPolicy policy() {
    return compiled().policy();
  }

  /** The tenant's policy and the provider's ceiling for it, from the same catalogue. */
  private Compiled compiled() {
    return compile(Optional.empty());
  }

  private Compiled compile(Optional<DefinitionFiles> workspace) {
    String directory = environment.getOrDefault(RuntimeNames.DEFINITIONS_VARIABLE, "");
    DefinitionFiles packaged = directory.isBlank() ? new ClasspathDefinitionFiles()
        : new DirectoryDefinitionFiles(Path.of(directory));
    Catalog catalog = CatalogLoader.load(workspace.<DefinitionFiles>map(files -> new WorkspaceFiles(packaged, files))
        .orElse(packaged));
    String tenantId = setting(RuntimeNames.TENANT_VARIABLE);
    if (workspace.isPresent() && catalog.tenants().stream().noneMatch(tenant -> tenant.id().equals(tenantId)
        && tenant.delegation().workspace().isPresent())) {
      throw new InvalidDefinitionException(List.of(new Diagnostic(io.meshwork.model.definition.Location.of(
          WorkspaceFiles.PREFIX + "workspace.yaml"), "This function applies the workspace of tenant " + tenantId
          + " only: its workspace.yaml must say 'tenant: " + tenantId + "'.")));
    }
    Tenant tenant = catalog.tenant(tenantId).orElseThrow(() -> new IllegalStateException("MESHWORK_TENANT names "
        + tenantId + ", which is not a tenant of the function's catalogue."));
    Problems problems = new Problems();
    TenantPlan plan = new Planner(catalog).plan(tenant, problems);
    problems.throwIfAny();
    return new Compiled(LakeFormationPolicy.of(tenant, plan, Optional.of(setting(RuntimeNames.CATALOG_ID_VARIABLE))),
        new Ceiling(tenant, plan));
  }

  private static final String WORKSPACE_FIELD = "workspace";

  private record Compiled(LakeFormationPolicy policy, Ceiling ceiling) {
  }

  private String setting(String name) {
    String value = environment.getOrDefault(name, "");
    if (value.isBlank()) {
      throw new IllegalStateException("The Access function needs the environment variable " + name + ".");
    }
    return value;
  }

  private static Map<String, Object> summary(ApplyReport report) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("Changes", report.changes());
    summary.put("GrantsAdded", report.grantsAdded().size());
    summary.put("GrantsRevoked", report.grantsRevoked().size());
    summary.put("AboveCeiling", report.ceiling().size());
    return summary;
  }
}
