package io.meshwork.cli;

import io.meshwork.engine.compute.ViewRestriction;
import io.meshwork.engine.query.PrincipalViews;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.access.SelectGrant;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a {@code mesh query} acts as: the tenant's data admin (every table, column and row) or one of its principals,
 * restricted by the tenant's compiled access policy exactly as Lake Formation restricts it on AWS.
 */
final class QueryPrincipal {

  /** How the access log names queries without {@code --as}. */
  static final String DATA_ADMIN = "data-admin";

  private static final Pattern MISSING_COLUMN = Pattern.compile("Referenced column \"([^\"]+)\" not found");

  private final Tenant tenant;
  private final TenantPlan plan;
  private final Optional<String> principal;
  private final Optional<LakeFormationPolicy> policy;

  private QueryPrincipal(Tenant tenant, TenantPlan plan, Optional<String> principal,
      Optional<LakeFormationPolicy> policy) {
    this.tenant = tenant;
    this.plan = plan;
    this.principal = principal;
    this.policy = policy;
  }

  /** The data admin of {@code tenant}, or {@code principal} when given (checked to be one of the tenant's). */
  static QueryPrincipal of(Catalog catalog, String tenantId, Optional<String> principal) {
    Tenant tenant = catalog.tenant(tenantId).orElseThrow();
    TenantPlan plan = new Planner(catalog).plan(tenantId);
    if (principal.isEmpty()) {
      return new QueryPrincipal(tenant, plan, principal, Optional.empty());
    }
    List<String> names = tenant.principals().stream().map(Tenant.Principal::name).toList();
    if (!names.contains(principal.get())) {
      throw new UserInputException("Unknown principal '" + principal.get() + "' of tenant " + tenantId + "."
          + Suggestions.didYouMean(principal.get(), names) + " Principals are " + String.join(", ", names) + ".");
    }
    return new QueryPrincipal(tenant, plan, principal,
        Optional.of(LakeFormationPolicy.of(tenant, plan, tenant.account().id())));
  }

  /** The views of the principal's session, or empty for the data admin's (every table unrestricted). */
  Optional<Map<String, ViewRestriction>> restrictions() {
    return policy.map(compiled -> PrincipalViews.of(compiled, principal.orElseThrow(), contracts(plan)));
  }

  /** The first line a query prints: who it acts as. */
  String header() {
    return principal.map(name -> "-- as principal " + name + " of tenant " + tenant.id() + " (roles "
        + String.join(", ", tenant.rolesOf(tenant.principals().stream().filter(p -> p.name().equals(name))
            .findFirst().orElseThrow())) + "): only the columns and rows its grants allow")
        .orElse("-- as the data admin of tenant " + tenant.id() + ": every table, column and row; pass --as "
            + "PRINCIPAL to query as one of the tenant's principals");
  }

  Optional<String> principal() {
    return principal;
  }

  /**
   * When a principal's query names a column its grants leave out, which grant is missing; empty for other errors.
   */
  Optional<String> missingGrant(String error) {
    Matcher matcher = MISSING_COLUMN.matcher(error);
    if (policy.isEmpty() || !matcher.find()) {
      return Optional.empty();
    }
    String column = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
    List<SelectGrant> grants = PrincipalViews.grantsOf(policy.get(), principal.orElseThrow());
    for (PlannedProduct planned : plan.products()) {
      TableName table = planned.tableName();
      boolean visible = grants.stream().anyMatch(grant -> grant.table().equals(table));
      Optional<Column> hidden = planned.product().contract().column(column)
          .filter(candidate -> grants.stream().noneMatch(grant -> grant.table().equals(table)
              && grant.columns().contains(column)));
      if (visible && hidden.isPresent()) {
        return Optional.of("Column " + column + " of " + table + " (" + planned.product().name() + ") is not granted "
            + "to principal " + principal.get() + ": it is classified " + hidden.get().classification().label()
            + ", and no grant of the principal on " + planned.product().name() + " includes "
            + hidden.get().classification().label() + " columns. A tenant admin can grant it in the workspace "
            + "('grants: - {to: " + principal.get() + ", product: " + planned.product().name() + ", role: ..., "
            + "classifications: [" + hidden.get().classification().label() + "]}') if the provider's ceiling "
            + "allows it.");
      }
    }
    return Optional.empty();
  }

  /**
   * {@code names} (tables, or table.column) with a product's bare name replaced by its table, e.g. loss_ratio by
   * finance.loss_ratio_v1.
   */
  List<String> qualified(List<String> names) {
    return names.stream().map(name -> {
      int dot = name.indexOf('.');
      String first = dot < 0 ? name : name.substring(0, dot);
      return plan.product(first).map(planned -> planned.tableName() + (dot < 0 ? "" : name.substring(dot)))
          .orElse(name);
    }).toList();
  }

  /** The products whose tables {@code tables} names (bare or qualified), in plan order. */
  List<String> products(List<String> tables) {
    List<String> qualified = qualified(tables);
    return plan.products().stream().filter(planned -> qualified.contains(planned.tableName().toString()))
        .map(planned -> planned.product().name()).toList();
  }

  private static Map<TableName, List<Column>> contracts(TenantPlan plan) {
    Map<TableName, List<Column>> columns = new LinkedHashMap<>();
    plan.products().forEach(planned -> columns.put(planned.tableName(), planned.product().contract().columns()));
    return columns;
  }
}
