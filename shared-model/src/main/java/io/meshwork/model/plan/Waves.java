package io.meshwork.model.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Orders planned products into waves: each product runs in the wave after the last of its inputs. */
final class Waves {

  private Waves() {
  }

  static List<List<PlannedProduct>> of(Collection<PlannedProduct> products) {
    Map<String, PlannedProduct> byTable = new HashMap<>();
    products.forEach(product -> byTable.put(product.tableName().toString(), product));
    Map<String, Integer> depth = new HashMap<>();
    List<List<PlannedProduct>> waves = new ArrayList<>();
    for (PlannedProduct product : products) {
      int wave = depth(product, byTable, depth, 0);
      while (waves.size() <= wave) {
        waves.add(new ArrayList<>());
      }
      waves.get(wave).add(product);
    }
    waves.forEach(wave -> wave.sort(Comparator.comparing(PlannedProduct::name)));
    return waves;
  }

  private static int depth(PlannedProduct product, Map<String, PlannedProduct> byTable, Map<String, Integer> depth,
      int guard) {
    String table = product.tableName().toString();
    Integer known = depth.get(table);
    if (known != null) {
      return known;
    }
    if (guard > byTable.size()) {
      throw new IllegalStateException("Cycle through " + table + ": catalogues with cycles are rejected before planning");
    }
    int wave = 0;
    for (PlannedProduct.ResolvedInput input : product.inputs()) {
      PlannedProduct upstream = input.isSource() ? null : byTable.get(input.tableName().toString());
      if (upstream != null) {
        wave = Math.max(wave, depth(upstream, byTable, depth, guard + 1) + 1);
      }
    }
    depth.put(table, wave);
    return wave;
  }
}
