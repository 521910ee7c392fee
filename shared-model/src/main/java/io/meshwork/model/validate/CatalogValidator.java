package io.meshwork.model.validate;

import io.meshwork.model.definition.AccessRule;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Input;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.sql.TransformCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks what no single document can: unique names, inputs that exist in an accepted version, no cycles, SQL that
 * reads only declared inputs, roles the catalogue defines, and that every tenant can be planned.
 */
public final class CatalogValidator {

  private final Catalog catalog;
  private final Problems problems;

  private CatalogValidator(Catalog catalog, Problems problems) {
    this.catalog = catalog;
    this.problems = problems;
  }

  public static void validate(Catalog catalog, Problems problems) {
    new CatalogValidator(catalog, problems).run();
  }

  private void run() {
    checkUniqueNames();
    List<String> roles = catalog.info().roleNames();
    for (DataProduct product : catalog.products()) {
      checkInputs(product);
      checkReferenceRules(product);
      product.transform().eachSqlFile().forEach(file -> TransformCheck.check(product, file, "The transform",
          problems));
      Map<String, AccessRule> rulesByRole = new HashMap<>();
      for (AccessRule rule : product.access()) {
        AccessRule previous = rulesByRole.putIfAbsent(rule.role(), rule);
        if (previous != null) {
          problems.error(rule.location(), "%s has two access rules for role '%s' (first at line %d). Keep one rule "
              + "per role: it becomes one Lake Formation grant.", product.label(), rule.role(),
              previous.location().line());
        }
        if (!roles.contains(rule.role())) {
          problems.error(rule.location(), "The access rule of %s names role '%s', which catalog.yaml does not "
              + "define.%s Define it under 'roles' in catalog.yaml or use one of: %s.", product.label(), rule.role(),
              Suggestions.didYouMean(rule.role(), roles), String.join(", ", roles));
        }
      }
    }
    boolean acyclic = Cycles.report(catalog, problems);
    checkTenants(roles);
    if (acyclic) {
      Planner planner = new Planner(catalog);
      catalog.tenants().forEach(tenant -> DelegationValidator.check(catalog, tenant, planner.plan(tenant, problems),
          problems));
    }
  }

  private void checkUniqueNames() {
    Map<String, Source> sources = new HashMap<>();
    for (Source source : catalog.sources()) {
      Source previous = sources.putIfAbsent(source.name(), source);
      if (previous != null) {
        problems.error(source.location(), "Duplicate source '%s': also defined at %s. Rename one of them.",
            source.name(), previous.location());
      }
    }
    Map<String, DataProduct> versions = new HashMap<>();
    Map<String, DataProduct> firstByName = new HashMap<>();
    for (DataProduct product : catalog.products()) {
      DataProduct previous = versions.putIfAbsent(product.name() + "@" + product.version(), product);
      if (previous != null) {
        problems.error(product.location(), "Duplicate product %s: also defined at %s. Rename one or give it "
            + "another version.", product.label(), previous.location());
        continue;
      }
      Source source = sources.get(product.name());
      if (source != null) {
        problems.error(product.location(), "Product '%s' has the name of the source defined at %s; sources and "
            + "products share one name space. Rename one of them.", product.name(), source.location());
      }
      DataProduct first = firstByName.putIfAbsent(product.name(), product);
      if (first != null && !first.domain().equals(product.domain())) {
        problems.error(product.location(), "Product %s is in domain '%s', but version %s is in '%s' (%s). Keep every "
            + "version of a product in one domain.", product.label(), product.domain(), first.version(),
            first.domain(), first.location());
      }
      if (first != null && !first.tenant().equals(product.tenant())) {
        problems.error(product.location(), "Product name '%s' is already used at %s by %s. Custom products need "
            + "names of their own.", product.name(), first.location(), first.tenant().map(id -> "tenant " + id)
            .orElse("the provider"));
      }
    }
  }

