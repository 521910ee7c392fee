package io.meshwork.engine.pipeline;

import io.meshwork.engine.compute.SessionBoundException;

/** How a product's owner raises a bound that stopped its SQL. */
final class BoundHints {

  private BoundHints() {
  }

  static String compute(SessionBoundException.Bound bound) {
    return switch (bound) {
      case TIMEOUT -> "Raise 'timeout' under 'transform' in the product definition (an ISO-8601 duration up to "
          + "PT12H), or make the SQL cheaper.";
      case SPILL -> "Give the engine more disk for spilling (MESHWORK_DUCKDB_SPILL for mesh), or make the SQL cheaper.";
      case MEMORY -> "Give the engine more memory (MESHWORK_DUCKDB_MEMORY, or a larger function), or make the SQL "
          + "cheaper.";
    };
  }
}
