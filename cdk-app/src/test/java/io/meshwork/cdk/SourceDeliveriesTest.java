package io.meshwork.cdk;

import static io.meshwork.cdk.StackJson.json;
import static io.meshwork.cdk.StackJson.logicalId;
import static io.meshwork.cdk.StackJson.statementsBySid;
import static io.meshwork.cdk.StackJson.statementsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.cdk.constructs.SourceDeliveries;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Source deliveries in the demo tenants' stacks: the landing prefix of the data bucket, S3's EventBridge events, the
 * rule, the Ingest function and every permission it and the delivering principals get.
 */
class SourceDeliveriesTest {

  private static final String LEMANIC_EXPORT = "arn:aws:iam::111122223333:role/lemanic-core-export";
  private static final List<String> LEMANIC_SOURCES = List.of("claims", "insured_persons", "premiums", "providers");
  /** The tables of LEMANIC_SOURCES, in the same order. */
  private static final List<String> LEMANIC_SOURCE_TABLES = List.of("claims_v2", "insured_persons_v2", "premiums_v2",
      "providers_v1");

  @Test
  void ingestFunctionRunsTheIngestHandlerOverTheTenantsWarehouse_andKnowsThePipelinesTopic() {
    TenantStack stack = PipelineStacks.stack("lemanic");
    Template template = PipelineStacks.template("lemanic");
    String bucket = logicalId(stack, stack.dataBucket().bucket());
    String topic = logicalId(stack, stack.pipeline().notifications());

    template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "FunctionName", "meshwork-lemanic-ingest",
        "Handler", "io.meshwork.functions.IngestFunction",
        "Runtime", "java25",
        "MemorySize", 2048,
        "Timeout", 600,
        "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
        "Environment", Map.of("Variables", Match.objectLike(Map.of(
            "MESHWORK_CATALOG", "glue",
            "MESHWORK_TENANT", "lemanic",
            "MESHWORK_WAREHOUSE", Map.of("Fn::Join", List.of("", List.of("s3://", Map.of("Ref", bucket),
                "/warehouse"))),
            "MESHWORK_NOTIFICATIONS_TOPIC", Map.of("Ref", topic)))))));
  }

  @Test
  void dataBucketSendsItsObjectEventsToEventBridge() {
    TenantStack stack = PipelineStacks.stack("alpina");

    assertThat(StackJson.propertiesOf(PipelineStacks.template("alpina"), logicalId(stack, stack.dataBucket()
        .bucket())).get("NotificationConfiguration")).isEqualTo(Map.of("EventBridgeConfiguration",
        Map.of("EventBridgeEnabled", true)));
  }

  @Test
  void objectsCreatedUnderLanding_ofTheTenantsBucketOnly_invokeTheIngestAlias() {
    TenantStack stack = PipelineStacks.stack("lemanic");
    SourceDeliveries deliveries = stack.pipeline().deliveries().orElseThrow();
    String bucket = logicalId(stack, stack.dataBucket().bucket());
    String alias = logicalId(stack, deliveries.ingest().alias());

    assertThat(StackJson.propertiesOf(PipelineStacks.template("lemanic"), logicalId(stack, deliveries.rule())))
        .isEqualTo(Map.of(
            "Description", "Ingests each file delivered under landing/ of tenant lemanic's data bucket",
            "EventPattern", Map.of(
                "source", List.of("aws.s3"),
                "detail-type", List.of("Object Created"),
                "detail", Map.of(
                    "bucket", Map.of("name", List.of(Map.of("Ref", bucket))),
                    "object", Map.of("key", List.of(Map.of("prefix", "landing/"))))),
            "State", "ENABLED",
            "Tags", List.of(Map.of("Key", "meshwork:tenant", "Value", "lemanic")),
            "Targets", List.of(Map.of(
                "Arn", Map.of("Ref", alias),
                "Id", "Target0",
                "RetryPolicy", Map.of("MaximumEventAgeInSeconds", 21600, "MaximumRetryAttempts", 8)))));
    PipelineStacks.template("lemanic").hasResourceProperties("AWS::Lambda::Permission", Map.of(
        "Action", "lambda:InvokeFunction",
        "FunctionName", Map.of("Ref", alias),
        "Principal", "events.amazonaws.com",
        "SourceArn", Map.of("Fn::GetAtt", List.of(logicalId(stack, deliveries.rule()), "Arn"))));
  }

  @Test
  void anIngestThatFailsThreeTimes_isSentToTheNotificationsTopic() {
    TenantStack stack = PipelineStacks.stack("lemanic");

    PipelineStacks.template("lemanic").hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
        "FunctionName", Map.of("Ref", logicalId(stack, stack.pipeline().deliveries().orElseThrow().ingest()
            .function())),
        "Qualifier", Match.anyValue(),
        "MaximumRetryAttempts", 2,
        "MaximumEventAgeInSeconds", 21600,
        "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
            Map.of("Ref", logicalId(stack, stack.pipeline().notifications()))))));
  }

  @Test
  void onlyTheDeliveringPrincipalsMayWriteLanding_andOnlyWithTheDataKey() {
    TenantStack stack = PipelineStacks.stack("lemanic");
    Map<String, JsonNode> statements = bucketPolicy("lemanic", stack);
    JsonNode landing = json(Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(
        logicalId(stack, stack.dataBucket().bucket()), "Arn")), "/landing/*"))));

    assertThat(statements.get("OnlyDeliveringPrincipalsWriteLanding")).isEqualTo(json(Map.of(
        "Sid", "OnlyDeliveringPrincipalsWriteLanding", "Effect", "Deny", "Principal", Map.of("AWS", "*"),
        "Action", "s3:PutObject", "Resource", landing,
        "Condition", Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", List.of(LEMANIC_EXPORT))))));
    assertThat(statements.get("LandingOnlyWithKms")).isEqualTo(json(Map.of(
        "Sid", "LandingOnlyWithKms", "Effect", "Deny", "Principal", Map.of("AWS", "*"),
        "Action", "s3:PutObject", "Resource", landing,
        "Condition", Map.of("StringNotEqualsIfExists", Map.of("s3:x-amz-server-side-encryption", "aws:kms")))));
    assertThat(statements.get("LandingOnlyWithTheDataKey")).isEqualTo(json(Map.of(
        "Sid", "LandingOnlyWithTheDataKey", "Effect", "Deny", "Principal", Map.of("AWS", "*"),
        "Action", "s3:PutObject", "Resource", landing,
        "Condition", Map.of("StringNotEqualsIfExists", Map.of("s3:x-amz-server-side-encryption-aws-kms-key-id",
            Map.of("Fn::GetAtt", List.of(logicalId(stack, stack.key()), "Arn")))))));
    assertThat(statements.get("DeliveringPrincipalsWriteLanding")).isEqualTo(json(Map.of(
        "Sid", "DeliveringPrincipalsWriteLanding", "Effect", "Allow", "Principal", Map.of("AWS", LEMANIC_EXPORT),
        "Action", List.of("s3:PutObject", "s3:AbortMultipartUpload"), "Resource", landing)));
  }

  @Test
  void withoutDeliveringPrincipals_nobodyMayWriteLanding() {
    TenantStack stack = PipelineStacks.stack("alpina");
    Map<String, JsonNode> statements = bucketPolicy("alpina", stack);

    assertThat(statements.get("OnlyDeliveringPrincipalsWriteLanding").has("Condition")).isFalse();
    assertThat(statements.get("OnlyDeliveringPrincipalsWriteLanding").path("Effect").asText()).isEqualTo("Deny");
    assertThat(statements).doesNotContainKey("DeliveringPrincipalsWriteLanding");
    assertThat(keyPolicy("alpina", stack)).doesNotContainKey("DeliverSourceFiles");
  }

  @Test
  void deliveringPrincipalsMayUseTheDataKeyThroughS3Only() {
    TenantStack stack = PipelineStacks.stack("lemanic");

    assertThat(keyPolicy("lemanic", stack).get("DeliverSourceFiles")).isEqualTo(json(Map.of(
        "Sid", "DeliverSourceFiles", "Effect", "Allow", "Principal", Map.of("AWS", LEMANIC_EXPORT),
        "Action", List.of("kms:GenerateDataKey", "kms:Decrypt"), "Resource", "*",
        "Condition", Map.of("StringEquals", Map.of(
            "kms:ViaService", "s3.eu-central-2.amazonaws.com",
            "kms:CallerAccount", "111122223333")))));
  }

  @Test
  void ingestRoleTakesDeliveries_setsAsideRejections_andCommitsOnlyTheSourceTables() {
    TenantStack stack = PipelineStacks.stack("lemanic");
    SourceDeliveries deliveries = stack.pipeline().deliveries().orElseThrow();
    JsonNode all = statementsOf(PipelineStacks.template("lemanic"), logicalId(stack, deliveries.ingest().role()));
    Map<String, JsonNode> statements = new java.util.LinkedHashMap<>();
    all.forEach(statement -> statements.put(statement.path("Sid").asText(), statement));
    String bucket = logicalId(stack, stack.dataBucket().bucket());

    assertThat(statements.get("TakeDeliveries").path("Action")).isEqualTo(json(List.of("s3:GetObject",
        "s3:DeleteObject")));
    assertThat(statements.get("TakeDeliveries").path("Resource")).isEqualTo(json(objects(bucket, "landing")));
    assertThat(statements.get("SetAsideRejectedDeliveries").path("Action")).isEqualTo(json("s3:PutObject"));
    assertThat(statements.get("SetAsideRejectedDeliveries").path("Resource")).isEqualTo(
        json(objects(bucket, "rejected")));
    assertThat(statements.get("CommitSourceTableFiles").path("Resource")).isEqualTo(json(LEMANIC_SOURCE_TABLES
        .stream().map(table -> join(bucket, "/warehouse/sources/" + table + "/*")).toList()));
    assertThat(statements.get("CommitSourceGlueTables").path("Action")).isEqualTo(json(List.of("glue:GetDatabase",
        "glue:GetTable", "glue:UpdateTable")));
    assertThat(statements.get("CommitSourceGlueTables").path("Resource").toString())
        .contains("table/sources/claims_v2").doesNotContain("table/claims/").doesNotContain("table/finance/");
    assertThat(statements.get("AnnouncePublishedDeliveries")).isEqualTo(json(Map.of(
        "Sid", "AnnouncePublishedDeliveries", "Action", "events:PutEvents", "Effect", "Allow",
        "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
            ":events:eu-central-2:111122223333:event-bus/default"))))));
    List<String> actions = new ArrayList<>();
    all.forEach(statement -> statement.path("Action").forEach(action -> actions.add(action.asText())));
    all.forEach(statement -> {
      if (statement.path("Action").isTextual()) {
        actions.add(statement.path("Action").asText());
      }
    });
    assertThat(actions).doesNotContain("*", "s3:*", "glue:*", "glue:DeleteTable", "glue:DeleteDatabase")
        .contains("sns:Publish", "glue:CreateTable", "lakeformation:GetDataAccess");
  }

  @Test
  void lakeFormationLetsIngestCommitTheSourceTablesByName() {
    TenantStack stack = PipelineStacks.stack("lemanic");
    String role = logicalId(stack, stack.pipeline().deliveries().orElseThrow().ingest().role());
    Template template = PipelineStacks.template("lemanic");

    for (String table : LEMANIC_SOURCE_TABLES) {
      template.hasResourceProperties("AWS::LakeFormation::PrincipalPermissions", Match.objectLike(Map.of(
          "Principal", Map.of("DataLakePrincipalIdentifier", Map.of("Fn::GetAtt", List.of(role, "Arn"))),
          "Resource", Map.of("Table", Map.of("CatalogId", "111122223333", "DatabaseName", "sources",
              "Name", table)),
          "Permissions", List.of("SELECT", "INSERT", "DELETE", "DESCRIBE", "ALTER"))));
    }
  }

  @Test
  void aDeliveringPrincipalOfAnotherAccountThanTheDeployment_failsSynth_namingFileAndLine() {
    Tenant tenant = withDeliveringPrincipal("arn:aws:iam::444455556666:role/exports");

    assertThatThrownBy(() -> TenantStack.deliveringPrincipals(tenant, Optional.of("999988887777")))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessage("tenants/lemanic/tenant.yaml:9:5: Delivering principal arn:aws:iam::444455556666:role/exports of"
            + " tenant lemanic belongs to account 444455556666, not to the account 999988887777 the tenant stack"
            + " deploys to. Name a role of account 999988887777.");
    assertThatThrownBy(() -> TenantStack.deliveringPrincipals(tenant, Optional.empty()))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessage("tenants/lemanic/tenant.yaml:9:5: Delivering principal arn:aws:iam::444455556666:role/exports of"
            + " tenant lemanic cannot be checked against the tenant's account: add the account id to the tenant"
            + " file, or set CDK_DEFAULT_ACCOUNT.");
  }

  private static Tenant withDeliveringPrincipal(String arn) {
    Tenant shipped = PipelineStacks.catalog().tenant("lemanic").orElseThrow();
    return new Tenant(shipped.id(), shipped.displayName(), shipped.account(), shipped.subscriptions(),
        shipped.overrides(), shipped.principals(), List.of(new Tenant.DeliveringPrincipal(arn,
        new Location("tenants/lemanic/tenant.yaml", 9, 5))), shipped.location());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, JsonNode> bucketPolicy(String tenant, TenantStack stack) {
    String bucket = logicalId(stack, stack.dataBucket().bucket());
    Map<String, Object> policy = PipelineStacks.template(tenant).findResources("AWS::S3::BucketPolicy").values()
        .stream().map(StackJson::properties)
        .filter(properties -> properties.get("Bucket").equals(Map.of("Ref", bucket)))
        .findFirst().orElseThrow();
    return statementsBySid((Map<String, Object>) policy.get("PolicyDocument"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, JsonNode> keyPolicy(String tenant, TenantStack stack) {
    return statementsBySid((Map<String, Object>) StackJson.propertiesOf(PipelineStacks.template(tenant),
        logicalId(stack, stack.key())).get("KeyPolicy"));
  }

  private static List<Object> objects(String bucket, String prefix) {
    return LEMANIC_SOURCES.stream().<Object>map(source -> join(bucket, "/" + prefix + "/" + source + "/*")).toList();
  }

  private static Map<String, Object> join(String bucket, String suffix) {
    return Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), suffix)));
  }
}
