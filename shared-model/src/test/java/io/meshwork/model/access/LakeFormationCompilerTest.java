package io.meshwork.model.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.parse.InMemoryDefinitionFiles;
import io.meshwork.model.plan.Planner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The Lake Formation policy of the demo tenants, and what stops a grant, from the access rules. */
class LakeFormationCompilerTest {

  private static final Catalog SHIPPED = CatalogLoader.load(new DirectoryDefinitionFiles(
      Path.of("../product-definitions/catalog")));
  private static final LakeFormationPolicy ALPINA = policy(SHIPPED, "alpina");
  private static final TableName CLAIMS_CLEAN = new TableName("claims", "claims_clean_v1");
  private static final TableName COST = new TableName("finance", "cost_v1");
  private static final TableName COST_PER_INSURED = new TableName("finance", "cost_per_insured_v1");
  private static final List<String> CLAIMS_CLEAN_INTERNAL = List.of("claim_id", "provider_id", "provider_type",
      "provider_canton", "service_date", "service_year", "booking_date", "booking_year", "tariff", "amount_chf",
      "cost_share_chf", "net_amount_chf");
  private static final List<String> COST_PER_INSURED_PUBLIC_AND_INTERNAL = List.of("year", "canton", "age_band",
      "insurance_model", "insured_count", "insured_years", "claim_count", "gross_cost_chf", "cost_share_chf",
      "net_cost_chf", "net_cost_per_insured_chf");

  @Test
  void actuarialTeamReadsClaimsCleanUpToConfidential_neverThePseudonymousId() {
    List<SelectGrant> grants = grantsOn(ALPINA, "actuarial-team", CLAIMS_CLEAN);

    assertThat(grants).containsExactly(new SelectGrant(
        new Grantee("actuarial-team", "arn:aws:iam::444455556666:role/alpina-actuaries"), CLAIMS_CLEAN,
        CLAIMS_CLEAN_INTERNAL, Optional.empty(), List.of("actuary", "pricing_analyst")));
  }

  @Test
  void caseManagementReadsEveryColumnOfClaimsClean_inContractOrder() {
    assertThat(grantsOn(ALPINA, "case-management", CLAIMS_CLEAN)).singleElement()
        .satisfies(grant -> assertThat(grant.columns()).containsExactly("claim_id", "insured_id", "provider_id",
            "provider_type", "provider_canton", "service_date", "service_year", "booking_date", "booking_year",
            "tariff", "amount_chf", "cost_share_chf", "net_amount_chf"));
  }

  @Test
  void regionalAnalystReadsCostPerInsuredOnlyThroughItsCantonFilter() {
    assertThat(ALPINA.filter("cost_per_insured_v1_regional_analyst")).contains(new DataCellsFilter(
        "cost_per_insured_v1_regional_analyst", COST_PER_INSURED, COST_PER_INSURED_PUBLIC_AND_INTERNAL,
        "canton IN ('ZH', 'ZG')", "regional_analyst"));
    assertThat(grantsOn(ALPINA, "regional-sales-zurich", COST_PER_INSURED)).containsExactly(new SelectGrant(
        new Grantee("regional-sales-zurich", "arn:aws:iam::444455556666:role/alpina-regional-zurich"),
        COST_PER_INSURED, COST_PER_INSURED_PUBLIC_AND_INTERNAL, Optional.of("cost_per_insured_v1_regional_analyst"),
        List.of("regional_analyst")));
  }

  @Test
  void productsWithoutARuleForARoleGiveItNothing() {
    assertThat(ALPINA.selectGrantsOf("controlling")).extracting(grant -> grant.table().table())
        .containsExactly("claims_triangle_v1", "cost_by_provider_type_v1", "cost_per_insured_v1", "loss_ratio_v1",
            "risk_equalisation_cells_v1", "kpi_summary_v1");
    assertThat(ALPINA.selectGrantsOf("case-management")).extracting(grant -> grant.table().table())
        .containsExactly("claims_clean_v1", "high_cost_claimants_v1");
  }

