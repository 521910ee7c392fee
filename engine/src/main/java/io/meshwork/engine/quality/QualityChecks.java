package io.meshwork.engine.quality;

import io.meshwork.engine.compute.CheckSession;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.MissingRequiredValuesException;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.Scalar;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a product's contract checks (required columns, unique primary key) and its quality rules against the view
 * of its audit snapshot, named like the product. Each check counts failing rows with one query and samples a few.
 */
public final class QualityChecks {

  private static final int SAMPLE_ROWS = 5;
  private static final String REQUIRED = "must not be empty (the contract marks it required)";

  private final CheckSession session;
  private final String name;
  private final Contract contract;
  private final List<QualityRule> rules;
  private final String view;
  private long totalRows;
  private Map<String, Long> knownNulls = Map.of();

  public QualityChecks(CheckSession session, DataProduct product) {
    this(session, product.name(), product.contract(), product.quality());
  }

  /**
   * Checks the view {@code name} against a contract and rules that need not come from a definition, e.g. from an
   * exported data contract a consumer verifies.
   */
  public QualityChecks(CheckSession session, String name, Contract contract, List<QualityRule> rules) {
    this.session = session;
    this.name = name;
    this.contract = contract;
    this.rules = List.copyOf(rules);
    this.view = DuckDbSession.quote(name);
  }

  /**
   * Answers the required-column checks and the not_null rules of the columns in {@code nullCounts} from these
   * counts (e.g. from the table's manifests, see {@link NullCounts}) instead of scanning; a column with empty values
   * is still scanned, for the exact count of a rule over several columns and for the sample.
   */
  public QualityChecks withKnownNullCounts(Map<String, Long> nullCounts) {
    this.knownNulls = Map.copyOf(nullCounts);
    return this;
  }

  /**
   * Every check of the product; {@code previousRows} is the row count of the published snapshot, if any. The row
   * count, every key's distinct hashes and every row predicate are counted together in one scan of the view; only
   * custom queries, references, freshness, and the samples and exact duplicate counts of failing checks read it again.
   */
  public List<CheckResult> run(Optional<Long> previousRows) throws SQLException {
    scan = Scan.of(session, view, predicates(), keys());
    totalRows = scan.rows();
    List<CheckResult> results = new ArrayList<>();
    for (Column column : contract.columns()) {
      if (column.required() && Long.valueOf(0).equals(knownNulls.get(column.name()))) {
        results.add(result("required", List.of(column.name()), true, Optional.empty(), 0,
            column.name() + " must not be empty (the contract marks it required)", List.of()));
      } else if (column.required()) {
        results.add(rows("required", List.of(column.name()), true, Optional.empty(),
            requiredPredicate(column), REQUIRED));
      }
    }
    if (!contract.primaryKey().isEmpty()) {
      results.add(duplicates("primary_key", contract.primaryKey(), true, Optional.empty()));
    }
    for (QualityRule rule : rules) {
      results.add(rule(rule, previousRows));
    }
    return results;
  }

  /**
   * The failed {@code required} checks of a result whose empty values were counted before any commit (from the
   * footers of the files written for it): the same checks, and the same messages, as those run on a snapshot.
   */
  public static List<CheckResult> requiredFailed(MissingRequiredValuesException refused) {
    return refused.columns().stream().map(column -> new CheckResult("required", List.of(column.column()), true,
        column.rows(), refused.totalRows(), false, column.sample(), column.rows() + " of " + refused.totalRows()
            + " rows fail: " + column.column() + " " + REQUIRED)).toList();
  }

  private Scan scan = Scan.EMPTY;

  /** Every row predicate the checks count (each once, however many checks share it). */
  private Set<String> predicates() {
    Set<String> predicates = new LinkedHashSet<>();
    for (Column column : contract.columns()) {
      if (column.required() && !Long.valueOf(0).equals(knownNulls.get(column.name()))) {
        predicates.add(requiredPredicate(column));
      }
    }
    for (QualityRule rule : rules) {
      if (rule.kind() != QualityRule.Kind.NOT_NULL || !knownNoNulls(rule.columns())) {
        rowPredicate(rule).ifPresent(predicates::add);
      }
    }
    return predicates;
  }

