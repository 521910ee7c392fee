package io.meshwork.model.compatibility;

import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.ColumnType.Kind;

/**
 * The type changes a reader and an Iceberg table both follow in place: Iceberg's type promotions int to long, float
 * to double, and a decimal's precision raised at the same scale. Every other type change, narrowing included, is
 * breaking: the table cannot evolve to it, or readers would receive values they cannot hold.
 */
public final class TypeWidening {

  private TypeWidening() {
  }

  public static boolean isWidening(ColumnType from, ColumnType to) {
    if (from.kind() == Kind.INT && to.kind() == Kind.LONG || from.kind() == Kind.FLOAT && to.kind() == Kind.DOUBLE) {
      return true;
    }
    return from.kind() == Kind.DECIMAL && to.kind() == Kind.DECIMAL && to.scale() == from.scale()
        && to.precision() > from.precision();
  }
}
