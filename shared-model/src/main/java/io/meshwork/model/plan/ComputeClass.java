package io.meshwork.model.plan;

import java.util.Locale;

/**
 * Which function (or engine) runs a product's transform on AWS. The state machine routes on {@link #id()}.
 */
public enum ComputeClass {
  /** The Compute function with SnapStart: {@value ComputeSizing#STANDARD_MEMORY_MIB} MiB, 512 MiB of /tmp. */
  STANDARD,
  /** The large Compute function without SnapStart: 10,240 MiB of memory and of /tmp. */
  LARGE,
  /** Athena: the product's engine is {@code athena}, no function holds its data. */
  ATHENA,
  /** A DuckDB product whose needs exceed the large Compute: it cannot run until it moves to Athena. */
  TOO_LARGE;

  /** The class's name in plans and the state machine, e.g. {@code too-large}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public String toString() {
    return id();
  }
}