  /** Whether the known null counts show that none of {@code columns} has an empty value: no scan needed. */
  private boolean knownNoNulls(List<String> columns) {
    return columns.stream().allMatch(column -> Long.valueOf(0).equals(knownNulls.get(column)));
  }

  /** Every column list whose uniqueness is checked (the primary key and each unique rule, each once). */
  private Set<List<String>> keys() {
    Set<List<String>> keys = new LinkedHashSet<>();
    if (!contract.primaryKey().isEmpty()) {
      keys.add(contract.primaryKey());
    }
    rules.stream().filter(rule -> rule.kind() == QualityRule.Kind.UNIQUE).forEach(rule -> keys.add(rule.columns()));
    return keys;
  }

  private static String requiredPredicate(Column column) {
    return quote(column.name()) + " IS NULL";
  }

  /** The predicate of the rows failing a rule that counts rows, if it is one. */
  private Optional<String> rowPredicate(QualityRule rule) {
    List<String> columns = rule.columns();
    return switch (rule.kind()) {
      case NOT_NULL -> Optional.of(columns.stream().map(column -> quote(column) + " IS NULL")
          .collect(Collectors.joining(" OR ")));
      case ACCEPTED_VALUES -> Optional.of("CAST(" + quote(columns.get(0)) + " AS VARCHAR) NOT IN (" + rule.values()
          .stream().map(value -> DuckDbSession.literal(value.text())).collect(Collectors.joining(", ")) + ")");
      case RANGE -> Optional.of(rangePredicate(rule));
      case REGEX -> Optional.of("NOT regexp_full_match(CAST(" + quote(columns.get(0)) + " AS VARCHAR), "
          + DuckDbSession.literal(setting(rule, "pattern")) + ")");
      default -> Optional.empty();
    };
  }

  /**
   * The counts of one scan: rows, failing rows per predicate, distinct key hashes per key.
   */
  private record Scan(long rows, Map<String, Long> failing, Map<List<String>, Long> distinctHashes) {

    static final Scan EMPTY = new Scan(0, Map.of(), Map.of());

    static Scan of(CheckSession session, String view, Set<String> predicates, Set<List<String>> keys)
        throws SQLException {
      List<String> aggregates = new ArrayList<>();
      aggregates.add("count(*)");
      predicates.forEach(predicate -> aggregates.add("coalesce(count_if(" + predicate + "), 0)"));
      keys.forEach(key -> aggregates.add("count(DISTINCT hash(" + key.stream().map(QualityChecks::quote)
          .collect(Collectors.joining(", ")) + "))"));
      List<Object> counts = session.rows("SELECT " + String.join(", ", aggregates) + " FROM " + view).get(0);
      Map<String, Long> failing = new HashMap<>();
      Map<List<String>, Long> hashes = new HashMap<>();
      int next = 1;
      for (String predicate : predicates) {
        failing.put(predicate, ((Number) counts.get(next++)).longValue());
      }
      for (List<String> key : keys) {
        hashes.put(key, ((Number) counts.get(next++)).longValue());
      }
      return new Scan(((Number) counts.get(0)).longValue(), failing, hashes);
    }
  }

  private CheckResult rule(QualityRule rule, Optional<Long> previousRows) throws SQLException {
    boolean blocking = rule.severity() == QualityRule.Severity.ERROR;
    Optional<Scalar> tolerance = Optional.ofNullable(rule.settings().get("tolerance"));
    List<String> columns = rule.columns();
    if (rule.kind() == QualityRule.Kind.NOT_NULL && knownNoNulls(columns)) {
      return result(rule.type(), columns, blocking, tolerance, 0, String.join(", ", columns) + " "
          + expectation(rule), List.of());
    }
    Optional<String> predicate = rowPredicate(rule);
    if (predicate.isPresent()) {
      return rows(rule.type(), columns, blocking, tolerance, predicate.get(), expectation(rule));
    }
    return switch (rule.kind()) {
      case UNIQUE -> duplicates(rule.type(), columns, blocking, tolerance);
      case ROW_COUNT -> rowCount(rule, blocking, previousRows);
      case FRESHNESS -> freshness(rule, blocking);
      case REFERENCES -> references(rule, blocking, tolerance);
      case SQL -> rows(rule.type(), columns, blocking, tolerance, null, setting(rule, "query"));
      default -> throw new IllegalStateException("No check for rule " + rule.type());
    };
  }

