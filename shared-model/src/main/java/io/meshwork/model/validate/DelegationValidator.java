package io.meshwork.model.validate;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.Delegation;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks what a tenant decides about access against what the provider allows: admins, groups and grants name known
 * principals, roles and received products; every grant and every role a principal holds stays under the provider's
 * ceiling. Each refusal names the rule that forbids it.
 */
final class DelegationValidator {

  private final Catalog catalog;
  private final Tenant tenant;
  private final TenantPlan plan;
  private final Problems problems;
  private final String tenantFile;

  private DelegationValidator(Catalog catalog, Tenant tenant, TenantPlan plan, Problems problems) {
    this.catalog = catalog;
    this.tenant = tenant;
    this.plan = plan;
    this.problems = problems;
    this.tenantFile = tenant.location().file();
  }

  static void check(Catalog catalog, Tenant tenant, TenantPlan plan, Problems problems) {
    new DelegationValidator(catalog, tenant, plan, problems).run();
  }

  private void run() {
    Delegation delegation = tenant.delegation();
    delegation.ceiling().ifPresent(this::checkCeiling);
    Map<String, Location> names = new HashMap<>();
    for (Delegation.Admin admin : delegation.admins()) {
      unique(names, admin.name(), admin.location(), "admin");
      admin.arn().ifPresent(arn -> sameAccount(arn, admin.location(), "admin " + admin.name()));
    }
    for (Tenant.Principal principal : tenant.principals()) {
      unique(names, principal.name(), principal.location(), "principal");
      if (!principal.location().file().equals(tenantFile)) {
        // A workspace's principal is checked here; the provider's own when its grants are compiled.
        principal.arn().ifPresent(arn -> sameAccount(arn, principal.location(), "principal " + principal.name()));
      }
      principal.roles().forEach(role -> roleUnderCeiling(role, principal.location(), "principal " + principal.name()));
    }
    List<String> principals = tenant.principals().stream().map(Tenant.Principal::name).toList();
    for (Delegation.Group group : delegation.groups()) {
      unique(names, group.name(), group.location(), "group");
      for (String member : group.members()) {
        if (!principals.contains(member)) {
          problems.error(group.location(), "Group %s of tenant %s lists member '%s', which is no principal of the "
              + "tenant.%s Declare it under 'principals' or remove it from the group.", group.name(), tenant.id(),
              member, Suggestions.didYouMean(member, principals));
        }
      }
      for (String role : group.roles()) {
        if (knownRole(role, group.location(), "Group " + group.name() + " of tenant " + tenant.id())) {
          roleUnderCeiling(role, group.location(), "group " + group.name());
        }
      }
    }
    List<String> grantees = new ArrayList<>(principals);
    delegation.groups().forEach(group -> grantees.add(group.name()));
    delegation.grants().forEach(grant -> checkGrant(grant, grantees));
  }

  private void checkCeiling(List<Delegation.CeilingRule> rules) {
    for (Delegation.CeilingRule rule : rules) {
      rule.roles().stream().sorted().forEach(role -> knownRole(role, rule.location(),
          "The ceiling of tenant " + tenant.id()));
      for (String product : rule.products()) {
        if (catalog.productVersions(product).isEmpty()) {
          problems.error(rule.location(), "The ceiling of tenant %s names product '%s', which the catalogue does not "
              + "define.%s", tenant.id(), product, Suggestions.didYouMean(product, catalog.declaredNames()));
        }
      }
    }
  }