  @Test
  void sourcesAreTaggedButGrantedToNoPrincipal() {
    assertThat(ALPINA.columnTags()).anySatisfy(tag -> assertThat(tag.table().namespace()).isEqualTo("sources"));
    assertThat(ALPINA.selectGrants()).noneSatisfy(grant ->
        assertThat(grant.table().namespace()).isEqualTo("sources"));
  }

  @Test
  void everyPrincipalGetsOneGrantPerReadableTable_andDescribeOnTheirDomainsByTag() {
    assertThat(ALPINA.selectGrants()).hasSize(26);
    assertThat(ALPINA.filters()).extracting(DataCellsFilter::name).containsExactly(
        "cost_by_provider_type_v1_regional_analyst", "cost_per_insured_v1_regional_analyst",
        "loss_ratio_v1_regional_analyst", "risk_equalisation_cells_v1_regional_analyst");
    assertThat(ALPINA.describeGrants()).extracting(grant -> grant.grantee().name() + " " + grant.domains())
        .containsExactly("actuarial-team [claims, finance, membership, provider, reserving, risk]",
            "controlling [finance, provider, reserving, risk]", "regional-sales-zurich [finance, provider, risk]",
            "case-management [claims, risk]", "data-governance [claims, finance, membership, provider]");
  }

  @Test
  void tagsListTheClassificationsAndThePlansDomains_andEveryColumnCarriesItsClassification() {
    assertThat(ALPINA.tags()).containsExactly(
        new LakeFormationTag("meshwork_classification", List.of("public", "internal", "confidential", "pii")),
        new LakeFormationTag("meshwork_domain", List.of("claims", "finance", "membership", "provider", "reserving",
            "risk", "sources")));
    assertThat(ALPINA.databaseTags()).extracting(DatabaseTag::database).containsExactly("claims", "finance",
        "membership", "provider", "reserving", "risk", "sources");
    assertThat(ALPINA.columnTags()).filteredOn(tag -> tag.table().equals(CLAIMS_CLEAN)).containsExactly(
        new ColumnTag(CLAIMS_CLEAN, Classification.INTERNAL, CLAIMS_CLEAN_INTERNAL),
        new ColumnTag(CLAIMS_CLEAN, Classification.PII, List.of("insured_id")));
  }

  @Test
  void everyDemoTenantCompilesWithoutProblems() {
    for (Tenant tenant : SHIPPED.tenants()) {
      Problems problems = new Problems();
      LakeFormationCompiler.compile(tenant, new Planner(SHIPPED).plan(tenant.id()), tenant.account().id(),
          problems);
      assertThat(problems.sorted()).as(tenant.id()).isEmpty();
    }
  }

  @Test
  void unfilteredColumnsThatCoverAFilterMakeItsGrantRedundant() {
    LakeFormationPolicy policy = policy(catalogue(), "helvetia");

    assertThat(grantsOn(policy, "analysts", COST)).extracting(SelectGrant::columns, SelectGrant::filter,
        SelectGrant::roles).containsExactly(
        tuple(List.of("year", "canton", "amount_chf"), Optional.empty(),
            List.of("analyst")));
  }

  @Test
  void aFilterAddingColumnsIsGrantedBesideTheUnfilteredColumns() {
    LakeFormationPolicy policy = policy(catalogue(), "helvetia");

    assertThat(grantsOn(policy, "zurich", COST)).extracting(SelectGrant::columns, SelectGrant::filter)
        .containsExactly(
            tuple(List.of("year", "canton", "amount_chf"), Optional.empty()),
            tuple(List.of("year", "canton", "amount_chf", "age"),
                Optional.of("cost_v1_regional")));
  }

