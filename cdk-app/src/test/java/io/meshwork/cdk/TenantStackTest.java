package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Column;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The resources of demo tenant lemanic's stack, family by family. */
class TenantStackTest {

  private static TenantPlan plan;
  private static Catalog catalog;
  private static TenantStack stack;
  private static Template template;

  @BeforeAll
  static void synthesizeLemanic() {
    catalog = DemoTenants.catalog();
    plan = new Planner(catalog).plan("lemanic");
    App app = MeshworkApp.newApp();
    stack = MeshworkApp.addTenantStacks(app, catalog, List.of(catalog.tenant("lemanic").orElseThrow()),
        Optional.empty()).get(0);
    template = Template.fromStack(stack);
  }

  @Test
  void deploysIntoTheTenantsAccountAndRegion() {
    assertThat(stack.getStackName()).isEqualTo("meshwork-tenant-lemanic");
    assertThat(stack.getAccount()).isEqualTo("111122223333");
    assertThat(stack.getRegion()).isEqualTo("eu-central-2");
  }

  @Test
  void customerManagedKeyRotates() {
    template.resourceCountIs("AWS::KMS::Key", 2); // the data key and the pipeline's operations key
    template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    template.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Retain"));
  }

  @Test
  void dataBucketIsEncryptedWithTheKeyVersionedPrivateAndLogged() {
    template.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain", "Properties", Match.objectLike(Map.of(
        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
            "ServerSideEncryptionByDefault", Map.of(
                "SSEAlgorithm", "aws:kms",
                "KMSMasterKeyID", Map.of("Fn::GetAtt", List.of(logicalId(stack.key()), "Arn"))))))),
        "VersioningConfiguration", Map.of("Status", "Enabled"),
        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
            "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
        "LoggingConfiguration", Match.objectLike(Map.of(
            "DestinationBucketName", Map.of("Ref", logicalId(stack.dataBucket().accessLogs()))))))));
  }

  @Test
  void accessLogBucketUsesS3ManagedKeys() {
    template.resourceCountIs("AWS::S3::Bucket", 3);
    template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
            "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
        "VersioningConfiguration", Map.of("Status", "Enabled"))));
  }

  @Test
  void everyBucketPolicyDeniesRequestsWithoutTls() {
    Map<String, Map<String, Object>> policies = template.findResources("AWS::S3::BucketPolicy",
        Map.of("Properties", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
            "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Effect", "Deny",
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))))));
    assertThat(policies).hasSize(3);
  }

  @Test
  void glueDatabasesAreExactlyTheDomainsOfThePlan_andThePipelinesOwn() {
    assertThat(names("AWS::Glue::Database", "DatabaseInput"))
        .containsExactlyInAnyOrder("claims", "membership", "finance", "sources", "meshwork");
  }

  @Test
  void oneIcebergTablePerPlannedProductAndSource() {
    List<String> expected = Stream.concat(
        plan.products().stream().map(product -> product.tableName().table()),
        plan.sources().stream().map(source -> source.tableName().table())).toList();
    assertThat(expected).contains("loss_ratio_v1", "claims_clean_v1", "premiums_v2");
    assertThat(names("AWS::Glue::Table", "TableInput")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(template.findResources("AWS::Glue::Table", Map.of("Properties", Match.objectLike(Map.of(
        "OpenTableFormatInput", Map.of("IcebergInput", Map.of("MetadataOperation", "CREATE", "Version", "2")),
        "TableInput", Match.objectLike(Map.of("TableType", "EXTERNAL_TABLE"))))))).hasSize(expected.size());
  }

  @Test
  void lossRatioTableHasExactlyTheContractsColumnsInGlueTypes() {
    Map<String, Object> input = tableInput("loss_ratio_v1");
    assertThat(input.get("PartitionKeys")).isNull();
    List<String> columns = columns(input, "StorageDescriptor");
    assertThat(columns).containsExactly("year int", "canton string", "insured_years decimal(18,4)",
        "earned_premium_chf decimal(18,2)", "net_claims_chf decimal(18,2)", "loss_ratio decimal(18,4)",
        "expense_ratio decimal(5,4)", "combined_ratio decimal(18,4)");
    List<String> contract = catalog.productVersions("loss_ratio").get(0).contract().columns().stream()
        .map(Column::name).toList();
    assertThat(columns).extracting(column -> column.split(" ")[0]).containsExactlyElementsOf(contract);
    assertThat(template.findResources("AWS::Glue::Table", Map.of("Properties", Match.objectLike(Map.of(
        "DatabaseName", "finance",
        "TableInput", Match.objectLike(Map.of("Name", "loss_ratio_v1", "StorageDescriptor", Match.objectLike(Map.of(
            "Location", Map.of("Fn::Join", List.of("", List.of("s3://", Map.of("Ref",
                logicalId(stack.dataBucket().bucket())), "/warehouse/finance/loss_ratio_v1")))))))))))).hasSize(1);
  }

  @Test
  void identityPartitionsBecomePartitionKeys() {
    Map<String, Object> input = tableInput("insured_months_v1");
    assertThat(columns(input, "PartitionKeys")).containsExactly("year int");
    assertThat(columns(input, "StorageDescriptor")).doesNotContain("year int");
  }

  @Test
  void athenaWorkGroupEnforcesEncryptedResultsAndTheScanCutoff() {
    template.resourceCountIs("AWS::Athena::WorkGroup", 1);
    template.hasResourceProperties("AWS::Athena::WorkGroup", Match.objectLike(Map.of(
        "Name", "meshwork",
        "WorkGroupConfiguration", Match.objectLike(Map.of(
            "EnforceWorkGroupConfiguration", true,
            "BytesScannedCutoffPerQuery", 10_737_418_240L,
            "ResultConfiguration", Map.of(
                "OutputLocation", Map.of("Fn::Join", List.of("", List.of("s3://", Map.of("Ref",
                    logicalId(stack.dataBucket().bucket())), "/athena-results/"))),
                "EncryptionConfiguration", Map.of("EncryptionOption", "SSE_KMS",
                    "KmsKey", Map.of("Fn::GetAtt", List.of(logicalId(stack.key()), "Arn")))))))));
  }

  private static String logicalId(software.constructs.IConstruct construct) {
    return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(String type, String inputProperty) {
    return template.findResources(type).values().stream()
        .map(resource -> (Map<String, Object>) resource.get("Properties"))
        .map(properties -> (Map<String, Object>) properties.get(inputProperty))
        .map(input -> (String) input.get("Name"))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tableInput(String name) {
    Collection<Map<String, Object>> tables = template.findResources("AWS::Glue::Table", Map.of("Properties",
        Match.objectLike(Map.of("TableInput", Match.objectLike(Map.of("Name", name)))))).values();
    assertThat(tables).hasSize(1);
    Map<String, Object> properties = (Map<String, Object>) tables.iterator().next().get("Properties");
    return (Map<String, Object>) properties.get("TableInput");
  }

  @SuppressWarnings("unchecked")
  private static List<String> columns(Map<String, Object> input, String property) {
    Object holder = input.get(property);
    List<Map<String, Object>> columns = property.equals("PartitionKeys")
        ? (List<Map<String, Object>>) holder
        : (List<Map<String, Object>>) ((Map<String, Object>) holder).get("Columns");
    return columns.stream().map(column -> column.get("Name") + " " + column.get("Type")).toList();
  }
}