  private void checkGrant(Delegation.Grant grant, List<String> grantees) {
    String what = "The grant of " + grant.product() + " to " + grant.to();
    if (!grantees.contains(grant.to())) {
      problems.error(grant.location(), "%s names '%s', which is no principal or group of tenant %s.%s Declare it "
          + "under 'principals' or 'groups' of the workspace.", what, grant.to(), tenant.id(),
          Suggestions.didYouMean(grant.to(), grantees));
    }
    if (!knownRole(grant.role(), grant.location(), what)) {
      return;
    }
    Optional<PlannedProduct> planned = plan.product(grant.product());
    if (planned.isEmpty()) {
      List<String> received = plan.products().stream().map(product -> product.product().name()).toList();
      problems.error(grant.location(), "%s names a product tenant %s does not receive.%s Grants may name only the "
          + "products it receives: %s.", what, tenant.id(), Suggestions.didYouMean(grant.product(), received),
          String.join(", ", received));
      return;
    }
    if (tenant.delegation().ceiling().isEmpty()) {
      problems.error(grant.location(), "%s is refused: the provider's tenant file %s declares no 'ceiling', so "
          + "tenant %s may grant nothing itself. Ask the provider to add a ceiling.", what, tenantFile, tenant.id());
      return;
    }
    if (!tenant.delegation().allowsRole(grant.product(), grant.role())) {
      problems.error(grant.location(), "%s as role %s is above the ceiling: the provider's ceiling for tenant %s "
          + "(%s) allows on %s only the roles %s. Grant one of those roles or ask the provider to raise the "
          + "ceiling.", what, grant.role(), tenant.id(), tenantFile, grant.product(),
          String.join(", ", rolesAllowedOn(grant.product())));
      return;
    }
    List<String> excluded = new ArrayList<>();
    List<String> allowed = new ArrayList<>();
    for (Classification classification : Classification.values()) {
      if (tenant.delegation().allows(grant.product(), grant.role(), classification)) {
        allowed.add(classification.label());
      } else if (grant.classifications().contains(classification)) {
        excluded.add(classification.label());
      }
    }
    if (!excluded.isEmpty()) {
      problems.error(grant.location(), "%s as role %s includes %s columns, which the provider's ceiling for "
          + "tenant %s (%s) excludes for that role on %s: it allows %s. Remove %s from 'classifications'.", what,
          grant.role(), String.join(", ", excluded), tenant.id(), tenantFile, grant.product(),
          String.join(", ", allowed), String.join(", ", excluded));
    }
    Contract contract = planned.get().product().contract();
    grant.rowFilter().ifPresent(filter -> filter.columns().stream()
        .filter(column -> contract.column(column).isEmpty())
        .forEach(column -> problems.error(filter.location(), "The row filter of %s names '%s', which is not a "
            + "column of %s.%s", "the " + what.substring(4), column, grant.product(),
            Suggestions.didYouMean(column, contract.columnNames()))));
  }

  private List<String> rolesAllowedOn(String product) {
    return catalog.info().roleNames().stream().filter(role -> tenant.delegation().allowsRole(product, role))
        .toList();
  }

  private void roleUnderCeiling(String role, Location location, String holder) {
    boolean somewhere = plan.products().stream()
        .anyMatch(planned -> tenant.delegation().allowsRole(planned.product().name(), role));
    if (catalog.info().roleNames().contains(role) && !somewhere && !plan.products().isEmpty()) {
      problems.error(location, "The %s of tenant %s holds role '%s', which the provider's ceiling for the tenant (%s) "
          + "allows on no product it receives. Remove the role or ask the provider to raise the ceiling.", holder,
          tenant.id(), role, tenantFile);
    }
  }

  private boolean knownRole(String role, Location location, String what) {
    List<String> roles = catalog.info().roleNames();
    if (roles.contains(role)) {
      return true;
    }
    problems.error(location, "%s names role '%s', which catalog.yaml does not define.%s Roles are: %s.", what, role,
        Suggestions.didYouMean(role, roles), String.join(", ", roles));
    return false;
  }

  private void unique(Map<String, Location> names, String name, Location location, String kind) {
    Location previous = names.putIfAbsent(name, location);
    if (previous != null) {
      problems.error(location, "The %s name '%s' of tenant %s is already used at %s. Principals, groups and admins "
          + "of a tenant need distinct names.", kind, name, tenant.id(), previous);
    }
  }

  private void sameAccount(String arn, Location location, String what) {
    tenant.account().id().filter(account -> !arn.contains("::" + account + ":")).ifPresent(account ->
        problems.error(location, "The arn of %s of tenant %s is not in the tenant's account %s. Use an IAM role of "
            + "account %s.", what, tenant.id(), account, account));
  }
}
