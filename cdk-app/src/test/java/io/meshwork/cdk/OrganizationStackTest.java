package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Tenant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** One member account per tenant, under one unit whose parent is given at deploy time. */
class OrganizationStackTest {

  private final Catalog catalog = DemoTenants.catalog();
  private final Template template = Template.fromStack(
      new OrganizationStack(MeshworkApp.newApp(), catalog.tenants(), Optional.of("123456789012")));

  @Test
  void createsOneAccountPerTenantWithTheEmailOfItsDefinition() {
    template.resourceCountIs("AWS::Organizations::Account", 3);
    for (Tenant tenant : catalog.tenants()) {
      template.hasResource("AWS::Organizations::Account", Map.of(
          "Properties", Map.of(
              "Email", tenant.account().email(),
              "AccountName", "Meshwork " + tenant.displayName(),
              "RoleName", "OrganizationAccountAccessRole",
              "ParentIds", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("TenantsUnit.*"), "Id"))),
              "Tags", List.of(Map.of("Key", "meshwork:tenant", "Value", tenant.id()))),
          "DeletionPolicy", "Retain",
          "UpdateReplacePolicy", "Retain"));
      template.hasOutput("AccountId" + tenant.id(), Match.objectLike(Map.of(
          "Value", Map.of("Fn::GetAtt", List.of("Account" + tenant.id(), "AccountId")))));
    }
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
}
