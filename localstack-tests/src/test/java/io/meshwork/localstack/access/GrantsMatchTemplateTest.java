package io.meshwork.localstack.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.functions.access.GrantEntries;
import io.meshwork.functions.access.LakeFormationGrant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The two carriers of one access policy agree: the grants the SDK applier sends for a tenant are exactly the
 * {@code PrincipalPermissions} of its synthesized CloudFormation template. No emulator needed; the emulator test
 * ({@link LakeFormationGrantsTest}) shows that Lake Formation then lists the same grants.
 */
class GrantsMatchTemplateTest {

  @Test
  void applierSendsExactlyTheGrantsOfTheSynthesizedTemplate_forAlpina() {
    ShippedTenant alpina = ShippedTenant.of("alpina");

    Set<LakeFormationGrant> sent = GrantEntries.of(alpina.policy(), alpina.account()).stream()
        .map(entry -> LakeFormationGrant.of(entry.principal(), entry.resource(), entry.permissions()))
        .collect(Collectors.toSet());
    Set<LakeFormationGrant> template = TemplateGrants.of(alpina.template());

    assertThat(sent).hasSize(31).isEqualTo(template);
    assertThat(sent).contains(LakeFormationGrant.onTagged("arn:aws:iam::444455556666:role/alpina-case-management",
            "DATABASE", "meshwork_domain", Set.of("claims", "risk"), Set.of("DESCRIBE")),
        LakeFormationGrant.onFilter("arn:aws:iam::444455556666:role/alpina-regional-zurich", "finance",
            "cost_per_insured_v1", "cost_per_insured_v1_regional_analyst", Set.of("SELECT")));
  }
}
