package io.meshwork.model.plan;

import io.meshwork.model.definition.Engine;
import io.meshwork.model.definition.Resources;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Chooses where a product's transform runs on AWS from what its definition declares and how large its inputs
 * measure. DuckDB stages every input file in /tmp and writes its output and spill there too, so a product needs
 * /tmp of twice its inputs' bytes (a declared {@code tmp} raises that, never lowers it). It runs in the SnapStart
 * Compute when that fits (SnapStart caps /tmp at 512 MiB), in the large Compute without SnapStart when that fits,
 * and otherwise cannot run on DuckDB: the message says how to move it to Athena. Products on Athena run there
 * whatever their size.
 */
public final class ComputeSizing {

  /** The SnapStart Compute's memory: about 1.7 vCPU. */
  public static final int STANDARD_MEMORY_MIB = 3008;
  /** SnapStart's most /tmp. */
  public static final int STANDARD_TMP_MIB = 512;
  /** The large Compute: Lambda's most memory and /tmp. */
  public static final int LARGE_MEMORY_MIB = Resources.MAX_MEMORY_MIB;
  public static final int LARGE_TMP_MIB = Resources.MAX_TMP_MIB;
  /** /tmp needed per byte of staged input: the inputs, then as much again for output files and spill. */
  static final int TMP_PER_INPUT_BYTE = 2;

  private static final long MIB = 1024L * 1024;

  private ComputeSizing() {
  }

  /** Where {@code product} runs, given the summed bytes of its inputs' current snapshots if they are known. */
  public static ComputeSize size(PlannedProduct product, OptionalLong measuredInputBytes) {
    return size(product.name(), product.engine(), product.transform().resources(), measuredInputBytes);
  }

  /**
   * Where product {@code name} on {@code engine} runs, given its {@code declared} resources and the summed bytes of
   * its inputs' current snapshots if they are known (empty: never published, or not measurable here).
   */
  public static ComputeSize size(String name, Engine engine, Resources declared, OptionalLong measuredInputBytes) {
    if (engine == Engine.ATHENA) {
      return new ComputeSize(ComputeClass.ATHENA, 0, 0, "engine athena: Athena runs the query, no function holds"
          + " its data");
    }
    long measuredTmp = measuredInputBytes.isPresent()
        ? ceilMiB(measuredInputBytes.getAsLong() * TMP_PER_INPUT_BYTE)
        : 0;
    long tmp = Math.max(measuredTmp, declared.tmpMiB().orElse(0));
    int memory = declared.memoryMiB().orElse(0);
    String needs = needs(declared, measuredInputBytes, measuredTmp);
    if (tmp <= STANDARD_TMP_MIB && memory <= STANDARD_MEMORY_MIB) {
      return new ComputeSize(ComputeClass.STANDARD, STANDARD_MEMORY_MIB, STANDARD_TMP_MIB, needs + ": fits the"
          + " SnapStart Compute (" + STANDARD_MEMORY_MIB + " MiB memory, " + STANDARD_TMP_MIB + " MiB /tmp)");
    }
    if (tmp <= LARGE_TMP_MIB && memory <= LARGE_MEMORY_MIB) {
      return new ComputeSize(ComputeClass.LARGE, LARGE_MEMORY_MIB, LARGE_TMP_MIB, needs + ": beyond the SnapStart"
          + " Compute (" + STANDARD_MEMORY_MIB + " MiB memory, " + STANDARD_TMP_MIB + " MiB /tmp), runs in the large"
          + " Compute without SnapStart (" + LARGE_MEMORY_MIB + " MiB memory, " + LARGE_TMP_MIB + " MiB /tmp)");
    }
    return new ComputeSize(ComputeClass.TOO_LARGE, 0, 0, needs + ": beyond the largest Compute (" + LARGE_MEMORY_MIB
        + " MiB memory, " + LARGE_TMP_MIB + " MiB /tmp), so " + name + " cannot run on duckdb. Run it on athena:"
        + " 'engine: athena' in its transform, or 'engines: {" + name + ": athena}' in the tenant file");
  }

  /** What the product needs, in words: its measured inputs and declared resources. */
  private static String needs(Resources declared, OptionalLong measuredInputBytes, long measuredTmp) {
    StringBuilder text = new StringBuilder();
    if (measuredInputBytes.isPresent()) {
      text.append("inputs measure ").append(bytes(measuredInputBytes.getAsLong())).append(", needing ")
          .append(measuredTmp).append(" MiB of /tmp");
    } else {
      text.append("inputs not measured");
    }
    declared.memoryMiB().ifPresent(memory -> text.append("; declared memory ").append(memory).append(" MiB"));
    declared.tmpMiB().ifPresent(tmp -> text.append("; declared tmp ").append(tmp).append(" MiB"));
    return text.toString();
  }

  private static long ceilMiB(long bytes) {
    return (bytes + MIB - 1) / MIB;
  }

  /** {@code bytes} in the largest binary unit that keeps it at least 1, with one decimal. */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
