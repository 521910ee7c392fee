package io.meshwork.model.definition;

import java.util.Objects;
import java.util.Optional;

/**
 * What a product's transform asks of the function that runs it, in MiB: memory, and {@code /tmp} for its staged
 * inputs, output files and spill. Empty where the product does not say, so the plan sizes it from its inputs.
 */
public record Resources(Optional<Integer> memoryMiB, Optional<Integer> tmpMiB) {

  /** Lambda's least and most memory. */
  public static final int MIN_MEMORY_MIB = 128;
  public static final int MAX_MEMORY_MIB = 10_240;
  /** Lambda's least and most ephemeral storage. */
  public static final int MIN_TMP_MIB = 512;
  public static final int MAX_TMP_MIB = 10_240;

  /** No hint: sized from the inputs alone. */
  public static final Resources NONE = new Resources(Optional.empty(), Optional.empty());

  public Resources {
    Objects.requireNonNull(memoryMiB, "memoryMiB");
    Objects.requireNonNull(tmpMiB, "tmpMiB");
    memoryMiB.ifPresent(memory -> {
      if (memory < MIN_MEMORY_MIB || memory > MAX_MEMORY_MIB) {
        throw new IllegalArgumentException("memory " + memory + " MiB is outside " + MIN_MEMORY_MIB + " to "
            + MAX_MEMORY_MIB + " MiB.");
      }
    });
    tmpMiB.ifPresent(tmp -> {
      if (tmp < MIN_TMP_MIB || tmp > MAX_TMP_MIB) {
        throw new IllegalArgumentException("tmp " + tmp + " MiB is outside " + MIN_TMP_MIB + " to " + MAX_TMP_MIB
            + " MiB.");
      }
    });
  }
}
