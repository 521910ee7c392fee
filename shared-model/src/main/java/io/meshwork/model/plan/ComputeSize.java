package io.meshwork.model.plan;

import java.util.Objects;

/**
 * The function a product runs in, with its memory and /tmp in MiB (both 0 on Athena and when nothing fits), and why
 * the plan chose it.
 */
public record ComputeSize(ComputeClass computeClass, int memoryMiB, int tmpMiB, String reason) {

  public ComputeSize {
    Objects.requireNonNull(computeClass, "computeClass");
    Objects.requireNonNull(reason, "reason");
    if (memoryMiB < 0 || tmpMiB < 0) {
      throw new IllegalArgumentException("memory " + memoryMiB + " and tmp " + tmpMiB + " MiB must not be negative.");
    }
  }

  /** True unless the product cannot run where its engine puts it. */
  public boolean fits() {
    return computeClass != ComputeClass.TOO_LARGE;
  }
}
