package io.meshwork.model.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Collects every problem of one run so that all of them are reported together. */
public final class Problems {

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public void error(Location location, String message) {
    diagnostics.add(new Diagnostic(location, message));
  }

  public void error(Location location, String format, Object... arguments) {
    error(location, String.format(format, arguments));
  }

  public boolean isEmpty() {
    return diagnostics.isEmpty();
  }

  public int size() {
    return diagnostics.size();
  }

  /** The problems sorted by file and position, each reported once. */
  public List<Diagnostic> sorted() {
    return List.copyOf(new TreeSet<>(diagnostics));
  }

  /** Throws {@link InvalidDefinitionException} if any problem was recorded. */
  public void throwIfAny() {
    if (!diagnostics.isEmpty()) {
      throw new InvalidDefinitionException(sorted());
    }
  }
}