  private void checkInputs(DataProduct product) {
    for (Input input : product.inputs()) {
      Optional<Source> source = catalog.source(input.name());
      if (source.isPresent()) {
        if (!input.versions().contains(source.get().version())) {
          problems.error(input.location(), "No version of source %s satisfies %s (available: %s). Change the "
              + "range.", input.name(), input.versions(), source.get().version());
        }
        continue;
      }
      List<DataProduct> versions = catalog.productVersions(input.name());
      if (versions.isEmpty()) {
        if (!catalog.declaredNames().contains(input.name())) {
          List<String> names = catalog.products().stream().map(DataProduct::name).collect(Collectors.toList());
          catalog.sources().forEach(each -> names.add(each.name()));
          problems.error(input.location(), "Unknown input '%s' of %s: no source or product has that name.%s",
              input.name(), product.label(), Suggestions.didYouMean(input.name(), names));
        }
        continue;
      }
      if (input.name().equals(product.name())) {
        problems.error(input.location(), "Product %s reads itself. Remove the input.", product.label());
        continue;
      }
      boolean readsCustom = versions.stream().allMatch(DataProduct::isCustom);
      if (readsCustom && !product.isCustom()) {
        problems.error(input.location(), "Managed product %s reads '%s', a custom product of tenant %s. Managed "
            + "products may read only sources and managed products.", product.label(), input.name(),
            versions.get(0).tenant().orElseThrow());
        continue;
      }
      if (readsCustom && !versions.get(0).tenant().equals(product.tenant())) {
        problems.error(input.location(), "Custom product %s reads '%s', a custom product of another tenant (%s). "
            + "Tenants may read only their own custom products.", product.label(), input.name(),
            versions.get(0).tenant().orElseThrow());
        continue;
      }
      if (versions.stream().noneMatch(candidate -> input.versions().contains(candidate.version()))) {
        problems.error(input.location(), "No version of product %s satisfies %s (available: %s). Change the range "
            + "or add a matching version.", input.name(), input.versions(), versions.stream()
            .map(candidate -> candidate.version().toString()).collect(Collectors.joining(", ")));
      }
    }
  }

  /** A references rule's column must exist in the input it names (the input itself is checked by the parser). */
  private void checkReferenceRules(DataProduct product) {
    for (io.meshwork.model.definition.QualityRule rule : product.quality()) {
      io.meshwork.model.definition.Scalar target = rule.settings().get("product");
      io.meshwork.model.definition.Scalar column = rule.settings().get("column");
      if (rule.kind() != io.meshwork.model.definition.QualityRule.Kind.REFERENCES || target == null || column == null) {
        continue;
      }
      Optional<io.meshwork.model.definition.Contract> contract = catalog.source(target.text())
          .map(Source::contract)
          .or(() -> product.inputs().stream().filter(input -> input.name().equals(target.text())).findFirst()
              .flatMap(input -> catalog.product(input.name(), input.versions())).map(DataProduct::contract));
      if (contract.isPresent() && contract.get().column(column.text()).isEmpty()) {
        problems.error(column.location(), "The references rule of %s names column '%s' of %s, which has no such "
            + "column.%s", product.label(), column.text(), target.text(),
            Suggestions.didYouMean(column.text(), contract.get().columnNames()));
      }
    }
  }

  private void checkTenants(List<String> roles) {
    Map<String, Tenant> byId = new HashMap<>();
    Map<String, Tenant> byEmail = new HashMap<>();
    for (Tenant tenant : catalog.tenants()) {
      Tenant previous = byId.putIfAbsent(tenant.id(), tenant);
      if (previous != null) {
        problems.error(tenant.location(), "Duplicate tenant '%s': also defined at %s.", tenant.id(),
            previous.location());
      }
      Tenant sameEmail = byEmail.putIfAbsent(tenant.account().email(), tenant);
      if (sameEmail != null && previous == null) {
        problems.error(tenant.account().location(), "Tenant %s uses account email %s, like tenant %s. Each AWS "
            + "account needs its own email address.", tenant.id(), tenant.account().email(), sameEmail.id());
      }
      for (Tenant.Principal principal : tenant.principals()) {
        for (String role : principal.roles()) {
          if (!roles.contains(role)) {
            problems.error(principal.location(), "Principal %s of tenant %s has role '%s', which catalog.yaml does "
                + "not define.%s Roles are: %s.", principal.name(), tenant.id(), role,
                Suggestions.didYouMean(role, roles), String.join(", ", roles));
          }
        }
      }
    }
    for (DataProduct product : catalog.products()) {
      product.tenant().filter(id -> !byId.containsKey(id)).ifPresent(id -> problems.error(product.location(),
          "Custom product %s belongs to tenant '%s', which is not defined.%s", product.label(), id,
          Suggestions.didYouMean(id, byId.keySet())));
    }
  }
}
