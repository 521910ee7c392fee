package io.meshwork.engine.compute;

import java.util.Objects;

/**
 * What a query session shows of one table instead of all of it: a select list over the table's columns and a row
 * condition. Built by Meshwork from a compiled access policy (quoted contract column names and canonical,
 * grammar-checked row filters), never from a user's text; the table's files stay unreachable except through it.
 */
public record ViewRestriction(String selectList, String rowCondition) {

  public ViewRestriction {
    Objects.requireNonNull(selectList, "selectList");
    Objects.requireNonNull(rowCondition, "rowCondition");
    if (selectList.isBlank() || rowCondition.isBlank()) {
      throw new IllegalArgumentException("A view restriction needs a select list and a row condition");
    }
  }
}