  /** What a rule that counts rows expects of every row, for its message. */
  private String expectation(QualityRule rule) {
    return switch (rule.kind()) {
      case NOT_NULL -> "must not be empty";
      case ACCEPTED_VALUES -> "must be one of " + rule.values().stream().map(Scalar::text)
          .collect(Collectors.joining(", "));
      case RANGE -> rangeText(rule);
      case REGEX -> "must match " + setting(rule, "pattern");
      default -> throw new IllegalStateException("Rule " + rule.type() + " does not count rows");
    };
  }

  /**
   * Rows matching {@code failing}, as the scan counted them (and sampled when some fail). A custom query
   * ({@code failing} null) runs on its own.
   */
  private CheckResult rows(String check, List<String> columns, boolean blocking, Optional<Scalar> tolerance,
      String failing, String expectation) throws SQLException {
    if (failing != null) {
      long count = scan.failing().get(failing);
      List<String> sample = count == 0 ? List.of() : sample("SELECT * FROM " + view + " WHERE (" + failing
          + ") LIMIT " + SAMPLE_ROWS);
      return result(check, columns, blocking, tolerance, count, String.join(", ", columns) + " " + expectation,
          sample);
    }
    String failingRows = session.guard(expectation).subquery();
    long count = session.count("SELECT count(*) FROM " + failingRows + " failing");
    List<String> sample = count == 0 ? List.of() : sample("SELECT * FROM " + failingRows + " failing LIMIT "
        + SAMPLE_ROWS);
    return result(check, columns, blocking, tolerance, count, "custom query returned failing rows", sample);
  }

  /** Rows whose value is missing from the referenced input's column (empty values are not checked). */
  private CheckResult references(QualityRule rule, boolean blocking, Optional<Scalar> tolerance) throws SQLException {
    String column = quote(rule.columns().get(0));
    String target = setting(rule, "product");
    String targetColumn = setting(rule, "column");
    String failingRows = "(SELECT * FROM " + view + " checked WHERE checked." + column + " IS NOT NULL AND NOT EXISTS "
        + "(SELECT 1 FROM " + quote(target) + " referenced WHERE referenced." + quote(targetColumn) + " = checked."
        + column + "))";
    long count = session.count("SELECT count(*) FROM " + failingRows + " failing");
    List<String> sample = count == 0 ? List.of() : sample("SELECT * FROM " + failingRows + " failing LIMIT "
        + SAMPLE_ROWS);
    return result(rule.type(), rule.columns(), blocking, tolerance, count, rule.columns().get(0) + " must exist in "
        + target + "." + targetColumn, sample);
  }

  private CheckResult duplicates(String check, List<String> columns, boolean blocking, Optional<Scalar> tolerance)
      throws SQLException {
    String key = columns.stream().map(QualityChecks::quote).collect(Collectors.joining(", "));
    // Fast exact proof of uniqueness: distinct 64-bit hashes imply distinct keys. Counting distinct hashes (in the
    // one scan) costs far less than grouping the key's strings; only when hashes repeat (a duplicate, or rarely a
    // collision) are the keys grouped to count and show the duplicates.
    if (scan.distinctHashes().get(columns) == totalRows) {
      return result(check, columns, blocking, tolerance, 0, "(" + String.join(", ", columns) + ") must be unique",
          List.of());
    }
    String groups = "SELECT " + key + ", count(*) AS occurrences FROM " + view + " GROUP BY " + key
        + " HAVING count(*) > 1";
    long count = session.count("SELECT coalesce(sum(occurrences), 0) FROM (" + groups + ")");
    List<String> sample = count == 0 ? List.of() : sample(groups + " ORDER BY occurrences DESC LIMIT " + SAMPLE_ROWS);
    return result(check, columns, blocking, tolerance, count, "(" + String.join(", ", columns) + ") must be unique",
        sample);
  }