  @Test
  void rowFilterReachesLakeFormationOnlyAsCheckedCanonicalText() {
    LakeFormationPolicy policy = policy(catalogue(), "helvetia");

    assertThat(policy.filters()).extracting(DataCellsFilter::name, DataCellsFilter::rowFilter).containsExactly(
        tuple("cost_v1_regional", "canton IN ('ZH', 'ZG')"),
        tuple("cost_v1_steward", "canton = 'ZH'"));
    assertThatThrownBy(() -> new DataCellsFilter("cost_v1_x", COST, List.of("year"), "canton = 'ZH' -- all",
        "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The row filter of cost_v1_x is not in canonical form: canton = 'ZH' -- all");
  }

  @Test
  void principalsSharingAnArnBecomeOneGrantee_withEveryRoleTheyHold() {
    LakeFormationPolicy policy = policy(catalogue(), "helvetia");

    assertThat(grantsOn(policy, "shared-a+shared-b", COST)).extracting(SelectGrant::roles)
        .containsExactly(List.of("analyst"), List.of("regional"));
    assertThat(policy.selectGrantsOf("shared-a")).isEmpty();
  }

  @Test
  void principalsWhoseRolesNoRuleUses_needNoArnAndGetNothing() {
    LakeFormationPolicy policy = policy(catalogue(), "helvetia");

    assertThat(policy.selectGrantsOf("auditors")).isEmpty();
    assertThat(policy.describeGrants()).extracting(grant -> grant.grantee().name())
        .containsExactly("analysts", "zurich", "shared-a+shared-b");
  }

  @Test
  void principalWithoutArnFails_namingTheTenantFileAndField() {
    assertThat(problems("noarn")).containsExactly("tenants/noarn.yaml:8:11: The principal controlling of tenant "
        + "noarn holds role 'analyst', which access rules of the plan use (cost 1.0.0 at products/cost.yaml:14:11), "
        + "but has no 'arn'. Lake Formation grants to IAM principals: add the role its members assume, e.g. "
        + "'arn: arn:aws:iam::444455556666:role/noarn-controlling'.");
  }

  @Test
  void principalOfAnotherAccountFails_becauseDataNeverLeavesTheTenantsAccount() {
    assertThat(problems("foreign")).containsExactly("tenants/foreign.yaml:8:11: The arn of principal controlling of "
        + "tenant foreign is in account 999988887777, but the tenant's data lives in account 444455556666 and is "
        + "never granted to another account. Use an IAM role of account 444455556666.");
  }

  @Test
  void iamGroupFails_becauseLakeFormationCannotGrantToGroups() {
    assertThat(problems("grouped")).containsExactly("tenants/grouped.yaml:8:11: The arn "
        + "'arn:aws:iam::444455556666:group/controllers' of principal controlling of tenant grouped names an IAM "
        + "group, which Lake Formation cannot grant to. Use an IAM role (or user) that the group's members assume.");
  }

  @Test
  void tenantWithoutAccountIdFails_whenItsPrincipalsWouldBeGranted() {
    Catalog catalog = catalogue();
    Tenant tenant = catalog.tenant("newco").orElseThrow();

    assertThatThrownBy(() -> LakeFormationPolicy.of(tenant, new Planner(catalog).plan("newco"), Optional.empty()))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessage("tenants/newco.yaml:5:10: Tenant newco has no account 'id', so the ARNs of its principals "
            + "cannot be checked to belong to its account before Lake Formation grants them its data. Add "
            + "'id: \"<12 digits>\"' under 'account' once the account exists.");
    assertThat(LakeFormationPolicy.of(tenant, new Planner(catalog).plan("newco"), Optional.of("444455556666"))
        .selectGrantsOf("controlling")).hasSize(1);
  }

  private static LakeFormationPolicy policy(Catalog catalog, String tenantId) {
    Tenant tenant = catalog.tenant(tenantId).orElseThrow();
    return LakeFormationPolicy.of(tenant, new Planner(catalog).plan(tenantId), tenant.account().id());
  }

  private static List<SelectGrant> grantsOn(LakeFormationPolicy policy, String principal, TableName table) {
    return policy.selectGrantsOf(principal).stream().filter(grant -> grant.table().equals(table)).toList();
  }

  private static List<String> problems(String tenantId) {
    Catalog catalog = catalogue();
    Tenant tenant = catalog.tenant(tenantId).orElseThrow();
    Problems problems = new Problems();
    LakeFormationCompiler.compile(tenant, new Planner(catalog).plan(tenantId), tenant.account().id(), problems);
    return problems.sorted().stream().map(Diagnostic::toString).toList();
  }

  /** One product with rules with and without row filters, and tenants with good and bad principals. */
  private static Catalog catalogue() {
    Map<String, String> files = new TreeMap<>();
    files.put("catalog.yaml", """
        apiVersion: meshwork.io/v1
        kind: Catalog
        name: test
        roles: [{role: analyst}, {role: regional}, {role: steward}, {role: auditor}]
        """);
    files.put("sources/raw.yaml", """
        apiVersion: meshwork.io/v1
        kind: Source
        name: raw
        domain: sources
        version: 1.0.0
        columns: [{name: year, type: int}, {name: canton, type: string}, {name: amount_chf, type: double},
          {name: age, type: int}, {name: insured_id, type: string}]
        """);
    files.put("products/cost.yaml", """
        apiVersion: meshwork.io/v1
        kind: DataProduct
        name: cost
        domain: finance
        version: 1.0.0
        owner: team
        inputs: [{name: raw}]
        transform: {sql: cost.sql}
        contract: {columns: [{name: year, type: int, classification: public},
          {name: canton, type: string, classification: public},
          {name: amount_chf, type: double, classification: internal},
          {name: age, type: int, classification: confidential}, {name: insured_id, type: string, classification: pii}]}
        access:
          - role: analyst
            classifications: [public, internal]
          - role: regional
            classifications: [public, internal, confidential]
            rowFilter: "Canton in('ZH','ZG') -- Zurich region"
          - role: steward
            classifications: [public]
            rowFilter: canton = 'ZH'
        """);
    files.put("products/cost.sql", "SELECT year, canton, amount_chf, age, insured_id FROM raw");
    files.put("tenants/helvetia.yaml", tenant("helvetia", "444455556666", """
          - name: analysts
            arn: arn:aws:iam::444455556666:role/analysts
            roles: [analyst, steward]
          - name: zurich
            arn: arn:aws:iam::444455556666:role/zurich
            roles: [analyst, regional]
          - name: auditors
            roles: [auditor]
          - name: shared-a
            arn: arn:aws:iam::444455556666:role/shared
            roles: [analyst]
          - name: shared-b
            arn: arn:aws:iam::444455556666:role/shared
            roles: [regional]
        """));
    files.put("tenants/noarn.yaml", tenant("noarn", "444455556666", """
          - name: controlling
            roles: [analyst]
        """));
    files.put("tenants/foreign.yaml", tenant("foreign", "444455556666", """
          - name: controlling
            arn: arn:aws:iam::999988887777:role/controlling
            roles: [analyst]
        """));
    files.put("tenants/grouped.yaml", tenant("grouped", "444455556666", """
          - name: controlling
            arn: arn:aws:iam::444455556666:group/controllers
            roles: [analyst]
        """));
    files.put("tenants/newco.yaml", tenant("newco", null, """
          - name: controlling
            arn: arn:aws:iam::444455556666:role/controlling
            roles: [analyst]
        """));
    return CatalogLoader.load(new InMemoryDefinitionFiles("test", files));
  }

  private static String tenant(String id, String account, String principals) {
    return """
        apiVersion: meshwork.io/v1
        kind: Tenant
        id: %s
        displayName: Tenant %s
        account: {email: aws+%s@example.ch, region: eu-central-2%s}
        subscriptions: [{product: cost}]
        principals:
        %s""".formatted(id, id, id, account == null ? "" : ", id: \"" + account + "\"", principals);
  }
}
