package io.meshwork.model.access;

import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.TenantPlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Lake Formation must hold for one tenant, compiled from its plan and the products' access rules by
 * {@link LakeFormationCompiler}: the LF-Tags and where they are attached, the data cells filters, and the grants to
 * the tenant's principals. Free of AWS types, so the CDK app and an SDK-based applier carry out the same policy.
 */
public record LakeFormationPolicy(String tenantId, List<LakeFormationTag> tags, List<DatabaseTag> databaseTags,
    List<ColumnTag> columnTags, List<DataCellsFilter> filters, List<SelectGrant> selectGrants,
    List<DescribeGrant> describeGrants) {

  public LakeFormationPolicy {
    Objects.requireNonNull(tenantId, "tenantId");
    tags = List.copyOf(tags);
    databaseTags = List.copyOf(databaseTags);
    columnTags = List.copyOf(columnTags);
    filters = List.copyOf(filters);
    selectGrants = List.copyOf(selectGrants);
    describeGrants = List.copyOf(describeGrants);
  }

  /**
   * The policy of {@code tenant}; throws {@link InvalidDefinitionException} naming the tenant file and field when a
   * principal cannot be granted to.
   *
   * @param account the account the grants are made in: the tenant's account id, or, while the tenant file has none,
   *     the account being deployed to; empty if neither is known
   */
  public static LakeFormationPolicy of(Tenant tenant, TenantPlan plan, Optional<String> account) {
    Problems problems = new Problems();
    LakeFormationPolicy policy = LakeFormationCompiler.compile(tenant, plan, account, problems);
    problems.throwIfAny();
    return policy;
  }

  /** The SELECT grants to the principal named {@code name} in the tenant file. */
  public List<SelectGrant> selectGrantsOf(String name) {
    return selectGrants.stream().filter(grant -> grant.grantee().name().equals(name)).toList();
  }

  /**
   * SHA-256 (hex) of everything the policy holds: equal for equal policies, whatever built them. The CDK app puts it
   * in the template so that a deploy re-applies access exactly when the policy changed, and the function that applies
   * it checks that it compiled the same policy.
   */
  public String fingerprint() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every Java platform has SHA-256", impossible);
    }
  }

  public Optional<DataCellsFilter> filter(String name) {
    return filters.stream().filter(filter -> filter.name().equals(name)).findFirst();
  }
}
