package io.meshwork.model.validate;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Input;
import io.meshwork.model.definition.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds dependency cycles between product versions and reports each one with its path. */
final class Cycles {

  private final Catalog catalog;
  private final Map<DataProduct, Integer> state = new HashMap<>();
  private final List<DataProduct> path = new ArrayList<>();
  private final Set<String> reported = new HashSet<>();
  private final Problems problems;

  private Cycles(Catalog catalog, Problems problems) {
    this.catalog = catalog;
    this.problems = problems;
  }

  /** Reports every cycle; returns true if there is none. */
  static boolean report(Catalog catalog, Problems problems) {
    Cycles cycles = new Cycles(catalog, problems);
    catalog.products().forEach(cycles::visit);
    return cycles.reported.isEmpty();
  }

  private void visit(DataProduct product) {
    Integer current = state.get(product);
    if (current != null && current == 2) {
      return;
    }
    if (current != null) {
      List<DataProduct> cycle = new ArrayList<>(path.subList(path.indexOf(product), path.size()));
      DataProduct first = cycle.stream().min((a, b) -> a.location().compareTo(b.location())).orElseThrow();
      int start = cycle.indexOf(first);
      List<String> names = new ArrayList<>();
      for (int i = 0; i <= cycle.size(); i++) {
        names.add(cycle.get((start + i) % cycle.size()).name());
      }
      String text = String.join(" -> ", names);
      if (reported.add(text)) {
        DataProduct next = cycle.get((start + 1) % cycle.size());
        Input edge = first.inputs().stream().filter(input -> input.name().equals(next.name())).findFirst()
            .orElseThrow();
        problems.error(edge.location(), "Dependency cycle: %s. A product cannot depend on itself, directly or "
            + "indirectly; remove one of these inputs.", text);
      }
      return;
    }
    state.put(product, 1);
    path.add(product);
    for (Input input : product.inputs()) {
      resolve(input).ifPresent(this::visit);
    }
    path.remove(path.size() - 1);
    state.put(product, 2);
  }

  private Optional<DataProduct> resolve(Input input) {
    return catalog.product(input.name(), input.versions());
  }
}
