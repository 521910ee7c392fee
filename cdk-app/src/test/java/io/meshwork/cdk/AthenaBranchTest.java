package io.meshwork.cdk;

import static io.meshwork.cdk.constructs.RefreshStateMachine.ALREADY_COMMITTED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.ATHENA_RUN_FAILED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.COMMIT_ATHENA;
import static io.meshwork.cdk.constructs.RefreshStateMachine.COMPUTE;
import static io.meshwork.cdk.constructs.RefreshStateMachine.COMPUTE_LARGE;
import static io.meshwork.cdk.constructs.RefreshStateMachine.COMPUTE_STATUS;
import static io.meshwork.cdk.constructs.RefreshStateMachine.DOES_NOT_FIT;
import static io.meshwork.cdk.constructs.RefreshStateMachine.NOTHING_TO_PUBLISH;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PREPARE_ATHENA;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PREPARE_STATUS;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PRODUCTS;
import static io.meshwork.cdk.constructs.RefreshStateMachine.REFRESH_PRODUCT;
import static io.meshwork.cdk.constructs.RefreshStateMachine.REMOVE_STAGING;
import static io.meshwork.cdk.constructs.RefreshStateMachine.REMOVE_STAGING_AFTER_FAILURE;
import static io.meshwork.cdk.constructs.RefreshStateMachine.RUN_ON_ATHENA;
import static io.meshwork.cdk.constructs.RefreshStateMachine.UNEXPECTED_COMPUTE_STATUS;
import static io.meshwork.cdk.constructs.RefreshStateMachine.VALIDATE;
import static io.meshwork.cdk.constructs.RefreshStateMachine.WAVES;
import static io.meshwork.cdk.constructs.RefreshStateMachine.WHERE_IT_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Tenant lemanic with claims_clean moved to athena: the Athena branch of its state machine, the sizing routes, the
 * pipeline workgroup and what the roles around Athena may do.
 */
class AthenaBranchTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path directory;
  private static TenantStack stack;
  private static Template template;
  private static JsonNode chain;

  @BeforeAll
  static void synthesizeLemanicWithClaimsCleanOnAthena() throws Exception {
    Path catalogDirectory = DemoTenants.copyCatalog(directory);
    Path tenant = catalogDirectory.resolve("tenants/lemanic/tenant.yaml");
    Files.writeString(tenant, Files.readString(tenant) + "engines:\n  claims_clean: athena\n");
    Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(catalogDirectory));
    App app = MeshworkApp.newApp();
    stack = MeshworkApp.addTenantStacks(app, catalog, List.of(catalog.tenant("lemanic").orElseThrow()),
        Optional.empty()).get(0);
    stack.forwardRunEventsTo("arn:aws:events:eu-central-2:123456789012:event-bus/meshwork-runs");
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    Aspects.of(app).add(new HIPAASecurityChecks(NagPackProps.builder().verbose(true).build()));
    template = Template.fromStack(stack);
    JsonNode definition = PipelineStacks.definition(template);
    chain = definition.get("States").get(WAVES).get("ItemProcessor").get("States").get(PRODUCTS)
        .get("ItemProcessor").get("States").get(REFRESH_PRODUCT).get("Branches").get(0).get("States");
  }

  @Test
  void cdkNagFindsNothingUnsuppressed_inTheStackWithAnAthenaBranch() {
    List<SynthesisMessage> findings = new ArrayList<>(Annotations.fromStack(stack)
        .findError("*", Match.stringLikeRegexp("AwsSolutions-.*|HIPAA.Security-.*")));
    findings.addAll(Annotations.fromStack(stack)
        .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*|HIPAA.Security-.*")));

    assertThat(findings).extracting(message -> message.getId() + " " + message.getEntry().getData()).isEmpty();
  }

  @Test
  void theStackStaysWithinCloudFormationsLimits() {
    assertThat(template.toJSON().get("Resources")).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) template.toJSON().get("Resources")).size()).isLessThan(500);
  }

  @Test
  void eachProductIsRoutedByThePlansComputeSize_andOneTooLargeFailsWithItsReason() {
    JsonNode where = chain.get(WHERE_IT_RUNS);

    assertThat(where.get("Type").asText()).isEqualTo("Choice");
    assertThat(json(where.get("Choices"))).isEqualTo(json(List.of(
        Map.of("Variable", "$.compute", "StringEquals", "standard", "Next", COMPUTE),
        Map.of("Variable", "$.compute", "StringEquals", "large", "Next", COMPUTE_LARGE),
        Map.of("Variable", "$.compute", "StringEquals", "athena", "Next", PREPARE_ATHENA))));
    assertThat(where.get("Default").asText()).isEqualTo(DOES_NOT_FIT);
    assertThat(json(chain.get(DOES_NOT_FIT))).isEqualTo(json(Map.of("Type", "Fail", "Error", "ProductDoesNotFit",
        "CausePath", "$.sizeReason", "Comment", "Too large for any Compute, or on an engine this state machine has"
            + " no branch for.")));
    String large = logicalId(stack.pipeline().computeLarge().alias());
    assertThat(chain.get(COMPUTE_LARGE).get("Resource").asText()).isEqualTo("${Ref:" + large + "}");
    for (String compute : List.of(COMPUTE, COMPUTE_LARGE, PREPARE_ATHENA)) {
      assertThat(json(chain.get(compute).get("Parameters"))).as(compute).isEqualTo(json(Map.of("tenant.$", "$.tenant",
          "product.$", "$.product", "runId.$", "$.runId")));
    }
    assertThat(chain.get(COMPUTE_LARGE).get("Next").asText()).isEqualTo(COMPUTE_STATUS);
  }

  @Test
  void theLargeComputeRunsWithoutSnapStart_withLambdasMostMemoryAndTmp_onASupportedJavaRuntime() {
    template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "FunctionName", "meshwork-lemanic-compute-large",
        "Handler", "io.meshwork.functions.ComputeFunction",
        "Runtime", "java25",
        "MemorySize", 10240,
        "EphemeralStorage", Map.of("Size", 10240),
        "SnapStart", Match.absent())));
    template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "FunctionName", "meshwork-lemanic-compute",
        "MemorySize", 3008,
        "EphemeralStorage", Map.of("Size", 512),
        "SnapStart", Map.of("ApplyOn", "PublishedVersions"))));
  }

  @Test
  void athenaBranch_preparesRunsTheQuerySyncInThePipelineWorkgroup_commits_andRemovesTheStagingTable() {
    JsonNode run = chain.get(RUN_ON_ATHENA);

    assertThat(chain.get(PREPARE_ATHENA).get("Next").asText()).isEqualTo(PREPARE_STATUS);
    assertThat(json(chain.get(PREPARE_STATUS).get("Choices"))).isEqualTo(json(List.of(
        Map.of("Variable", "$.status", "StringEquals", "PREPARED", "Next", RUN_ON_ATHENA),
        Map.of("Variable", "$.status", "StringEquals", "COMPUTED", "Next", ALREADY_COMMITTED),
        Map.of("Or", List.of(
            Map.of("Variable", "$.status", "StringEquals", "UP_TO_DATE"),
            Map.of("Variable", "$.status", "StringEquals", "ALREADY_PUBLISHED"),
            Map.of("Variable", "$.status", "StringEquals", "UPSTREAM_FAILED")), "Next", NOTHING_TO_PUBLISH))));
    assertThat(chain.get(PREPARE_STATUS).get("Default").asText()).isEqualTo(UNEXPECTED_COMPUTE_STATUS);
    assertThat(chain.get(ALREADY_COMMITTED).get("InputPath").asText()).isEqualTo("$.settled");
    assertThat(chain.get(ALREADY_COMMITTED).get("Next").asText()).isEqualTo(VALIDATE);
    assertThat(run.get("Resource").asText())
        .isEqualTo("arn:${AWS::Partition}:states:::athena:startQueryExecution.sync");
    assertThat(json(run.get("Parameters"))).isEqualTo(json(Map.of("QueryString.$", "$.query",
        "WorkGroup", "meshwork-pipeline",
        "QueryExecutionContext", Map.of("Catalog", "AwsDataCatalog", "Database.$", "$.stagingDatabase"))));
    assertThat(json(run.get("Retry"))).isEqualTo(json(List.of(Map.of(
        "ErrorEquals", List.of("Athena.TooManyRequestsException", "Athena.InternalServerException"),
        "IntervalSeconds", 5, "BackoffRate", 2, "MaxAttempts", 5, "JitterStrategy", "FULL"))));
    assertThat(json(run.get("Catch"))).isEqualTo(json(List.of(Map.of("ErrorEquals", List.of("States.ALL"),
        "ResultPath", "$.failure", "Next", REMOVE_STAGING_AFTER_FAILURE))));
    assertThat(run.get("ResultPath").asText()).isEqualTo("$.athena");
    assertThat(run.get("Next").asText()).isEqualTo(COMMIT_ATHENA);
    String commit = logicalId(stack.pipeline().commitAthena().orElseThrow().alias());
    assertThat(chain.get(COMMIT_ATHENA).get("Resource").asText()).isEqualTo("${Ref:" + commit + "}");
    assertThat(chain.get(COMMIT_ATHENA).get("ResultPath").asText()).isEqualTo("$.computed");
    assertThat(json(chain.get(COMMIT_ATHENA).get("Catch"))).isEqualTo(json(run.get("Catch")));
    assertThat(chain.get(COMMIT_ATHENA).get("Next").asText()).isEqualTo(REMOVE_STAGING);
    JsonNode remove = chain.get(REMOVE_STAGING);
    assertThat(remove.get("Resource").asText()).isEqualTo("arn:${AWS::Partition}:states:::aws-sdk:glue:deleteTable");
    assertThat(json(remove.get("Parameters"))).isEqualTo(json(Map.of("DatabaseName.$", "$.stagingDatabase",
        "Name.$", "$.stagingTable")));
    assertThat(remove.get("OutputPath").asText()).isEqualTo("$.computed");
    assertThat(remove.get("Next").asText()).isEqualTo(VALIDATE);
    JsonNode afterFailure = chain.get(REMOVE_STAGING_AFTER_FAILURE);
    assertThat(afterFailure.get("Next").asText()).isEqualTo(ATHENA_RUN_FAILED);
    assertThat(afterFailure.get("Catch").get(0).get("Next").asText()).isEqualTo(ATHENA_RUN_FAILED);
    assertThat(json(chain.get(ATHENA_RUN_FAILED))).isEqualTo(json(Map.of("Type", "Fail",
        "ErrorPath", "$.failure.Error", "CausePath", "$.failure.Cause")));
  }

  @Test
  void thePipelineWorkgroupEnforcesItsConfigurationAndEncryptsResultsWithTheTenantsKey() {
    String key = logicalId(stack.key());
    String bucket = logicalId(stack.dataBucket().bucket());
    template.hasResourceProperties("AWS::Athena::WorkGroup", Match.objectLike(Map.of(
        "Name", "meshwork-pipeline",
        "WorkGroupConfiguration", Match.objectLike(Map.of(
            "EnforceWorkGroupConfiguration", true,
            "BytesScannedCutoffPerQuery", 1099511627776L,
            "ResultConfiguration", Map.of(
                "OutputLocation", Map.of("Fn::Join", List.of("", List.of("s3://", Map.of("Ref", bucket),
                    "/athena-results/pipeline/"))),
                "EncryptionConfiguration", Map.of("EncryptionOption", "SSE_KMS",
                    "KmsKey", Map.of("Fn::GetAtt", List.of(key, "Arn")))))))));
    template.hasResourceProperties("AWS::Glue::Database", Match.objectLike(Map.of(
        "DatabaseInput", Match.objectLike(Map.of("Name", "meshwork_staging")))));
  }

  @Test
  void theStateMachineRoleRunsQueriesOnlyInThePipelineWorkgroup_andTouchesOnlyTheTenantsStagingTables() {
    List<Map<String, Object>> statements = statements(logicalId(stack.pipeline().refresh().stateMachine().getRole()));

    Map<String, Object> queries = statement(statements, "RunPipelineQueries");
    assertThat(queries.get("Action")).isEqualTo(List.of("athena:StartQueryExecution", "athena:GetQueryExecution",
        "athena:StopQueryExecution"));
    assertThat(queries.get("Resource").toString())
        .endsWith(":athena:eu-central-2:111122223333:workgroup/meshwork-pipeline]]}");
    assertThat(statement(statements, "StagingGlueTables").get("Action")).isEqualTo(List.of("glue:GetDatabase",
        "glue:GetTable", "glue:UpdateTable", "glue:DeleteTable"));
    assertThat(statement(statements, "StagingGlueTables").get("Resource").toString())
        .contains(":table/meshwork_staging/*").doesNotContain("table/*,").doesNotContain("database/*");
    assertThat(statement(statements, "WriteStagingFiles").get("Action"))
        .isEqualTo(List.of("s3:PutObject", "s3:AbortMultipartUpload"));
    for (Map<String, Object> statement : statements) {
      String resources = String.valueOf(statement.get("Resource"));
      if (resources.equals("*")) {
        assertThat(statement.get("Action")).as(statement.toString()).isIn(List.of("lakeformation:GetDataAccess",
            List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                "xray:GetSamplingTargets"), List.of("logs:CreateLogDelivery", "logs:GetLogDelivery",
                "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
                "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"),
            "cloudwatch:PutMetricData"));
      }
    }
  }

  @Test
  void lakeFormationLetsTheQueriesAndPrepareUseTheStagingDatabase() {
    String machineRole = logicalId(stack.pipeline().refresh().stateMachine().getRole());
    String prepareRole = logicalId(stack.pipeline().prepareAthena().orElseThrow().role());
    Map<String, Map<String, Object>> grants = template.findResources("AWS::LakeFormation::PrincipalPermissions");
    List<String> described = new ArrayList<>();
    grants.values().forEach(grant -> described.add(String.valueOf(grant.get("Properties"))));

    assertThat(described).anySatisfy(grant -> assertThat(grant).contains(machineRole).contains("[DROP]")
        .contains("DatabaseName=meshwork_staging"));
    assertThat(described).anySatisfy(grant -> assertThat(grant).contains(machineRole)
        .contains("[SELECT, INSERT, DELETE, DESCRIBE, ALTER]").contains("DatabaseName=meshwork_staging"));
    assertThat(described).anySatisfy(grant -> assertThat(grant).contains(prepareRole).contains("[CREATE_TABLE]")
        .contains("Name=meshwork_staging"));
    assertThat(described).anySatisfy(grant -> assertThat(grant).contains(prepareRole).contains("[DROP]"));
  }

  @Test
  void aTenantWithoutProductsOnAthena_hasNoAthenaBranchOrStagingDatabase() {
    Template alpina = PipelineStacks.template("alpina");
    JsonNode alpinaChain = PipelineStacks.definition(alpina).get("States").get(WAVES).get("ItemProcessor")
        .get("States").get(PRODUCTS).get("ItemProcessor").get("States").get(REFRESH_PRODUCT).get("Branches").get(0)
        .get("States");

    assertThat(alpinaChain.has(PREPARE_ATHENA)).isFalse();
    assertThat(alpinaChain.get(WHERE_IT_RUNS).get("Choices")).hasSize(2);
    alpina.resourcePropertiesCountIs("AWS::Athena::WorkGroup", Match.objectLike(Map.of("Name",
        "meshwork-pipeline")), 0);
    alpina.resourcePropertiesCountIs("AWS::Glue::Database", Match.objectLike(Map.of("DatabaseInput",
        Match.objectLike(Map.of("Name", "meshwork_staging")))), 0);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statements(String role) {
    List<Map<String, Object>> statements = new ArrayList<>();
    template.findResources("AWS::IAM::Policy").values().forEach(policy -> {
      Map<String, Object> properties = (Map<String, Object>) policy.get("Properties");
      if (String.valueOf(properties.get("Roles")).contains(role)) {
        statements.addAll((List<Map<String, Object>>) ((Map<String, Object>) properties.get("PolicyDocument"))
            .get("Statement"));
      }
    });
    return statements;
  }

  private static Map<String, Object> statement(List<Map<String, Object>> statements, String sid) {
    return statements.stream().filter(statement -> sid.equals(statement.get("Sid"))).findFirst()
        .orElseThrow(() -> new AssertionError("No statement " + sid + " in " + statements));
  }

  private static String logicalId(Object construct) {
    return stack.getLogicalId((CfnElement) ((software.constructs.IConstruct) construct).getNode().getDefaultChild());
  }

  private static JsonNode json(Object value) {
    return JSON.valueToTree(value);
  }
}
