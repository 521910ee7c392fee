package io.meshwork.model.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a product's transform runs: DuckDB inside the Compute function (the default), or Athena (Trino) for
 * products too large for one function. Both publish through the same write-audit-publish.
 */
public enum Engine {
  DUCKDB,
  ATHENA;

  /** The engine's name in definitions, plans and reports, e.g. {@code athena}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every engine's id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Engine::id).toList();
  }

  /** The engine named {@code id} exactly as definitions write it, if there is one. */
  public static Optional<Engine> fromId(String id) {
    return Arrays.stream(values()).filter(engine -> engine.id().equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id();
  }
}
