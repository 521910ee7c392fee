package io.meshwork.engine.storage;

import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.Location;

/** Columns of Meshwork's own tables in the reserved domain {@code meshwork} (quality results, usage). */
public final class BuiltInColumns {

  private BuiltInColumns() {
  }

  /** An internal column of the built-in table {@code location} names, e.g. {@code meshwork:usage}. */
  public static Column column(Location location, String name, String type, boolean required, String description) {
    return new Column(name, ColumnType.parse(type).orElseThrow(), required, description, Classification.INTERNAL,
        location);
  }
}
