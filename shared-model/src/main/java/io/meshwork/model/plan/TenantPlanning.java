package io.meshwork.model.plan;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Input;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Parameter;
import io.meshwork.model.definition.ParameterValue;
import io.meshwork.model.definition.ParameterValues;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Schedule;
import io.meshwork.model.definition.SemanticVersion;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.definition.Transform;
import io.meshwork.model.definition.VersionRange;
import io.meshwork.model.sql.TransformCheck;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Plans one tenant: the closure of its subscriptions (each product once per major version, at the highest version
 * every consumer accepts), its overrides and custom products applied, ordered into waves.
 */
final class TenantPlanning {

  private final Catalog catalog;
  private final Tenant tenant;
  private final Problems problems;
  private final Map<Key, Node> nodes = new LinkedHashMap<>();
  private final Deque<Node> pending = new ArrayDeque<>();

  /** A product family within one major version: it has one table and runs once. */
  private record Key(String name, int major) {
  }

  /**
   * What someone asked of a product: who, which versions, and why. Demands of the tenant (subscriptions, custom
   * products) report when they cannot be met; a product's own inputs are checked once for all tenants by the
   * catalogue validator.
   */
  private record Demand(String name, VersionRange range, String reason, Location location, boolean byTenant) {
  }

  private static final class Node {
    final Key key;
    final List<Demand> demands = new ArrayList<>();
    DataProduct chosen;
    boolean expanded;

    Node(Key key) {
      this.key = key;
    }
  }

  TenantPlanning(Catalog catalog, Tenant tenant, Problems problems) {
    this.catalog = catalog;
    this.tenant = tenant;
    this.problems = problems;
  }

  TenantPlan run() {
    for (Tenant.Subscription subscription : tenant.subscriptions()) {
      demand(new Demand(subscription.product(), subscription.versions(), "subscribed (" + subscription.versions() + ")",
          subscription.location(), true), true);
    }
    close();
    Map<Key, Node> received = new LinkedHashMap<>(nodes);
    for (DataProduct custom : catalog.customProducts(tenant.id())) {
      checkCustomInputs(custom, received);
      demand(new Demand(custom.name(), VersionRange.parse(custom.version().toString()).orElseThrow(),
          "custom product of tenant " + tenant.id(), custom.location(), true), false);
    }
    close();
    Map<String, Tenant.Override> overrides = overrides();
    Map<String, Tenant.Subscription> subscriptions = tenant.subscriptions().stream()
        .collect(Collectors.toMap(Tenant.Subscription::product, subscription -> subscription));
    Map<Key, PlannedProduct> planned = new LinkedHashMap<>();
    for (Node node : nodes.values()) {
      if (node.chosen != null) {
        planned.put(node.key, planProduct(node, overrides.get(node.key.name()), subscriptions.get(node.key.name())));
      }
    }
    checkEngineChoices(planned.values());
    return new TenantPlan(tenant.id(), Waves.of(planned.values()), sources(planned.values()));
  }

  /** Every product the tenant moved to another engine must be one it runs. */
  private void checkEngineChoices(java.util.Collection<PlannedProduct> planned) {
    List<String> names = planned.stream().map(PlannedProduct::name).distinct().sorted().toList();
    for (Tenant.EngineChoice choice : tenant.engines().values()) {
      if (!names.contains(choice.product())) {
        problems.error(choice.location(), "Cannot plan tenant %s: 'engines' names product %s, which the tenant "
            + "does not run.%s Name a product it subscribes to or one they read.", tenant.id(), choice.product(),
            Suggestions.didYouMean(choice.product(), names));
      }
    }
  }

