package io.meshwork.model.access;

import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Delegation;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provider's ceiling for one tenant, as the reconciler re-checks it on AWS: which classifications of which
 * product's columns a principal may hold, given the roles it holds (itself and through its groups). A grant whose
 * columns go beyond is refused when the policy asks for it, and revoked when it was made by hand.
 */
public final class Ceiling {

  private final Tenant tenant;
  private final Map<TableName, PlannedProduct> products = new LinkedHashMap<>();

  public Ceiling(Tenant tenant, TenantPlan plan) {
    this.tenant = tenant;
    plan.products().forEach(planned -> products.put(planned.tableName(), planned));
  }

  /** True when the provider's tenant file declares a ceiling; without one nothing is checked. */
  public boolean declared() {
    return tenant.delegation().ceiling().isPresent();
  }

  /**
   * Why a grant of {@code columns} of {@code table} to the IAM principal {@code arn} would be above the ceiling, or
   * empty when it is within (or when the table, the principal or the ceiling is not the tenant's to check).
   *
   * @param roles the roles the grant carries out; empty to use every role the principal holds
   */
  public Optional<String> beyond(String arn, TableName table, Collection<String> columns, Collection<String> roles) {
    PlannedProduct planned = products.get(table);
    List<Tenant.Principal> principals = tenant.principals().stream()
        .filter(principal -> principal.arn().equals(Optional.of(arn))).toList();
    if (!declared() || planned == null || principals.isEmpty()) {
      return Optional.empty();
    }
    Set<String> held = new LinkedHashSet<>(roles);
    if (held.isEmpty()) {
      principals.forEach(principal -> held.addAll(tenant.rolesOf(principal)));
    }
    Delegation delegation = tenant.delegation();
    String product = planned.product().name();
    List<String> above = new ArrayList<>();
    for (String name : columns) {
      Optional<Column> column = planned.product().contract().column(name);
      Classification classification = column.map(Column::classification).orElse(Classification.PII);
      if (held.stream().noneMatch(role -> delegation.allows(product, role, classification))) {
        above.add(name + " (" + classification.label() + ")");
      }
    }
    if (above.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("columns " + String.join(", ", above) + " of " + table + " for " + arn + " (roles "
        + String.join(", ", held) + ") are above the ceiling the provider set for tenant " + tenant.id());
  }
}
