package io.meshwork.cli.catalog;

import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.plan.PlannedProduct;
import java.util.List;
import java.util.Optional;

/**
 * One product as a page shows it: the version described, as planned for the tenant (tenant view only), its
 * lineage neighbours and the downloads of its ODCS contract and ODPS descriptor.
 */
record ProductView(DataProduct product, Optional<PlannedProduct> planned, List<LineageGraph.Node> inputs,
    List<LineageGraph.Node> consumers, List<Download> downloads) {

  ProductView {
    inputs = List.copyOf(inputs);
    consumers = List.copyOf(consumers);
    downloads = List.copyOf(downloads);
  }

  /** A downloadable document: the link text and its path below the site root. */
  record Download(String label, String path) {
  }
}
