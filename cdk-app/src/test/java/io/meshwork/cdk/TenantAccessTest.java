package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.cdk.constructs.TenantAccess;
import io.meshwork.cdk.constructs.TenantAccessProps;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.plan.Planner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * Lake Formation of demo tenant alpina in its stack: settings, location and the pipeline's grants; the tenant's own
 * policy is handed to the access reconciler by its fingerprint.
 */
class TenantAccessTest {

  private static final String ACCOUNT = "444455556666";
  private static final String LAKE_FORMATION = "AWS::LakeFormation::";
  private static TenantStack stack;
  private static Template template;

  @BeforeAll
  static void synthesizeAlpina() {
    Catalog catalog = DemoTenants.catalog();
    stack = MeshworkApp.addTenantStacks(MeshworkApp.newApp(), catalog,
        List.of(catalog.tenant("alpina").orElseThrow()), Optional.empty()).get(0);
    template = Template.fromStack(stack);
  }

  @Test
  void tenantPrincipalsGetNoTemplatedGrantsTagsOrFilters_theReconcilerAppliesTheirPolicy() {
    Catalog catalog = DemoTenants.catalog();
    LakeFormationPolicy policy = LakeFormationPolicy.of(catalog.tenant("alpina").orElseThrow(),
        new Planner(catalog).plan("alpina"), Optional.of(ACCOUNT));

    assertThat(tenantGrants()).isEmpty();
    template.resourceCountIs(LAKE_FORMATION + "Tag", 0);
    template.resourceCountIs(LAKE_FORMATION + "TagAssociation", 0);
    template.resourceCountIs(LAKE_FORMATION + "DataCellsFilter", 0);
    template.resourceCountIs("Custom::MeshworkAccess", 1);
    template.hasResourceProperties("Custom::MeshworkAccess", Map.of(
        "ServiceToken", Map.of("Ref", stack.getLogicalId((CfnElement) stack.reconciler().function().alias()
            .getNode().getDefaultChild())),
        "Tenant", "alpina",
        "PolicyFingerprint", policy.fingerprint()));
    assertThat(policy.selectGrants()).hasSize(26);
  }

