package io.meshwork.engine.pipeline;

import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.usage.SnapshotSizes;
import io.meshwork.model.plan.ComputeSize;
import io.meshwork.model.plan.ComputeSizing;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * How many bytes a product's transform will stage: the data files of its inputs' {@code main}, read from each
 * table's current snapshot summary (no file is opened), for {@link ComputeSizing}.
 */
public final class InputBytes {

  private InputBytes() {
  }

  /** The summed bytes of {@code product}'s inputs on {@code main}; empty when none of them was published yet. */
  public static OptionalLong of(Catalog catalog, PlannedProduct product) {
    long bytes = 0;
    boolean measured = false;
    for (PlannedProduct.ResolvedInput input : product.inputs()) {
      TableIdentifier identifier = ProductTables.identifier(input.tableName());
      if (!catalog.tableExists(identifier)) {
        continue;
      }
      Table table = catalog.loadTable(identifier);
      Snapshot main = table.currentSnapshot();
      if (main != null) {
        bytes += SnapshotSizes.bytes(main);
        measured = true;
      }
    }
    return measured ? OptionalLong.of(bytes) : OptionalLong.empty();
  }

  /** Each planned product's size, in plan order, with its inputs measured in {@code catalog}. */
  public static Map<String, ComputeSize> sizes(Catalog catalog, TenantPlan plan) {
    Map<String, ComputeSize> sizes = new LinkedHashMap<>();
    plan.products().forEach(product -> sizes.put(product.name(), ComputeSizing.size(product, of(catalog, product))));
    return sizes;
  }

  /** Each planned product's size from its declared resources alone, where no catalog can be read. */
  public static Map<String, ComputeSize> declared(TenantPlan plan) {
    Map<String, ComputeSize> sizes = new LinkedHashMap<>();
    plan.products().forEach(product -> sizes.put(product.name(), ComputeSizing.size(product, OptionalLong.empty())));
    return sizes;
  }
}
