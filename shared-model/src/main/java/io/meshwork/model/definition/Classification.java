package io.meshwork.model.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How sensitive a column is, from least to most restrictive (the order is the enum order). */
public enum Classification {
  PUBLIC, INTERNAL, CONFIDENTIAL, PII;

  public static final List<String> LABELS = Arrays.stream(values()).map(Classification::label).toList();

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Classification> parse(String text) {
    return Arrays.stream(values()).filter(value -> value.label().equals(text)).findFirst();
  }

  /** True if this classification guards data more strictly than {@code other}. */
  public boolean isMoreRestrictiveThan(Classification other) {
    return compareTo(other) > 0;
  }
}
