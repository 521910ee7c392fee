package io.meshwork.cli;

import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.ComputeClass;
import io.meshwork.model.plan.ComputeSize;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The terminal rendering of a plan. */
final class PlanText {

  private PlanText() {
  }

  static void print(Tenant tenant, TenantPlan plan, Map<String, ComputeSize> sizes, PrintWriter out) {
    out.printf("Plan for tenant %s (%s): %d products in %d waves%n", tenant.id(), tenant.displayName(),
        plan.products().size(), plan.waves().size());
    out.printf("Sources the tenant delivers: %s%n",
        plan.sources().stream().map(Source::name).collect(Collectors.joining(", ")));
    List<List<PlannedProduct>> waves = plan.waves();
    for (int wave = 0; wave < waves.size(); wave++) {
      out.printf("%nWave %d%n", wave + 1);
      for (PlannedProduct product : waves.get(wave)) {
        out.printf("  %s %s -> %s (%s, on %s, fingerprint %s)%n", product.name(), product.version(),
            product.tableName(), product.origin().name().toLowerCase(Locale.ROOT), product.engine(),
            product.fingerprint().substring(0, 12));
        if (!product.parameters().isEmpty()) {
          out.printf("      parameters: %s%n", product.parameters().keySet().stream().sorted()
              .map(name -> name + "=" + product.parameters().get(name).display()).collect(Collectors.joining(", ")));
        }
        out.printf("      inputs:     %s%n", product.inputs().stream()
            .map(input -> input.name() + " " + input.version()).collect(Collectors.joining(", ")));
        product.schedule().ifPresent(schedule -> out.printf("      schedule:   %s%n", schedule.expression()));
        out.printf("      compute:    %s%n", compute(sizes.get(product.name())));
        out.printf("      why:        %s%n", String.join("; ", product.reasons()));
      }
    }
  }

  /** {@code large (10240 MiB memory, 10240 MiB /tmp): why}, without the figures where no function runs it. */
  private static String compute(ComputeSize size) {
    boolean function = size.computeClass() == ComputeClass.STANDARD || size.computeClass() == ComputeClass.LARGE;
    return size.computeClass().id() + (function
        ? " (" + size.memoryMiB() + " MiB memory, " + size.tmpMiB() + " MiB /tmp)" : "") + ": " + size.reason();
  }
}
