package io.meshwork.engine.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.engine.compute.FloatingPointLineage.Origin;
import io.meshwork.engine.compute.FloatingPointLineage.ResultColumn;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Warns where a decimal contract column is computed in floating point: DuckDB evaluates decimal {@code /} and
 * {@code avg} in DOUBLE, so such a column can round half units differently than an exact engine (Athena, Trino)
 * would. A warning names the file and line where floating point enters, the product, the column and what to write
 * instead; it does not make the definitions invalid.
 */
final class FloatingPointWarnings {

  static final String INSTEAD = "Keep it exact in integer units (cents, 0.0001): n / d rounded half up is "
      + "(2 * n + d) // (2 * d) for integers n >= 0 and d > 0, then * 0.01 for cents; a sum divided by a count "
      + "instead of avg.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private FloatingPointWarnings() {
  }

  /**
   * Adds a warning to {@code warnings} for each decimal column of {@code columns} (the query's result columns, in
   * order) that floating-point arithmetic feeds. {@code template} is the file's text the query was rendered from.
   */
  static void check(DuckDbSession session, GuardedQuery query, String file, String template, String whose,
      List<Column> columns, Problems warnings) {
    JsonNode plan;
    try {
      plan = JSON.readTree(session.plan(query));
    } catch (SQLException e) {
      return; // a plan DuckDB cannot serialize is not followed: binding has already accepted the query
    } catch (IOException e) {
      throw new IllegalStateException("DuckDB returned a plan that is not JSON: " + e.getMessage(), e);
    }
    if (plan.path("error").asBoolean(true)) {
      return; // binding reports why the query does not bind
    }
    List<ResultColumn> lineage = FloatingPointLineage.of(plan, columns.size());
    SourcePositions positions = new SourcePositions(template, query.text());
    for (int index = 0; index < columns.size(); index++) {
      Column column = columns.get(index);
      ResultColumn result = lineage.get(index);
      if (column.type().kind() != ColumnType.Kind.DECIMAL || result.origins().isEmpty()) {
        continue;
      }
      List<Origin> origins = result.origins().stream()
          .sorted(Comparator.comparingLong((Origin origin) -> origin.offset() < 0 ? Long.MAX_VALUE : origin.offset())
              .thenComparing(Origin::what))
          .toList();
      // Aggregates and input columns carry no position in DuckDB's plan: then the column's own expression is named.
      long offset = origins.get(0).offset() >= 0 ? origins.get(0).offset() : result.offset();
      Location location = offset < 0 ? new Location(file, 1, 1)
          : new Location(file, positions.line(offset), positions.column(offset));
      String where = origins.stream()
          .map(origin -> origin.offset() < 0 ? origin.what() : origin.what() + " at line "
              + positions.line(origin.offset()))
          .distinct().collect(Collectors.joining(", "));
      warnings.error(location, "%s computes the %s column %s in floating point: %s. DuckDB may then round half "
          + "units differently than an exact engine such as Athena. %s", whose, column.type(), column.name(), where,
          INSTEAD);
    }
  }

  /** Maps character offsets in the rendered query back to lines and columns of the file it came from. */
  private static final class SourcePositions {

    private final String[] fileLines;
    private final String rendered;
    private final int leadingLines;

    SourcePositions(String template, String rendered) {
      this.fileLines = template.split("\n", -1);
      this.rendered = rendered;
      String leading = template.substring(0, template.length() - template.stripLeading().length());
      this.leadingLines = (int) leading.chars().filter(character -> character == '\n').count();
    }

    int line(long offset) {
      int end = (int) Math.min(offset, rendered.length());
      return leadingLines + 1 + (int) rendered.substring(0, end).chars().filter(character -> character == '\n')
          .count();
    }

    /** The column where the rendered line equals the file's (no parameter before it), otherwise 1. */
    int column(long offset) {
      int end = (int) Math.min(offset, rendered.length());
      int lineStart = rendered.lastIndexOf('\n', end - 1) + 1;
      int lineEnd = rendered.indexOf('\n', end);
      String renderedLine = rendered.substring(lineStart, lineEnd < 0 ? rendered.length() : lineEnd);
      int fileLine = line(offset) - 1;
      boolean same = fileLine < fileLines.length && fileLines[fileLine].stripTrailing().equals(
          renderedLine.stripTrailing());
      return same ? end - lineStart + 1 : 1;
    }
  }
}
