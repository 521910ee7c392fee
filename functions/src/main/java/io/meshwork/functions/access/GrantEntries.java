package io.meshwork.functions.access;

import io.meshwork.model.access.DescribeGrant;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.access.LakeFormationTag;
import io.meshwork.model.access.SelectGrant;
import io.meshwork.model.definition.TableName;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lakeformation.model.BatchPermissionsRequestEntry;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.LFTag;
import software.amazon.awssdk.services.lakeformation.model.Permission;
import software.amazon.awssdk.services.lakeformation.model.Resource;
import software.amazon.awssdk.services.lakeformation.model.ResourceType;

/**
 * The grants of a {@link LakeFormationPolicy} as Lake Formation API requests, resource for resource what the CDK
 * construct {@code TenantAccess} declares as {@code AWS::LakeFormation::PrincipalPermissions}: SELECT on a table's
 * columns or on a data cells filter, and DESCRIBE on the databases tagged with the grantee's domains.
 */
public final class GrantEntries {

  private GrantEntries() {
  }

  /**
   * One entry per grant of {@code policy}, in policy order, with ids {@code 0, 1, ...} (unique in any batch).
   *
   * @param catalogId the account whose Data Catalog holds the tenant's tables
   */
  public static List<BatchPermissionsRequestEntry> of(LakeFormationPolicy policy, String catalogId) {
    List<BatchPermissionsRequestEntry> entries = new ArrayList<>();
    for (SelectGrant grant : policy.selectGrants()) {
      entries.add(entry(entries.size(), grant.grantee().arn(), select(grant, catalogId), Permission.SELECT));
    }
    for (DescribeGrant grant : policy.describeGrants()) {
      Resource tagged = Resource.builder().lfTagPolicy(tagPolicy -> tagPolicy.catalogId(catalogId)
          .resourceType(ResourceType.DATABASE)
          .expression(LFTag.builder().tagKey(LakeFormationTag.DOMAIN).tagValues(grant.domains()).build()))
          .build();
      entries.add(entry(entries.size(), grant.grantee().arn(), tagged, Permission.DESCRIBE));
    }
    return entries;
  }

  private static Resource select(SelectGrant grant, String catalogId) {
    TableName table = grant.table();
    if (grant.filter().isPresent()) {
      return Resource.builder().dataCellsFilter(filter -> filter.tableCatalogId(catalogId)
          .databaseName(table.namespace()).tableName(table.table()).name(grant.filter().get())).build();
    }
    return Resource.builder().tableWithColumns(columns -> columns.catalogId(catalogId)
        .databaseName(table.namespace()).name(table.table()).columnNames(grant.columns())).build();
  }

  private static BatchPermissionsRequestEntry entry(int id, String principal, Resource resource,
      Permission permission) {
    return BatchPermissionsRequestEntry.builder()
        .id(Integer.toString(id))
        .principal(DataLakePrincipal.builder().dataLakePrincipalIdentifier(principal).build())
        .resource(resource)
        .permissions(permission)
        .permissionsWithGrantOption(List.of())
        .build();
  }
}