  /** Adds a demand and resolves the product family it falls in. */
  private void demand(Demand demand, boolean managedOnly) {
    List<DataProduct> versions = catalog.productVersions(demand.name()).stream()
        .filter(product -> Planner.visibleTo(product, tenant))
        .filter(product -> !managedOnly || !product.isCustom())
        .toList();
    Optional<DataProduct> best = versions.stream().filter(product -> demand.range().contains(product.version()))
        .max(Comparator.comparing(DataProduct::version));
    if (best.isEmpty()) {
      if (demand.byTenant()) {
        reportUnresolved(demand, versions);
      }
      return;
    }
    Key key = new Key(demand.name(), best.get().version().major());
    Node node = nodes.computeIfAbsent(key, Node::new);
    node.demands.add(demand);
    Optional<DataProduct> agreed = versions.stream()
        .filter(product -> product.version().major() == key.major())
        .filter(product -> node.demands.stream().allMatch(each -> each.range().contains(product.version())))
        .max(Comparator.comparing(DataProduct::version));
    if (agreed.isEmpty()) {
      problems.error(demand.location(), "Cannot plan tenant %s: product %s is required as %s, and no version of it "
          + "satisfies all of them (available: %s). Align the version ranges.", tenant.id(), demand.name(),
          node.demands.stream().map(each -> each.range() + " (" + each.reason() + ")").collect(Collectors.joining(", ")),
          versionList(versions));
      return;
    }
    if (node.chosen != agreed.get()) {
      node.chosen = agreed.get();
      node.expanded = false;
      pending.add(node);
    }
  }

  private void close() {
    while (!pending.isEmpty()) {
      Node node = pending.poll();
      if (node.expanded || node.chosen == null) {
        continue;
      }
      node.expanded = true;
      DataProduct product = node.chosen;
      for (Input input : product.inputs()) {
        if (catalog.source(input.name()).isEmpty()) {
          demand(new Demand(input.name(), input.versions(), "input of " + product.label(), input.location(),
              false),
              !product.isCustom());
        }
      }
    }
  }

  private void reportUnresolved(Demand demand, List<DataProduct> versions) {
    if (!versions.isEmpty()) {
      problems.error(demand.location(), "Cannot plan tenant %s: no version of product %s satisfies %s (available: "
          + "%s). Change the range or add a matching version.", tenant.id(), demand.name(), demand.range(),
          versionList(versions));
    } else if (catalog.productVersions(demand.name()).isEmpty() && !catalog.declaredNames().contains(demand.name())) {
      List<String> managed = catalog.products().stream().filter(product -> !product.isCustom())
          .map(DataProduct::name).distinct().toList();
      problems.error(demand.location(), "Cannot plan tenant %s: unknown product '%s'.%s", tenant.id(), demand.name(),
          Suggestions.didYouMean(demand.name(), managed));
    } else if (!catalog.productVersions(demand.name()).isEmpty()) {
      problems.error(demand.location(), "Cannot plan tenant %s: product %s is a custom product of another tenant "
          + "and cannot be subscribed to.", tenant.id(), demand.name());
    }
  }

  private void checkCustomInputs(DataProduct custom, Map<Key, Node> received) {
    for (Input input : custom.inputs()) {
      boolean isSource = catalog.source(input.name()).isPresent();
      boolean isOwnCustom = catalog.customProducts(tenant.id()).stream()
          .anyMatch(product -> product.name().equals(input.name()));
      boolean isReceived = received.keySet().stream().anyMatch(key -> key.name().equals(input.name()));
      if (!isSource && !isOwnCustom && !isReceived && !catalog.productVersions(input.name()).isEmpty()) {
        problems.error(input.location(), "Cannot plan tenant %s: custom product %s requires %s, which it does not "
            + "subscribe to. Subscribe to %s (or a product that reads it), or remove the input.", tenant.id(),
            custom.name(), input.name(), input.name());
      }
    }
  }

  private Map<String, Tenant.Override> overrides() {
    Map<String, Tenant.Override> overrides = new HashMap<>();
    for (Tenant.Override override : tenant.overrides()) {
      Optional<Node> node = nodes.values().stream()
          .filter(candidate -> candidate.key.name().equals(override.product()) && candidate.chosen != null)
          .findFirst();
      if (node.isEmpty()) {
        problems.error(override.location(), "Tenant %s overrides product '%s', which it does not receive. Subscribe "
            + "to %s or a product that reads it, or remove the override.", tenant.id(), override.product(),
            override.product());
      } else if (node.get().chosen.isCustom()) {
        problems.error(override.location(), "Tenant %s overrides its own custom product '%s'. Change that product's "
            + "transform instead.", tenant.id(), override.product());
      } else {
        Node overridden = node.get();
        override.transform().eachSqlFile().forEach(file -> TransformCheck.check(overridden.chosen, file,
            "The override by tenant " + tenant.id(), problems));
        overrides.put(override.product(), override);
      }
    }
    return overrides;
  }

