package io.meshwork.functions.access;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.LFTag;
import software.amazon.awssdk.services.lakeformation.model.Permission;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.lakeformation.model.Resource;
import software.amazon.awssdk.services.lakeformation.model.TableResource;
import software.amazon.awssdk.services.lakeformation.model.TableWithColumnsResource;

/**
 * One Lake Formation grant in a form that compares equal however it was obtained: from a request the applier sends,
 * from {@code ListPermissions}, or from a CloudFormation {@code PrincipalPermissions} resource. Catalog ids are left
 * out (every grant of a tenant is in its own catalog) and columns and permissions are sets, because Lake Formation
 * does not keep their order.
 *
 * @param principal the data lake principal, e.g. an IAM role ARN
 * @param resource what is granted on, e.g. {@code table claims.claims_clean_v1},
 *     {@code data cells filter finance.cost_per_insured_v1.cost_per_insured_v1_regional_analyst} or
 *     {@code databases tagged meshwork_domain=[claims, finance]}
 * @param columns the granted columns of a table; empty for any other resource
 * @param permissions e.g. {@code [SELECT]}
 */
public record LakeFormationGrant(String principal, String resource, SortedSet<String> columns,
    SortedSet<String> permissions) {

  public LakeFormationGrant {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(resource, "resource");
    columns = Collections.unmodifiableSortedSet(new TreeSet<>(columns));
    permissions = Collections.unmodifiableSortedSet(new TreeSet<>(permissions));
  }

  /** The grant of {@code permissions} on {@code resource} to {@code principal}, as the SDK models them. */
  public static LakeFormationGrant of(DataLakePrincipal principal, Resource resource,
      Collection<Permission> permissions) {
    return new LakeFormationGrant(principal.dataLakePrincipalIdentifier(), describe(resource), sorted(columns(resource)),
        sorted(permissions.stream().map(Permission::toString).toList()));
  }

  /** An entry of a {@code ListPermissions} answer; its grant options are not part of the grant. */
  public static LakeFormationGrant of(PrincipalResourcePermissions listed) {
    return of(listed.principal(), listed.resource(), listed.permissions());
  }

  /** A grant on the columns of a table. */
  public static LakeFormationGrant onTable(String principal, String database, String table,
      Collection<String> columns, Collection<String> permissions) {
    return new LakeFormationGrant(principal, table(database, table), sorted(columns), sorted(permissions));
  }

  /** A grant on a data cells filter. */
  public static LakeFormationGrant onFilter(String principal, String database, String table, String filter,
      Collection<String> permissions) {
    return new LakeFormationGrant(principal, filter(database, table, filter), new TreeSet<>(), sorted(permissions));
  }

  /** A grant on the {@code resourceType} resources whose tag {@code key} has one of {@code values}. */
  public static LakeFormationGrant onTagged(String principal, String resourceType, String key,
      Collection<String> values, Collection<String> permissions) {
    return new LakeFormationGrant(principal, tagged(resourceType, List.of(key + "=" + sorted(values))), new TreeSet<>(),
        sorted(permissions));
  }

  /** True if this grant and {@code other} are to the same principal on the same resource and columns. */
  public boolean sameTarget(LakeFormationGrant other) {
    return principal.equals(other.principal) && resource.equals(other.resource) && columns.equals(other.columns);
  }

  @Override
  public String toString() {
    return principal + " " + String.join(",", permissions) + " " + resource + (columns.isEmpty() ? "" : " " + columns);
  }

  private static String describe(Resource resource) {
    if (resource.tableWithColumns() != null) {
      TableWithColumnsResource table = resource.tableWithColumns();
      String name = table(table.databaseName(), table.name());
      // A column wildcard (all columns, some excluded) is not what the policy grants; name it so it never matches.
      return table.columnWildcard() == null ? name
          : name + " all columns except " + sorted(table.columnWildcard().excludedColumnNames());
    }
    if (resource.table() != null) {
      TableResource table = resource.table();
      return table(table.databaseName(), table.tableWildcard() != null ? "*" : table.name());
    }
    if (resource.dataCellsFilter() != null) {
      return filter(resource.dataCellsFilter().databaseName(), resource.dataCellsFilter().tableName(),
          resource.dataCellsFilter().name());
    }
    if (resource.lfTagPolicy() != null) {
      return tagged(resource.lfTagPolicy().resourceTypeAsString(), resource.lfTagPolicy().expression().stream()
          .map(LakeFormationGrant::condition).sorted().toList());
    }
    if (resource.database() != null) {
      return "database " + resource.database().name();
    }
    if (resource.dataLocation() != null) {
      return "data location " + resource.dataLocation().resourceArn();
    }
    // Catalog, LF-Tag keys and the rest: no policy grant is on them, so their exact text only has to be stable.
    return resource.toString();
  }

  private static List<String> columns(Resource resource) {
    TableWithColumnsResource table = resource.tableWithColumns();
    return table == null || table.columnWildcard() != null ? List.of() : table.columnNames();
  }

  private static String condition(LFTag tag) {
    return tag.tagKey() + "=" + sorted(tag.tagValues());
  }

  private static String table(String database, String table) {
    return "table " + database + "." + table;
  }

  private static String filter(String database, String table, String filter) {
    return "data cells filter " + database + "." + table + "." + filter;
  }

  private static String tagged(String resourceType, List<String> conditions) {
    return resourceType.toLowerCase(Locale.ROOT) + "s tagged " + String.join(" and ", conditions);
  }

  private static SortedSet<String> sorted(Collection<String> values) {
    return values.stream().collect(Collectors.toCollection(TreeSet::new));
  }
}
