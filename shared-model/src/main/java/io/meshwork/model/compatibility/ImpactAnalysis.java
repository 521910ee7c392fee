package io.meshwork.model.compatibility;

import io.meshwork.model.compatibility.Impact.ReceivingTenant;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.SemanticVersion;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.definition.VersionRange;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds who receives a source or product version in the head catalogue. Each tenant is planned once, with the same
 * planner that decides what runs, so a tenant counts exactly when its plan would compute the changed version.
 */
final class ImpactAnalysis {

  private static final Comparator<DataProduct> BY_NAME_AND_VERSION = Comparator.comparing(DataProduct::name)
      .thenComparing(DataProduct::version);

  private final Catalog head;
  private List<TenantPlan> plans;

  ImpactAnalysis(Catalog head) {
    this.head = head;
  }

  /** Who would receive product {@code name} at {@code version}. */
  Impact ofProduct(String name, SemanticVersion version) {
    List<ReceivingTenant> tenants = new ArrayList<>();
    Set<DataProduct> custom = new LinkedHashSet<>();
    for (TenantPlan plan : plans()) {
      Tenant tenant = head.tenant(plan.tenantId()).orElseThrow();
      Optional<PlannedProduct> planned = plan.products().stream()
          .filter(product -> product.name().equals(name) && product.version().equals(version))
          .findFirst();
      if (planned.isEmpty()) {
        continue;
      }
      List<DataProduct> readers = readers(plan, name, version);
      Optional<VersionRange> subscription = tenant.subscriptions().stream()
          .filter(each -> each.product().equals(name) && each.versions().contains(version))
          .map(Tenant.Subscription::versions)
          .findFirst();
      tenants.add(new ReceivingTenant(tenant.id(), subscription, planned.get().product().isCustom(), readers));
      readers.stream().filter(DataProduct::isCustom).forEach(custom::add);
    }
    return new Impact(tenants, custom.stream().sorted(BY_NAME_AND_VERSION).toList(), managedReaders(name, version));
  }

  /** Who delivers and reads source {@code name}: sources have one version, so every reader reads the changed one. */
  Impact ofSource(String name) {
    Source source = head.source(name).orElseThrow();
    List<ReceivingTenant> tenants = new ArrayList<>();
    Set<DataProduct> custom = new LinkedHashSet<>();
    for (TenantPlan plan : plans()) {
      if (plan.sources().stream().noneMatch(each -> each.name().equals(name))) {
        continue;
      }
      List<DataProduct> readers = readers(plan, name, source.version());
      tenants.add(new ReceivingTenant(plan.tenantId(), Optional.empty(), false, readers));
      readers.stream().filter(DataProduct::isCustom).forEach(custom::add);
    }
    return new Impact(tenants, custom.stream().sorted(BY_NAME_AND_VERSION).toList(),
        managedReaders(name, source.version()));
  }

  /** The products of {@code plan} that read {@code name} at {@code version}, in plan order. */
  private static List<DataProduct> readers(TenantPlan plan, String name, SemanticVersion version) {
    return plan.products().stream()
        .filter(product -> product.inputs().stream()
            .anyMatch(input -> input.name().equals(name) && input.version().equals(version)))
        .map(PlannedProduct::product)
        .toList();
  }

  /** Managed product versions whose input range accepts {@code version}: their transforms read it. */
  private List<DataProduct> managedReaders(String name, SemanticVersion version) {
    return head.products().stream()
        .filter(product -> !product.isCustom())
        .filter(product -> product.inputs().stream()
            .anyMatch(input -> input.name().equals(name) && input.versions().contains(version)))
        .sorted(BY_NAME_AND_VERSION)
        .toList();
  }

  /** Every tenant's plan, computed on first use: most diffs have no breaking change to explain. */
  private List<TenantPlan> plans() {
    if (plans == null) {
      Planner planner = new Planner(head);
      plans = head.tenantIds().stream().map(planner::plan).toList();
    }
    return plans;
  }
}
