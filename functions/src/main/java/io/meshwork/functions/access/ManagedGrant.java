package io.meshwork.functions.access;

import io.meshwork.model.access.DescribeGrant;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.access.LakeFormationTag;
import io.meshwork.model.access.SelectGrant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.lakeformation.model.BatchPermissionsRequestEntry;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.LFTag;
import software.amazon.awssdk.services.lakeformation.model.Permission;
import software.amazon.awssdk.services.lakeformation.model.Resource;
import software.amazon.awssdk.services.lakeformation.model.ResourceType;

/**
 * One grant Meshwork makes to a tenant principal, in a form that is kept between runs (the {@link AccessLedger}) and
 * turned into Lake Formation requests in any catalog: SELECT on a table's columns or on a data cells filter, or
 * DESCRIBE on the databases tagged with some domains.
 *
 * @param principal the IAM role or user ARN granted to
 * @param kind what the grant is on
 * @param database the table's database; empty for {@link Kind#TAGGED_DATABASES}
 * @param table the table; empty for {@link Kind#TAGGED_DATABASES}
 * @param columns the granted columns of {@link Kind#TABLE_COLUMNS}; empty otherwise
 * @param filter the data cells filter of {@link Kind#DATA_CELLS_FILTER}; empty otherwise
 * @param domains the {@value LakeFormationTag#DOMAIN} values of {@link Kind#TAGGED_DATABASES}; empty otherwise
 * @param permissions e.g. {@code [SELECT]}
 */
public record ManagedGrant(String principal, Kind kind, String database, String table, List<String> columns,
    String filter, List<String> domains, List<String> permissions) {

  /** What a grant is on. */
  public enum Kind { TABLE_COLUMNS, DATA_CELLS_FILTER, TAGGED_DATABASES }

  public ManagedGrant {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(kind, "kind");
    database = database == null ? "" : database;
    table = table == null ? "" : table;
    columns = columns == null ? List.of() : List.copyOf(columns);
    filter = filter == null ? "" : filter;
    domains = domains == null ? List.of() : List.copyOf(domains);
    permissions = List.copyOf(permissions);
  }

  /** Every grant of {@code policy}, in policy order: its SELECT grants, then its DESCRIBE grants. */
  public static List<ManagedGrant> of(LakeFormationPolicy policy) {
    List<ManagedGrant> grants = new ArrayList<>();
    for (SelectGrant grant : policy.selectGrants()) {
      String database = grant.table().namespace();
      String table = grant.table().table();
      grants.add(grant.filter()
          .map(filter -> new ManagedGrant(grant.grantee().arn(), Kind.DATA_CELLS_FILTER, database, table, null,
              filter, null, List.of("SELECT")))
          .orElseGet(() -> new ManagedGrant(grant.grantee().arn(), Kind.TABLE_COLUMNS, database, table,
              grant.columns(), null, null, List.of("SELECT"))));
    }
    for (DescribeGrant grant : policy.describeGrants()) {
      grants.add(new ManagedGrant(grant.grantee().arn(), Kind.TAGGED_DATABASES, null, null, null, null,
          grant.domains(), List.of("DESCRIBE")));
    }
    return grants;
  }

  /** The resource granted on, in catalog {@code catalogId}. */
  public Resource resource(String catalogId) {
    return switch (kind) {
      case TABLE_COLUMNS -> Resource.builder().tableWithColumns(resource -> resource.catalogId(catalogId)
          .databaseName(database).name(table).columnNames(columns)).build();
      case DATA_CELLS_FILTER -> Resource.builder().dataCellsFilter(resource -> resource.tableCatalogId(catalogId)
          .databaseName(database).tableName(table).name(filter)).build();
      case TAGGED_DATABASES -> Resource.builder().lfTagPolicy(policy -> policy.catalogId(catalogId)
          .resourceType(ResourceType.DATABASE)
          .expression(LFTag.builder().tagKey(LakeFormationTag.DOMAIN).tagValues(domains).build())).build();
    };
  }

  /** The batch entry granting or revoking this grant in {@code catalogId}, with the id {@code id}. */
  BatchPermissionsRequestEntry entry(int id, String catalogId) {
    return BatchPermissionsRequestEntry.builder()
        .id(Integer.toString(id))
        .principal(dataLakePrincipal())
        .resource(resource(catalogId))
        .permissions(permissions.stream().map(Permission::fromValue).toList())
        .permissionsWithGrantOption(List.of())
        .build();
  }

  /** This grant in the form that compares equal to what {@code ListPermissions} shows. */
  public LakeFormationGrant comparable() {
    return LakeFormationGrant.of(dataLakePrincipal(), resource(""), permissions.stream().map(Permission::fromValue).toList());
  }

  private DataLakePrincipal dataLakePrincipal() {
    return DataLakePrincipal.builder().dataLakePrincipalIdentifier(principal).build();
  }
}
