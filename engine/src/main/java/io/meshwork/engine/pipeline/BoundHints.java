package io.meshwork.engine.pipeline;

import io.meshwork.engine.compute.SessionBoundException;

/** How a product's owner raises a bound that stopped its SQL. */
final class BoundHints {

  private BoundHints() {
  }

  static String hint(SessionBoundException.Bound bound) {
    return switch (bound) {
      case TIMEOUT -> "Raise 'timeout' under 'transform' in the product definition (an ISO-8601 duration up to "
          + "PT12H), or make the SQL cheaper.";
      case SPILL -> "It does not fit on this Compute's disk for spilling: give it more (MESHWORK_DUCKDB_SPILL for mesh, "
          + "a Compute with more ephemeral storage on AWS), run the product on the Athena engine ('engine: athena' "
          + "under its transform, or the tenant's 'engines'), or make the SQL cheaper.";
      case MEMORY -> "It does not fit in this Compute's memory even when spilling to disk: give it more (mesh run "
          + "--memory SIZE, a larger Compute on AWS), run the product on the Athena engine ('engine: athena' under its "
          + "transform, or the tenant's 'engines'), or make the SQL cheaper.";
    };
  }
}