  private CheckResult rowCount(QualityRule rule, boolean blocking, Optional<Long> previousRows) {
    List<String> problems = new ArrayList<>();
    Optional.ofNullable(rule.settings().get("minimum")).map(value -> Long.parseLong(value.text()))
        .filter(minimum -> totalRows < minimum).ifPresent(minimum -> problems.add("fewer than " + minimum + " rows"));
    Optional.ofNullable(rule.settings().get("maximum")).map(value -> Long.parseLong(value.text()))
        .filter(maximum -> totalRows > maximum).ifPresent(maximum -> problems.add("more than " + maximum + " rows"));
    Optional<Scalar> change = Optional.ofNullable(rule.settings().get("maxChangePercent"));
    if (change.isPresent() && previousRows.isPresent() && previousRows.get() > 0) {
      double percent = Math.abs(totalRows - previousRows.get()) * 100.0 / previousRows.get();
      if (percent > Double.parseDouble(change.get().text())) {
        problems.add(String.format("changed by %.1f %% since the published %d rows (at most %s %%)", percent,
            previousRows.get(), change.get().text()));
      }
    }
    String message = problems.isEmpty() ? totalRows + " rows" : totalRows + " rows: " + String.join("; ", problems);
    return new CheckResult("row_count", List.of(), blocking, problems.isEmpty() ? 0 : totalRows, totalRows,
        problems.isEmpty(), List.of(), message);
  }

  private CheckResult freshness(QualityRule rule, boolean blocking) throws SQLException {
    String column = rule.columns().get(0);
    Duration maxAge = Duration.parse(setting(rule, "maxAge"));
    List<List<Object>> newest = session.rows("SELECT CAST(max(" + quote(column) + ") AS TIMESTAMP) < "
        + "CAST(now() AS TIMESTAMP) - INTERVAL (" + maxAge.toSeconds() + ") SECOND, max(" + quote(column) + ") FROM "
        + view);
    boolean stale = Boolean.TRUE.equals(newest.get(0).get(0)) || newest.get(0).get(1) == null;
    return new CheckResult("freshness", List.of(column), blocking, stale ? totalRows : 0, totalRows, !stale,
        List.of(), "newest " + column + " is " + newest.get(0).get(1) + " (at most " + maxAge + " old)");
  }

  private CheckResult result(String check, List<String> columns, boolean blocking, Optional<Scalar> tolerance,
      long failing, String message, List<String> sample) {
    long allowed = tolerance.map(value -> allowedRows(value.text())).orElse(0L);
    return new CheckResult(check, columns, blocking, failing, totalRows, failing <= allowed, sample,
        failing + " of " + totalRows + " rows fail: " + message + (allowed > 0 ? " (tolerance " + allowed + ")" : ""));
  }

  private long allowedRows(String tolerance) {
    String text = tolerance.trim();
    return text.endsWith("%")
        ? (long) Math.floor(totalRows * Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100.0)
        : Long.parseLong(text);
  }

  private String rangePredicate(QualityRule rule) {
    String column = quote(rule.columns().get(0));
    boolean inclusive = !"false".equals(Optional.ofNullable(rule.settings().get("inclusive")).map(Scalar::text)
        .orElse("true"));
    List<String> parts = new ArrayList<>();
    Optional.ofNullable(rule.settings().get("minimum"))
        .ifPresent(min -> parts.add(column + (inclusive ? " < " : " <= ") + literal(min)));
    Optional.ofNullable(rule.settings().get("maximum"))
        .ifPresent(max -> parts.add(column + (inclusive ? " > " : " >= ") + literal(max)));
    return parts.isEmpty() ? "false" : String.join(" OR ", parts);
  }

  private static String rangeText(QualityRule rule) {
    return "must be within [" + Optional.ofNullable(rule.settings().get("minimum")).map(Scalar::text).orElse("")
        + ", " + Optional.ofNullable(rule.settings().get("maximum")).map(Scalar::text).orElse("") + "]";
  }

  private static String literal(Scalar value) {
    return switch (value.kind()) {
      case INTEGER, FLOAT -> value.text().matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?") ? value.text()
          : DuckDbSession.literal(value.text());
      case TIMESTAMP -> "DATE " + DuckDbSession.literal(value.text());
      default -> DuckDbSession.literal(value.text());
    };
  }

  private String setting(QualityRule rule, String key) {
    Scalar value = rule.settings().get(key);
    if (value == null) {
      throw new IllegalArgumentException("The " + rule.type() + " rule of " + name + " needs '" + key + "'");
    }
    return value.text();
  }

  private List<String> sample(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    for (List<Object> row : session.rows(sql)) {
      rows.add(row.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    return rows;
  }

  private static String quote(String column) {
    return DuckDbSession.quote(column);
  }
}
