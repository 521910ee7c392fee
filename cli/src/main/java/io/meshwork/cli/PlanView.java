package io.meshwork.cli;

import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.ComputeSize;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shape of a plan: stable field names for scripts and the Plan function's output. */
record PlanView(String tenant, String displayName, List<String> sources, List<List<Product>> waves) {

  record Product(String name, String domain, String version, String table, String origin, String engine,
      Compute compute, Map<String, String> parameters, List<Input> inputs, String schedule, String fingerprint,
      List<String> reasons) {
  }

  /** Where the product runs on AWS: {@code standard}, {@code large}, {@code athena} or {@code too-large}. */
  record Compute(String size, int memoryMiB, int tmpMiB, String reason) {
    static Compute of(ComputeSize size) {
      return new Compute(size.computeClass().id(), size.memoryMiB(), size.tmpMiB(), size.reason());
    }
  }

  record Input(String name, String kind, String version, String table) {
  }

  static PlanView of(Tenant tenant, TenantPlan plan, Map<String, ComputeSize> sizes) {
    return new PlanView(tenant.id(), tenant.displayName(), plan.sources().stream().map(Source::name).toList(),
        plan.waves().stream().map(wave -> wave.stream().map(planned -> product(planned, sizes.get(planned.name())))
            .toList()).toList());
  }

  private static Product product(PlannedProduct planned, ComputeSize size) {
    Map<String, String> parameters = new LinkedHashMap<>();
    planned.parameters().keySet().stream().sorted()
        .forEach(name -> parameters.put(name, planned.parameters().get(name).display()));
    return new Product(planned.name(), planned.product().domain(), planned.version().toString(),
        planned.tableName().toString(), planned.origin().name().toLowerCase(Locale.ROOT), planned.engine().id(),
        Compute.of(size), parameters,
        planned.inputs().stream().map(input -> new Input(input.name(), input.isSource() ? "source" : "product",
            input.version().toString(), input.tableName().toString())).toList(),
        planned.schedule().map(schedule -> schedule.expression()).orElse(null), planned.fingerprint(),
        planned.reasons());
  }
}