  @Test
  void theReconcilerMayReadAndWriteOnlyTheLedgerAndTheAppliedWorkspaceInTheDataBucket() {
    String role = stack.getLogicalId((CfnElement) stack.reconciler().function().role().getNode().getDefaultChild());
    template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of(
        "Roles", List.of(Map.of("Ref", role)),
        "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
            Map.of("Sid", "KeepLedger", "Effect", "Allow", "Action", List.of("s3:GetObject", "s3:PutObject"),
                "Resource", List.of(
                    Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket(), "Arn")),
                        "/meshwork/access-ledger.json"))),
                    Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket(), "Arn")),
                        "/meshwork/workspace.json"))))),
            Map.of("Sid", "ListLedgerPrefix", "Effect", "Allow", "Action", "s3:ListBucket",
                "Resource", Map.of("Fn::GetAtt", List.of(bucket(), "Arn")),
                "Condition", Map.of("StringEquals", Map.of("s3:prefix",
                    List.of("meshwork/access-ledger.json", "meshwork/workspace.json")))))))))));
  }

  @Test
  void dataLakeSettingsGiveIamAllowedPrincipalsNothing_andMakeTheExecutionRoleAndTheReconcilerAdministrators() {
    template.resourceCountIs(LAKE_FORMATION + "DataLakeSettings", 1);
    template.hasResourceProperties(LAKE_FORMATION + "DataLakeSettings", Map.of(
        "Admins", List.of(Map.of("DataLakePrincipalIdentifier", Map.of("Fn::Sub",
            "arn:${AWS::Partition}:iam::444455556666:role/cdk-hnb659fds-cfn-exec-role-444455556666-eu-central-2")),
            Map.of("DataLakePrincipalIdentifier", Map.of("Fn::GetAtt", List.of(stack.getLogicalId((CfnElement)
                stack.reconciler().function().role().getNode().getDefaultChild()), "Arn")))),
        "CreateDatabaseDefaultPermissions", List.of(),
        "CreateTableDefaultPermissions", List.of(),
        "AllowExternalDataFiltering", false,
        "AllowFullTableExternalDataAccess", false,
        "MutationType", "REPLACE"));
  }

  @Test
  void warehouseIsRegisteredWithADedicatedRoleLimitedToItsPrefixAndKey() {
    String role = stack.getLogicalId((CfnElement) stack.access().locationRole().getNode()
        .getDefaultChild());
    template.hasResourceProperties(LAKE_FORMATION + "Resource", Map.of(
        "ResourceArn", Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket(), "Arn")),
            "/warehouse"))),
        "RoleArn", Map.of("Fn::GetAtt", List.of(role, "Arn")),
        "UseServiceLinkedRole", false,
        "HybridAccessEnabled", false));
    template.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument",
        Match.objectLike(Map.of("Statement", List.of(Map.of("Action", "sts:AssumeRole", "Effect", "Allow",
            "Principal", Map.of("Service", "lakeformation.amazonaws.com"))))))));
    template.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of(
        "Roles", List.of(Map.of("Ref", role)),
        "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
            Map.of("Effect", "Allow", "Action", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                "Resource", Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket(), "Arn")),
                    "/warehouse/*")))),
            Map.of("Effect", "Allow", "Action", "s3:ListBucket",
                "Resource", Map.of("Fn::GetAtt", List.of(bucket(), "Arn")),
                "Condition", Map.of("StringLike", Map.of("s3:prefix", List.of("warehouse", "warehouse/*")))),
            Map.of("Effect", "Allow", "Action", List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"),
                "Resource", Map.of("Fn::GetAtt", List.of(stack.getLogicalId((CfnElement)
                    stack.key().getNode().getDefaultChild()), "Arn"))))))));
  }

  @Test
  void resourceCountsFollowTheDatabasesNotTheGrants() {
    template.resourceCountIs(LAKE_FORMATION + "Resource", 1);
    // Compute, Validate and Publish each get the location and, per database (7 domains and the pipeline's own),
    // DESCRIBE and table permissions; Validate may create tables; the freshness check may describe the tables of the
    // 6 databases holding products with a freshness SLA; Ingest gets the location, DESCRIBE on the sources' database,
    // each of the 5 source tables by name, and creates and appends to the pipeline's records (quality results and
    // usage: 2 grants each); the daily maintenance gets DESCRIBE and ALTER on the tables of each of the 8 databases.
    // The large Compute gets what Compute gets (the location, 2 per database, creating the usage table), and Plan
    // may describe the tables of the 7 databases holding planned products and sources, whose current snapshots size
    // each product.
    template.resourceCountIs(LAKE_FORMATION + "PrincipalPermissions", 3 * (1 + 2 * 8) + 1 + 6 + (1 + 1 + 5 + 2 * 2)
        + 8 + (1 + 2 * 8 + 1) + 7);
  }

  @Test
  @SuppressWarnings("unchecked")
  void databasesWaitForTheSettings_andLakeFormationChangesDeployOneAtATime() {
    Map<String, Map<String, Object>> resources = template.toJSON().entrySet().stream()
        .filter(entry -> entry.getKey().equals("Resources")).map(entry -> (Map<String, Map<String, Object>>)
            entry.getValue()).findFirst().orElseThrow();
    String settings = resources.entrySet().stream()
        .filter(entry -> entry.getValue().get("Type").equals(LAKE_FORMATION + "DataLakeSettings"))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
    assertThat(resources.values()).filteredOn(resource -> resource.get("Type").equals("AWS::Glue::Database"))
        .hasSize(7 + 1).allSatisfy(database -> assertThat((List<String>) database.get("DependsOn")).contains(settings));
    List<String> lakeFormation = resources.entrySet().stream()
        .filter(entry -> entry.getValue().get("Type").toString().startsWith(LAKE_FORMATION))
        .map(Map.Entry::getKey).toList();
    List<String> heads = new ArrayList<>();
    for (String name : lakeFormation) {
      List<String> dependsOn = (List<String>) resources.get(name).getOrDefault("DependsOn", List.of());
      if (dependsOn.stream().noneMatch(lakeFormation::contains)) {
        heads.add(name);
      }
    }
    assertThat(heads).containsExactly(settings);
    assertThat(lakeFormation.stream().filter(name -> resources.get(name).get("Type")
        .equals(LAKE_FORMATION + "PrincipalPermissions"))).allSatisfy(grant -> assertThat(
        (List<String>) resources.get(grant).get("DependsOn")).anyMatch(name -> name.startsWith("Table")
        || name.startsWith("Database") || name.startsWith("LakeFormationWarehouse")));
    String policy = stack.getLogicalId((CfnElement) stack.reconciler().policy().getNode().getDefaultChild());
    assertThat((List<String>) resources.get(policy).get("DependsOn")).contains(lakeFormation.get(
        lakeFormation.size() - 1)).anyMatch(name -> name.startsWith("Table"));
  }

  @Test
  void grantPipelineLetsTheRoleMaintainTablesButNotDropThem() {
    Catalog catalog = DemoTenants.catalog();
    TenantStack pipelineStack = MeshworkApp.addTenantStacks(MeshworkApp.newApp(), catalog,
        List.of(catalog.tenant("lemanic").orElseThrow()), Optional.empty()).get(0);
    Role role = Role.Builder.create(pipelineStack, "PipelineRole").assumedBy(new AccountRootPrincipal()).build();

    pipelineStack.access().grantPipeline(role);

    Template pipeline = Template.fromStack(pipelineStack);
    Map<String, Object> principal = Map.of("DataLakePrincipalIdentifier", Map.of("Fn::GetAtt",
        List.of(pipelineStack.getLogicalId((CfnElement) role.getNode().getDefaultChild()),
            "Arn")));
    pipeline.hasResourceProperties(LAKE_FORMATION + "PrincipalPermissions", Match.objectLike(Map.of(
        "Principal", principal, "Permissions", List.of("DATA_LOCATION_ACCESS"))));
    pipeline.hasResourceProperties(LAKE_FORMATION + "PrincipalPermissions", Match.objectLike(Map.of(
        "Principal", principal, "Permissions", List.of("SELECT", "INSERT", "DELETE", "DESCRIBE", "ALTER"),
        "Resource", Map.of("Table", Map.of("CatalogId", "111122223333", "DatabaseName", "finance",
            "TableWildcard", Map.of())))));
    assertThat(pipeline.findResources(LAKE_FORMATION + "PrincipalPermissions", Map.of("Properties",
        Match.objectLike(Map.of("Principal", principal))))).hasSize(1 + 2 * (4 + 1));
  }

  @Test
  @SuppressWarnings("unchecked")
  void freshnessCheckMayOnlyDescribeTheTablesOfTheDatabasesOfProductsWithAFreshnessSla() {
    Map<String, Object> principal = Map.of("DataLakePrincipalIdentifier", Map.of("Fn::GetAtt", List.of(
        stack.getLogicalId((CfnElement) stack.pipeline().freshness().orElseThrow().role().getNode()
            .getDefaultChild()), "Arn")));

    List<Object> grants = template.findResources(LAKE_FORMATION + "PrincipalPermissions", Map.of("Properties",
        Match.objectLike(Map.of("Principal", principal)))).values().stream()
        .map(resource -> (Map<String, Object>) resource.get("Properties"))
        .map(grant -> (Object) List.of(grant.get("Permissions"), grant.get("PermissionsWithGrantOption"),
            grant.get("Resource")))
        .toList();

    assertThat(grants).containsExactlyInAnyOrderElementsOf(stack.pipeline().freshnessTables().stream()
        .map(TableName::namespace).distinct()
        .map(database -> (Object) List.of(List.of("DESCRIBE"), List.of(), Map.of("Table", Map.of(
            "CatalogId", ACCOUNT, "DatabaseName", database, "TableWildcard", Map.of()))))
        .toList()).hasSize(6);
    assertThat(stack.pipeline().freshnessTables()).hasSize(9);
  }

  @Test
  void grantMetadataReadRefusesATableTheTenantDoesNotHave() {
    Catalog catalog = DemoTenants.catalog();
    TenantStack lemanic = MeshworkApp.addTenantStacks(MeshworkApp.newApp(), catalog,
        List.of(catalog.tenant("lemanic").orElseThrow()), Optional.empty()).get(0);
    Role role = Role.Builder.create(lemanic, "Reader").assumedBy(new AccountRootPrincipal()).build();

    assertThatThrownBy(() -> lemanic.access().grantMetadataRead(role,
        List.of(new TableName("risk", "high_cost_claimants_v1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table 'risk.high_cost_claimants_v1' is not one of this tenant's tables.");
  }

  @Test
  void principalWithoutArnFailsSynth_namingTheTenantFileAndField(@TempDir Path directory) throws IOException {
    String err = synthesizeAlpinaWith(directory, "    arn: arn:aws:iam::444455556666:role/alpina-controlling\n", "");

    assertThat(err).isEqualTo(invalid(directory, "tenants/alpina/tenant.yaml:47:11: The principal controlling of"
        + " tenant alpina holds role 'controller', which access rules of the plan use (claims_triangle 1.0.0 at"
        + " products/reserving/claims_triangle/product.yaml:71:11), but has no 'arn'. Lake Formation grants to IAM"
        + " principals: add the role its members assume, e.g. 'arn:"
        + " arn:aws:iam::444455556666:role/alpina-controlling'."));
  }

  @Test
  void principalOfAnotherAccountFailsSynth(@TempDir Path directory) throws IOException {
    String err = synthesizeAlpinaWith(directory, "arn:aws:iam::444455556666:role/alpina-regional-zurich",
        "arn:aws:iam::777788889999:role/alpina-regional-zurich");

    assertThat(err).isEqualTo(invalid(directory, "tenants/alpina/tenant.yaml:50:11: The arn of principal"
        + " regional-sales-zurich of tenant alpina is in account 777788889999, but the tenant's data lives in account"
        + " 444455556666 and is never granted to another account. Use an IAM role of account 444455556666."));
  }

  @Test
  void administratorsOfAnotherAccountAreRefused() {
    Stack other = new Stack(new App(), "Other", StackProps.builder()
        .env(Environment.builder().account(ACCOUNT).region("eu-central-2").build()).build());
    TenantAccessProps props = new TenantAccessProps(new Bucket(other, "Bucket"), new Key(other, "Key"),
        Map.of(), Map.of(), null, List.of("arn:aws:iam::999988887777:role/admins"), null);

    assertThatThrownBy(() -> new TenantAccess(other, "Access", props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("administrators: 'arn:aws:iam::999988887777:role/admins' is in account 999988887777, not in the"
            + " stack's account 444455556666: use an IAM role or user ARN of the tenant's account.");
  }

  /** Synthesizes a catalogue copy whose alpina tenant file has {@code original} replaced; returns what was printed. */
  private static String synthesizeAlpinaWith(Path directory, String original, String replacement)
      throws IOException {
    Path catalog = DemoTenants.copyCatalog(directory);
    Path tenant = catalog.resolve("tenants/alpina/tenant.yaml");
    String text = Files.readString(tenant);
    assertThat(text).contains(original);
    Files.writeString(tenant, text.replace(original, replacement));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = MeshworkApp.addTenantStacks(MeshworkApp.newApp(), catalog, Optional.empty(),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    return err.toString(StandardCharsets.UTF_8);
  }

  private static String invalid(Path directory, String diagnostic) {
    return "meshwork cdk-app: invalid definitions in " + directory.resolve("catalog") + ":\n" + diagnostic + "\n";
  }

  private static String bucket() {
    return stack.getLogicalId((CfnElement) stack.dataBucket().bucket().getNode()
        .getDefaultChild());
  }

  /** The grants to the tenant's principals, named by ARN; the pipeline's roles are referenced instead. */
  private static List<Map<String, Object>> tenantGrants() {
    return properties("PrincipalPermissions").stream()
        .filter(grant -> ((Map<?, ?>) grant.get("Principal")).get("DataLakePrincipalIdentifier") instanceof String)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> properties(String type) {
    return template.findResources(LAKE_FORMATION + type).values().stream()
        .map(resource -> (Map<String, Object>) resource.get("Properties")).toList();
  }
}
