package io.meshwork.model.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveringPrincipalsTest {

  private static final String CATALOG = "apiVersion: meshwork.io/v1\nkind: Catalog\nname: test\n"
      + "roles: [{role: analyst}]\n";

  private static Catalog load(String account, String principals) {
    return CatalogLoader.load(new InMemoryDefinitionFiles("test", Map.of("catalog.yaml", CATALOG,
        "tenants/t1.yaml", """
            apiVersion: meshwork.io/v1
            kind: Tenant
            id: t1
            displayName: Tenant One
            account: {email: aws+t1@example.ch, %sregion: eu-central-2}
            deliveringPrincipals:
            %s""".formatted(account, principals))));
  }

  private static List<String> problems(String account, String principals) {
    try {
      load(account, principals);
    } catch (InvalidDefinitionException invalid) {
      return invalid.diagnostics().stream().map(Diagnostic::toString).toList();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void rolesOfTheTenantsAccount_areRead_withTheirLines() {
    Catalog catalog = load("id: \"111122223333\", ", """
          - arn:aws:iam::111122223333:role/claims-export
          - arn:aws:iam::111122223333:role/exports/premiums-export
        """);

    Tenant tenant = catalog.tenant("t1").orElseThrow();
    assertThat(tenant.deliveringPrincipals()).extracting(Tenant.DeliveringPrincipal::arn).containsExactly(
        "arn:aws:iam::111122223333:role/claims-export", "arn:aws:iam::111122223333:role/exports/premiums-export");
    assertThat(tenant.deliveringPrincipals().get(1).location().line()).isEqualTo(8);
    assertThat(tenant.deliveringPrincipals().get(0).accountId()).isEqualTo("111122223333");
  }

  @Test
  void aTenantWithoutDeliveringPrincipals_hasNone() {
    Catalog catalog = load("", "  []\n");

    assertThat(catalog.tenant("t1").orElseThrow().deliveringPrincipals()).isEmpty();
  }

  @Test
  void aRoleOfAnotherAccount_isRefusedAtItsLine() {
    assertThat(problems("id: \"111122223333\", ", "  - arn:aws:iam::444455556666:role/claims-export\n"))
        .containsExactly("tenants/t1.yaml:7:5: Delivering principal arn:aws:iam::444455556666:role/claims-export"
            + " of tenant t1 belongs to account 444455556666, not to the tenant's account 111122223333: only roles"
            + " of the tenant's own account may deliver into its bucket. Name a role of account 111122223333.");
  }

  @Test
  void wildcardsUsersGroupsAndNonArns_areRefused_eachAtItsLine() {
    assertThat(problems("", """
          - arn:aws:iam::111122223333:role/*
          - arn:aws:iam::111122223333:user/exporter
          - "*"
          - arn:aws:iam::111122223333:role/claims-export
          - arn:aws:iam::111122223333:role/claims-export
        """)).containsExactly(
        "tenants/t1.yaml:7:5: Invalid delivering principal 'arn:aws:iam::111122223333:role/*' of tenant t1: write"
            + " the ARN of an IAM role of the tenant's account, e.g. arn:aws:iam::111122223333:role/claims-export"
            + " (no wildcards, users or groups).",
        "tenants/t1.yaml:8:5: Invalid delivering principal 'arn:aws:iam::111122223333:user/exporter' of tenant t1:"
            + " write the ARN of an IAM role of the tenant's account, e.g."
            + " arn:aws:iam::111122223333:role/claims-export (no wildcards, users or groups).",
        "tenants/t1.yaml:9:5: Invalid delivering principal '*' of tenant t1: write the ARN of an IAM role of the"
            + " tenant's account, e.g. arn:aws:iam::111122223333:role/claims-export (no wildcards, users or groups).",
        "tenants/t1.yaml:11:5: Delivering principal arn:aws:iam::111122223333:role/claims-export of tenant t1 is"
            + " listed twice (first at line 10). Keep one.");
  }
}
