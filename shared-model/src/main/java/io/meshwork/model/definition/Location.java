package io.meshwork.model.definition;

import java.util.Comparator;
import java.util.Objects;

/** A position in a definition file, 1-based, used to point every error at what caused it. */
public record Location(String file, int line, int column) implements Comparable<Location> {

  private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
      .thenComparingInt(Location::line)
      .thenComparingInt(Location::column);

  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("Invalid location " + file + ":" + line + ":" + column);
    }
  }

  /** A whole file, where no finer position applies. */
  public static Location of(String file) {
    return new Location(file, 0, 0);
  }

  /** This location with its file named below {@code root}, unless it is the root itself. */
  public Location under(String root) {
    return file.equals(root) ? this : new Location(root + "/" + file, line, column);
  }

  @Override
  public int compareTo(Location other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + ":" + column;
  }
}
