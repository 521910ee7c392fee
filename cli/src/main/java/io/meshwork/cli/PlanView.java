package io.meshwork.cli;

import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shape of a plan: stable field names for scripts and the Plan function's output. */
record PlanView(String tenant, String displayName, List<String> sources, List<List<Product>> waves) {

  record Product(String name, String domain, String version, String table, String origin, String engine,
      Map<String, String> parameters, List<Input> inputs, String schedule, String fingerprint, List<String> reasons) {
  }

  record Input(String name, String kind, String version, String table) {
  }

  static PlanView of(Tenant tenant, TenantPlan plan) {
    return new PlanView(tenant.id(), tenant.displayName(), plan.sources().stream().map(Source::name).toList(),
        plan.waves().stream().map(wave -> wave.stream().map(PlanView::product).toList()).toList());
  }

  private static Product product(PlannedProduct planned) {
    Map<String, String> parameters = new LinkedHashMap<>();
    planned.parameters().keySet().stream().sorted()
        .forEach(name -> parameters.put(name, planned.parameters().get(name).display()));
    return new Product(planned.name(), planned.product().domain(), planned.version().toString(),
        planned.tableName().toString(), planned.origin().name().toLowerCase(Locale.ROOT), planned.engine().id(), parameters,
        planned.inputs().stream().map(input -> new Input(input.name(), input.isSource() ? "source" : "product",
            input.version().toString(), input.tableName().toString())).toList(),
        planned.schedule().map(schedule -> schedule.expression()).orElse(null), planned.fingerprint(),
        planned.reasons());
  }
}
