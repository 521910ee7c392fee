package io.meshwork.functions.access;

import io.meshwork.model.access.Ceiling;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.access.SelectGrant;
import io.meshwork.model.definition.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.lakeformation.model.Resource;

/**
 * The reconciler's re-check of the provider's {@link Ceiling}: a policy's grants above it are refused (never sent to
 * Lake Formation), and grants made outside Meshwork (not in its ledger) on the tenant's tables that go above it are
 * revoked. Both are reported, so a tenant admin who granted too much by hand learns what was taken back and why.
 */
final class CeilingEnforcement {

  private final LakeFormationClient lakeFormation;
  private final String catalogId;
  private final ThrottlingRetry retry;

  CeilingEnforcement(LakeFormationClient lakeFormation, String catalogId, ThrottlingRetry retry) {
    this.lakeFormation = lakeFormation;
    this.catalogId = catalogId;
    this.retry = retry;
  }

  /** {@code policy} without its grants above {@code ceiling}; each one left out is added to {@code refused}. */
  static LakeFormationPolicy withinCeiling(LakeFormationPolicy policy, Ceiling ceiling, List<String> refused) {
    List<SelectGrant> kept = new ArrayList<>();
    for (SelectGrant grant : policy.selectGrants()) {
      Optional<String> beyond = ceiling.beyond(grant.grantee().arn(), grant.table(), grant.columns(),
          grant.roles());
      if (beyond.isPresent()) {
        refused.add("refused: " + beyond.get());
      } else {
        kept.add(grant);
      }
    }
    return new LakeFormationPolicy(policy.tenantId(), policy.tags(), policy.databaseTags(), policy.columnTags(),
        policy.filters(), kept, policy.describeGrants());
  }

  /** Revokes the grants Meshwork did not make ({@code managed} does not hold them) that go above {@code ceiling}. */
  void revokeBeyond(Ceiling ceiling, Set<LakeFormationGrant> managed, List<String> revoked) {
    List<PrincipalResourcePermissions> listed = retry.call(() -> lakeFormation.listPermissionsPaginator(request ->
        request.catalogId(catalogId)).stream().flatMap(page -> page.principalResourcePermissions().stream())
        .toList());
    for (PrincipalResourcePermissions permission : listed) {
      Resource resource = permission.resource();
      if (resource.tableWithColumns() == null || resource.tableWithColumns().columnWildcard() != null
          || managed.contains(LakeFormationGrant.of(permission))) {
        continue;
      }
      String arn = permission.principal().dataLakePrincipalIdentifier();
      TableName table = new TableName(resource.tableWithColumns().databaseName(), resource.tableWithColumns().name());
      Optional<String> beyond = ceiling.beyond(arn, table, resource.tableWithColumns().columnNames(), List.of());
      if (beyond.isPresent()) {
        retry.call(() -> lakeFormation.revokePermissions(request -> request.catalogId(catalogId)
            .principal(permission.principal()).resource(resource).permissions(permission.permissions())
            .permissionsWithGrantOption(permission.permissionsWithGrantOption())));
        revoked.add("revoked (made outside Meshwork): " + beyond.get());
      }
    }
  }
}
