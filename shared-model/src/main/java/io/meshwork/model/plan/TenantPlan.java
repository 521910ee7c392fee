package io.meshwork.model.plan;

import io.meshwork.model.definition.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What runs for one tenant: the closure of its subscriptions and custom products, in waves whose products depend
 * only on earlier waves and so can run in parallel, plus the sources the tenant must deliver.
 */
public record TenantPlan(String tenantId, List<List<PlannedProduct>> waves, List<Source> sources) {

  public TenantPlan {
    Objects.requireNonNull(tenantId, "tenantId");
    waves = waves.stream().map(List::copyOf).toList();
    sources = List.copyOf(sources);
  }

  /** Every planned product, wave by wave. */
  public List<PlannedProduct> products() {
    return waves.stream().flatMap(List::stream).toList();
  }

  public Optional<PlannedProduct> product(String name) {
    return products().stream().filter(product -> product.name().equals(name)).findFirst();
  }

  /** The names of {@code product} and every planned product it reads, directly or not. */
  public Set<String> upstreamOf(String product) {
    Set<String> names = new HashSet<>();
    List<PlannedProduct> pending = new ArrayList<>(List.of(require(product)));
    while (!pending.isEmpty()) {
      PlannedProduct next = pending.remove(pending.size() - 1);
      if (names.add(next.name())) {
        next.inputs().stream().filter(input -> !input.isSource())
            .forEach(input -> product(input.name()).ifPresent(pending::add));
      }
    }
    return names;
  }

  /** The names of the planned products that read {@code product}, directly or not; not {@code product} itself. */
  public Set<String> downstreamOf(String product) {
    require(product);
    Set<String> names = new HashSet<>();
    // Waves are in dependency order, so one pass sees every reader after what it reads.
    for (PlannedProduct candidate : products()) {
      boolean reads = candidate.inputs().stream().filter(input -> !input.isSource())
          .anyMatch(input -> input.name().equals(product) || names.contains(input.name()));
      if (reads) {
        names.add(candidate.name());
      }
    }
    return names;
  }

  /**
   * What to refresh after {@code product} changed: every product downstream of it, plus everything those read
   * (directly or not), so that each runs after its inputs in the same run. Empty if nothing reads it.
   */
  public Set<String> refreshAfter(String product) {
    Set<String> names = new HashSet<>();
    for (String dependent : downstreamOf(product)) {
      names.addAll(upstreamOf(dependent));
    }
    return names;
  }

  /**
   * What to refresh after a delivery to {@code source} was published: every planned product that reads it, directly
   * or not, plus everything those read, so that each runs after its inputs in the same run.
   */
  public Set<String> refreshAfterSource(String source) {
    if (sources.stream().noneMatch(planned -> planned.name().equals(source))) {
      throw new IllegalArgumentException("Source " + source + " is not planned for tenant " + tenantId
          + ". Planned sources: " + String.join(", ", sources.stream().map(Source::name).toList()) + ".");
    }
    Set<String> names = new HashSet<>();
    for (PlannedProduct reader : products()) {
      boolean reads = reader.inputs().stream().anyMatch(input -> input.isSource() && input.name().equals(source));
      if (reads) {
        names.add(reader.name());
        downstreamOf(reader.name()).forEach(dependent -> names.addAll(upstreamOf(dependent)));
        names.addAll(upstreamOf(reader.name()));
      }
    }
    return names;
  }

  /** The waves restricted to {@code names}, in order, without the waves that become empty. */
  public List<List<PlannedProduct>> waves(Set<String> names) {
    return waves.stream()
        .map(wave -> wave.stream().filter(product -> names.contains(product.name())).toList())
        .filter(wave -> !wave.isEmpty())
        .toList();
  }

  private PlannedProduct require(String name) {
    return product(name).orElseThrow(() -> new IllegalArgumentException("Product " + name + " is not planned for "
        + "tenant " + tenantId + ". Planned: " + String.join(", ", products().stream().map(PlannedProduct::name)
        .toList()) + "."));
  }
}
