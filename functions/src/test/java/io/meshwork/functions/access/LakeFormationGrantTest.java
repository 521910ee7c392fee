package io.meshwork.functions.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.LFTag;
import software.amazon.awssdk.services.lakeformation.model.Permission;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.lakeformation.model.Resource;

/** Grants compare equal however Lake Formation lists them: catalog ids, column and value order do not matter. */
class LakeFormationGrantTest {

  private static final String ANALYST = "arn:aws:iam::444455556666:role/alpina-actuaries";
  private static final DataLakePrincipal PRINCIPAL =
      DataLakePrincipal.builder().dataLakePrincipalIdentifier(ANALYST).build();

  @Test
  void listedColumnGrantEqualsTheSentOne_whateverTheCatalogIdAndColumnOrder() {
    LakeFormationGrant sent = LakeFormationGrant.of(PRINCIPAL, Resource.builder().tableWithColumns(table -> table
        .catalogId("444455556666").databaseName("claims").name("claims_clean_v1")
        .columnNames("claim_id", "amount_chf")).build(), List.of(Permission.SELECT));
    LakeFormationGrant listed = LakeFormationGrant.of(PrincipalResourcePermissions.builder().principal(PRINCIPAL)
        .resource(resource -> resource.tableWithColumns(table -> table.databaseName("claims").name("claims_clean_v1")
            .columnNames("amount_chf", "claim_id")))
        .permissions(Permission.SELECT).permissionsWithGrantOption(Permission.SELECT).build());

    assertThat(listed).isEqualTo(sent).isEqualTo(LakeFormationGrant.onTable(ANALYST, "claims", "claims_clean_v1",
        List.of("amount_chf", "claim_id"), List.of("SELECT")));
    assertThat(sent).hasToString(ANALYST + " SELECT table claims.claims_clean_v1 [amount_chf, claim_id]");
  }

  @Test
  void columnWildcardGrantNeverMatchesAGrantOnNamedColumns() {
    LakeFormationGrant wildcard = LakeFormationGrant.of(PRINCIPAL, Resource.builder().tableWithColumns(table -> table
        .databaseName("claims").name("claims_clean_v1").columnWildcard(all -> all.excludedColumnNames("insured_id")))
        .build(), List.of(Permission.SELECT));

    assertThat(wildcard.resource()).isEqualTo("table claims.claims_clean_v1 all columns except [insured_id]");
    assertThat(wildcard.sameTarget(LakeFormationGrant.onTable(ANALYST, "claims", "claims_clean_v1", List.of(),
        List.of("SELECT")))).isFalse();
  }

  @Test
  void tagPolicyGrantIgnoresTheOrderOfTagValues() {
    LakeFormationGrant listed = LakeFormationGrant.of(PRINCIPAL, Resource.builder().lfTagPolicy(policy -> policy
        .resourceType("DATABASE").expression(LFTag.builder().tagKey("meshwork_domain")
            .tagValues("risk", "claims").build())).build(), List.of(Permission.DESCRIBE));

    assertThat(listed).isEqualTo(LakeFormationGrant.onTagged(ANALYST, "DATABASE", "meshwork_domain",
        List.of("claims", "risk"), List.of("DESCRIBE")));
    assertThat(listed.resource()).isEqualTo("databases tagged meshwork_domain=[claims, risk]");
  }
}
