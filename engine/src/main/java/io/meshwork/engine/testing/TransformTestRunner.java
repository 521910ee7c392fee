package io.meshwork.engine.testing;

import io.meshwork.engine.compute.Messages;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.GuardedQuery;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.ParameterValue;
import io.meshwork.model.sql.SqlTemplate;
import io.meshwork.model.testing.TestInput;
import io.meshwork.model.testing.TestValue;
import io.meshwork.model.testing.TransformTestCase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one transform test: a fresh in-memory DuckDB, locked down as for a refresh (no file access beyond a scratch
 * directory, no extensions, configuration locked), a table per input holding the fixture's rows, then the product's
 * own SQL with its default parameters overridden by the test's, checked against the contract's columns and compared
 * with the expected rows.
 */
public final class TransformTestRunner {

  /** Fixtures are tiny: one thread keeps results deterministic and sessions cheap. */
  private static final DuckDbSession.Limits LIMITS = new DuckDbSession.Limits(1, "256MB");

  private final Path workDirectory;

  /** {@code workDirectory} is the only directory DuckDB may use (for spilling, which tiny fixtures never need). */
  public TransformTestRunner(Path workDirectory) {
    this.workDirectory = workDirectory;
  }

  public TransformTestResult run(DataProduct product, TransformTestCase testCase) {
    if (!product.name().equals(testCase.product()) || !product.version().equals(testCase.version())) {
      throw new IllegalArgumentException("Test " + testCase.label() + " belongs to " + testCase.product() + " "
          + testCase.version() + ", not to " + product.label());
    }
    long started = System.nanoTime();
    try (DuckDbSession session = DuckDbSession.open(workDirectory, List.of(), LIMITS)) {
      for (TestInput input : testCase.inputs()) {
        session.execute(FixtureTables.create(input));
        if (!input.rows().isEmpty()) {
          session.execute(FixtureTables.insert(input));
        }
      }
      GuardedQuery sql = session.guard(SqlTemplate.render(product.transform().sql(), parameters(product, testCase)));
      String columnProblem = columnProblem(session, sql, product);
      if (!columnProblem.isEmpty()) {
        return TransformTestResult.error(testCase, columnProblem, since(started));
      }
      List<String> compared = testCase.expected().columns();
      List<List<TestValue>> produced = produced(session, sql, product, compared);
      List<List<TestValue>> expected = testCase.expected().rows().stream()
          .map(row -> List.copyOf(row.values().values())).toList();
      RowDiff.Outcome outcome = new RowDiff(compared, testCase.expected().tolerance()).compare(expected, produced);
      return TransformTestResult.compared(testCase, expected.size(), produced.size(), outcome.missing(),
          outcome.unexpected(), since(started));
    } catch (SQLException e) {
      return TransformTestResult.error(testCase, "The transform of " + product.label() + " ("
          + product.transform().sqlFile() + ") failed: " + Messages.firstLine(e), since(started));
    }
  }

  /** The product's defaults, overridden by the test's values. */
  private static Map<String, ParameterValue> parameters(DataProduct product, TransformTestCase testCase) {
    Map<String, ParameterValue> values = new TreeMap<>();
    product.parameters().forEach(parameter -> values.put(parameter.name(), parameter.defaultValue()));
    values.putAll(testCase.parameters());
    return values;
  }

  /** Empty if the result has exactly the contract's columns and types, as a refresh requires; why not otherwise. */
  private static String columnProblem(DuckDbSession session, GuardedQuery sql, DataProduct product)
      throws SQLException {
    List<String> actual = session.describe(sql);
    List<String> expected = product.contract().columns().stream()
        .map(column -> column.name() + " " + FixtureTables.duckDbType(column.type())).toList();
    if (actual.equals(expected)) {
      return "";
    }
    return "The transform of " + product.label() + " returns columns [" + String.join(", ", actual) + "], but its "
        + "contract declares [" + String.join(", ", expected) + "]. Select exactly the contract's columns, in order, "
        + "with CAST(... AS type) where the type differs.";
  }

  private static List<List<TestValue>> produced(DuckDbSession session, GuardedQuery sql, DataProduct product,
      List<String> compared) throws SQLException {
    List<Column> columns = compared.stream().map(name -> product.contract().column(name).orElseThrow()).toList();
    List<Integer> positions = compared.stream().map(name -> product.contract().columnNames().indexOf(name) + 1)
        .toList();
    List<List<TestValue>> rows = new ArrayList<>();
    session.stream(sql, result -> {
      while (result.next()) {
        List<TestValue> row = new ArrayList<>(columns.size());
        for (int k = 0; k < columns.size(); k++) {
          row.add(value(columns.get(k).type(), result.getObject(positions.get(k))));
        }
        rows.add(row);
      }
    });
    return rows;
  }

  /** A JDBC value as the test value of its contract type (the column check made sure the types agree). */
  static TestValue value(ColumnType type, Object value) {
    if (value == null) {
      return TestValue.nullOf(type);
    }
    Object typed = switch (type.kind()) {
      case BOOLEAN -> (Boolean) value;
      case INT, LONG -> ((Number) value).longValue();
      case FLOAT, DOUBLE -> Double.valueOf(value.toString());
      case DECIMAL -> ((BigDecimal) value).setScale(type.scale(), RoundingMode.HALF_UP);
      case DATE -> value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
      case TIMESTAMP -> value instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) value;
      case TIMESTAMPTZ -> value instanceof Timestamp timestamp ? timestamp.toInstant()
          : ((OffsetDateTime) value).toInstant();
      case STRING -> value.toString();
    };
    return new TestValue(type, typed);
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
