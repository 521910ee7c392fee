package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Tenant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * One member account per tenant, in sibling stacks of at most {@value TenantAccountsStack#MOST_ACCOUNTS} accounts,
 * under one unit whose parent is given at deploy time.
 */
class OrganizationStackTest {

  private final Catalog catalog = DemoTenants.catalog();
  private final OrganizationStack stack = new OrganizationStack(MeshworkApp.newApp(), catalog.tenants(),
      Optional.of("123456789012"), DeploymentSettings.DEFAULT_ACCOUNT_SHARDS);
  private final Template template = Template.fromStack(stack);

  @Test
  void createsOneAccountPerTenantWithTheEmailOfItsDefinition_inTheStackOfItsShard() {
    template.resourceCountIs("AWS::Organizations::Account", 0);
    assertThat(stack.accounts()).extracting(accounts -> accounts.getStackName()).containsExactly(
        "meshwork-organization-accounts-05", "meshwork-organization-accounts-06", "meshwork-organization-accounts-07");
    for (Tenant tenant : catalog.tenants()) {
      TenantAccountsStack shard = stack.accounts().stream().filter(accounts -> accounts.getStackName().equals(
          TenantAccountsStack.nameOf(TenantAccountsStack.shardOf(tenant.id(), 10)))).findFirst().orElseThrow();
      Template accounts = Template.fromStack(shard);
      accounts.hasResource("AWS::Organizations::Account", Map.of(
          "Properties", Map.of(
              "Email", tenant.account().email(),
              "AccountName", "Meshwork " + tenant.displayName(),
              "RoleName", "OrganizationAccountAccessRole",
              "ParentIds", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp(
                  "meshwork-organization:ExportsOutputFnGetAttTenantsUnit.*"))),
              "Tags", List.of(Map.of("Key", "meshwork:tenant", "Value", tenant.id()))),
          "DeletionPolicy", "Retain",
          "UpdateReplacePolicy", "Retain"));
      accounts.hasOutput("AccountId" + tenant.id(), Match.objectLike(Map.of(
          "Value", Map.of("Fn::GetAtt", List.of("Account" + tenant.id(), "AccountId")))));
    }
  }

  @Test
  void aTenantsShardDependsOnItsIdAlone() {
    assertThat(TenantAccountsStack.shardOf("alpina", 10)).isEqualTo(TenantAccountsStack.shardOf("alpina", 10))
        .isBetween(0, 9);
    assertThat(List.of("alpina", "lemanic", "rhenus")).extracting(id -> TenantAccountsStack.shardOf(id, 10))
        .containsExactly(7, 6, 5);
  }

  @Test
  void thousandTenants_synthesizeWithEveryStackInsideCloudFormationsLimits() {
    Tenant alpina = catalog.tenant("alpina").orElseThrow();
    List<Tenant> tenants = IntStream.rangeClosed(1, 1000).mapToObj(number -> new Tenant(
        String.format("tenant%04d", number), "Tenant " + number, new Tenant.Account(
            String.format("aws+tenant%04d@example.ch", number), Optional.empty(), "eu-central-2", alpina.location()),
        alpina.subscriptions(), alpina.overrides(), alpina.principals(), alpina.location())).toList();
    App app = MeshworkApp.newApp();
    new OrganizationStack(app, tenants, Optional.of("123456789012"), DeploymentSettings.DEFAULT_ACCOUNT_SHARDS);

    StackLimits.checkCounts(app);
    List<CloudFormationStackArtifact> stacks = app.synth().getStacks();

    assertThat(stacks).hasSize(11);
    int accounts = 0;
    for (CloudFormationStackArtifact artifact : stacks) {
      Template stackTemplate = Template.fromJSON(castMap(artifact.getTemplate()));
      int count = stackTemplate.findResources("AWS::Organizations::Account").size();
      accounts += count;
      assertThat(castMap(castMap(artifact.getTemplate()).get("Resources")).size()).as(artifact.getStackName())
          .isLessThan(StackLimits.MOST_RESOURCES);
      assertThat(count).as(artifact.getStackName()).isLessThanOrEqualTo(TenantAccountsStack.MOST_ACCOUNTS);
      System.out.printf("%s: %d accounts%n", artifact.getStackName(), count);
    }
    assertThat(accounts).isEqualTo(1000);
  }

  @Test
  void tooManyTenantsForTheShards_isAnErrorNamingTheStackAndTheCount() {
    Tenant alpina = catalog.tenant("alpina").orElseThrow();
    List<Tenant> tenants = IntStream.rangeClosed(1, 151).mapToObj(number -> new Tenant("tenant" + number,
        "Tenant " + number, new Tenant.Account("aws+tenant" + number + "@example.ch", Optional.empty(),
            "eu-central-2", alpina.location()), alpina.subscriptions(), alpina.overrides(), alpina.principals(), alpina.location()))
        .toList();

    assertThatThrownBy(() -> new OrganizationStack(MeshworkApp.newApp(), tenants, Optional.empty(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Stack meshwork-organization-accounts-00 would hold 151 tenant accounts, more than 150"
            + " (CloudFormation allows 200 outputs per stack): raise meshwork:accountShards to spread the tenants"
            + " over more stacks.");
  }

  @Test
  void placesTheUnitUnderTheParentGivenAtDeployTime() {
    template.hasParameter("ParentId", Map.of(
        "Type", "String",
        "AllowedPattern", "^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$"));
    template.hasResource("AWS::Organizations::OrganizationalUnit", Map.of(
        "Properties", Map.of("Name", "meshwork-tenants", "ParentId", Map.of("Ref", "ParentId")),
        "DeletionPolicy", "Retain"));
  }

  @Test
  void accountNamesStayWithinTheOrganizationsLimit() {
    Tenant alpina = catalog.tenant("alpina").orElseThrow();
    Tenant longName = new Tenant(alpina.id(), "Krankenversicherung der Kantone Zürich, Zug und Schwyz AG",
        alpina.account(), alpina.subscriptions(), alpina.overrides(), alpina.principals(), alpina.location());

    assertThat(OrganizationStack.accountName(longName))
        .isEqualTo("Meshwork Krankenversicherung der Kantone Zürich, Z")
        .hasSizeLessThanOrEqualTo(50);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }
}
