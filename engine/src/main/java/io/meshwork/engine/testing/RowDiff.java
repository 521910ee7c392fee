package io.meshwork.engine.testing;

import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.testing.TestValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Compares expected and produced rows as multisets over the compared columns: each expected row takes one equal
 * produced row. Decimal, float and double values are equal within the tolerance; exact matches are paired first, so
 * a tolerance never steals a row that another expected row matches exactly.
 */
final class RowDiff {

  private final List<String> columns;
  private final BigDecimal tolerance;

  /** The rows left unpaired on each side, displayed; missing in fixture order, unexpected sorted by value. */
  record Outcome(List<String> missing, List<String> unexpected) {
  }

  RowDiff(List<String> columns, BigDecimal tolerance) {
    this.columns = List.copyOf(columns);
    this.tolerance = tolerance;
  }

  Outcome compare(List<List<TestValue>> expected, List<List<TestValue>> produced) {
    boolean[] expectedPaired = new boolean[expected.size()];
    boolean[] producedPaired = new boolean[produced.size()];
    pair(expected, produced, expectedPaired, producedPaired, BigDecimal.ZERO);
    if (tolerance.signum() > 0) {
      pair(expected, produced, expectedPaired, producedPaired, tolerance);
    }
    List<String> missing = IntStream.range(0, expected.size()).filter(i -> !expectedPaired[i])
        .mapToObj(i -> display(expected.get(i))).toList();
    List<String> unexpected = IntStream.range(0, produced.size()).filter(i -> !producedPaired[i])
        .mapToObj(produced::get).sorted(RowDiff::compareRows).map(this::display).toList();
    return new Outcome(missing, unexpected);
  }

  private static void pair(List<List<TestValue>> expected, List<List<TestValue>> produced, boolean[] expectedPaired,
      boolean[] producedPaired, BigDecimal within) {
    for (int i = 0; i < expected.size(); i++) {
      if (expectedPaired[i]) {
        continue;
      }
      for (int j = 0; j < produced.size(); j++) {
        if (!producedPaired[j] && equal(expected.get(i), produced.get(j), within)) {
          expectedPaired[i] = true;
          producedPaired[j] = true;
          break;
        }
      }
    }
  }

  private static boolean equal(List<TestValue> expected, List<TestValue> produced, BigDecimal within) {
    for (int k = 0; k < expected.size(); k++) {
      if (!equal(expected.get(k), produced.get(k), within)) {
        return false;
      }
    }
    return true;
  }

  private static boolean equal(TestValue expected, TestValue produced, BigDecimal within) {
    if (expected.isNull() || produced.isNull()) {
      return expected.isNull() && produced.isNull();
    }
    if (!isApproximate(expected.type())) {
      return expected.value().equals(produced.value());
    }
    if (expected.value() instanceof Double first && produced.value() instanceof Double second
        && (!Double.isFinite(first) || !Double.isFinite(second))) {
      return first.equals(second);
    }
    return decimal(expected).subtract(decimal(produced)).abs().compareTo(within) <= 0;
  }

  private static boolean isApproximate(ColumnType type) {
    return switch (type.kind()) {
      case DECIMAL, FLOAT, DOUBLE -> true;
      default -> false;
    };
  }

  private static BigDecimal decimal(TestValue value) {
    return value.value() instanceof BigDecimal decimal ? decimal : new BigDecimal(value.value().toString());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareRows(List<TestValue> first, List<TestValue> second) {
    for (int k = 0; k < first.size(); k++) {
      TestValue a = first.get(k);
      TestValue b = second.get(k);
      int order = a.isNull() || b.isNull()
          ? Boolean.compare(!a.isNull(), !b.isNull())
          : ((Comparable) a.value()).compareTo(b.value());
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  String display(List<TestValue> row) {
    return IntStream.range(0, columns.size()).mapToObj(k -> columns.get(k) + "=" + row.get(k).display())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