  private PlannedProduct planProduct(Node node, Tenant.Override override, Tenant.Subscription subscription) {
    DataProduct product = node.chosen;
    Transform chosenTransform = override == null ? product.transform() : override.transform();
    Tenant.EngineChoice engineChoice = tenant.engines().get(product.name());
    Transform transform = engineChoice == null ? chosenTransform : chosenTransform.onEngine(engineChoice.engine());
    PlannedProduct.Origin origin = product.isCustom() ? PlannedProduct.Origin.CUSTOM
        : override == null ? PlannedProduct.Origin.MANAGED : PlannedProduct.Origin.OVERRIDDEN;
    Map<String, ParameterValue> parameters = parameters(product, subscription);
    List<PlannedProduct.ResolvedInput> inputs = new ArrayList<>();
    for (Input input : product.inputs()) {
      Optional<Source> source = catalog.source(input.name());
      if (source.isPresent()) {
        inputs.add(new PlannedProduct.ResolvedInput(input.name(), true, source.get().version(),
            source.get().tableName()));
      } else {
        nodes.values().stream()
            .filter(candidate -> candidate.key.name().equals(input.name()) && candidate.chosen != null
                && input.versions().contains(candidate.chosen.version()))
            .findFirst()
            .ifPresent(upstream -> inputs.add(new PlannedProduct.ResolvedInput(input.name(), false,
                upstream.chosen.version(), upstream.chosen.tableName())));
      }
    }
    // Direct reasons (subscribed, custom) first, then the products that read it.
    List<String> reasons = node.demands.stream().map(Demand::reason).distinct()
        .sorted(Comparator.comparing((String reason) -> reason.startsWith("input of")).thenComparing(reason -> reason))
        .collect(Collectors.toCollection(ArrayList::new));
    if (override != null) {
      reasons.add("transform overridden by tenant" + (override.reason().isBlank() ? "" : ": " + override.reason()));
    }
    if (engineChoice != null && engineChoice.engine() != chosenTransform.engine()) {
      reasons.add("runs on " + engineChoice.engine() + " for this tenant");
    }
    Optional<Schedule> schedule = subscription != null && subscription.schedule().isPresent()
        ? subscription.schedule()
        : product.sla().schedule();
    return new PlannedProduct(product, origin, transform, parameters, inputs, schedule,
        Fingerprint.of(product, transform, parameters, inputs), reasons);
  }

  private Map<String, ParameterValue> parameters(DataProduct product, Tenant.Subscription subscription) {
    Map<String, ParameterValue> values = new TreeMap<>();
    product.parameters().forEach(parameter -> values.put(parameter.name(), parameter.defaultValue()));
    if (subscription == null) {
      return values;
    }
    for (Tenant.Assignment assignment : subscription.parameters()) {
      Optional<Parameter> parameter = product.parameter(assignment.name());
      if (parameter.isEmpty()) {
        List<String> names = product.parameters().stream().map(Parameter::name).toList();
        problems.error(assignment.location(), "Product %s has no parameter '%s'.%s%s", product.label(),
            assignment.name(), Suggestions.didYouMean(assignment.name(), names),
            names.isEmpty() ? " It takes no parameters." : " Its parameters are " + String.join(", ", names) + ".");
        continue;
      }
      ParameterValues.Typed typed = ParameterValues.type(parameter.get().type(), assignment.value());
      if (typed.value().isEmpty()) {
        problems.error(assignment.value().location(), "Parameter '%s' of %s %s.", assignment.name(), product.label(),
            typed.problem());
        continue;
      }
      Optional<String> bounds = ParameterValues.boundsProblem(parameter.get(), typed.value().get());
      if (bounds.isPresent()) {
        problems.error(assignment.value().location(), "Parameter '%s' of %s %s.", assignment.name(),
            product.label(), bounds.get());
        continue;
      }
      values.put(assignment.name(), typed.value().get());
    }
    return values;
  }

  private List<Source> sources(java.util.Collection<PlannedProduct> planned) {
    return planned.stream().flatMap(product -> product.inputs().stream())
        .filter(PlannedProduct.ResolvedInput::isSource)
        .map(input -> catalog.source(input.name()).orElseThrow())
        .distinct()
        .sorted(Comparator.comparing(Source::name))
        .toList();
  }

  private static String versionList(List<DataProduct> versions) {
    return versions.stream().map(DataProduct::version).sorted().map(SemanticVersion::toString)
        .collect(Collectors.joining(", "));
  }
}
