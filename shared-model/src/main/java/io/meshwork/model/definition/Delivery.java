package io.meshwork.model.definition;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a tenant delivers a source: the accepted file formats, how CSV files are written, and whether each delivery
 * is the whole table ({@link Mode#REPLACE}) or adds rows ({@link Mode#APPEND}). For appends, {@code key} names the
 * columns whose values identify a delivered slice (e.g. a claims month): re-delivering a slice replaces its rows.
 */
public record Delivery(Mode mode, List<String> key, Set<Format> formats, CsvFormat csv) {

  /** What a source accepts when its definition says nothing: whole-table CSV or Parquet deliveries. */
  public static final Delivery DEFAULT = new Delivery(Mode.REPLACE, List.of(), Set.of(Format.CSV, Format.PARQUET),
      CsvFormat.DEFAULT);

  public Delivery {
    Objects.requireNonNull(mode, "mode");
    key = List.copyOf(key);
    formats = Set.copyOf(formats);
    Objects.requireNonNull(csv, "csv");
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("A delivery accepts at least one format");
    }
    if (mode == Mode.REPLACE && !key.isEmpty()) {
      throw new IllegalArgumentException("A delivery key applies to append deliveries only, not to " + mode);
    }
  }

  public boolean accepts(Format format) {
    return formats.contains(format);
  }

  /** How one delivery relates to the table's content. */
  public enum Mode {
    REPLACE, APPEND;

    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The file formats a delivery may come in. */
  public enum Format {
    CSV, PARQUET;

    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
