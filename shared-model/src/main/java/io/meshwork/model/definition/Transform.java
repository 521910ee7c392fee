package io.meshwork.model.definition;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A transform's SQL text, with the file it came from (for error positions), how long one run of it may take
 * (empty: the engine's default), the engine it runs on, SQL written for one engine's dialect where the default SQL
 * is not valid there, and the resources it asks of the function running it.
 */
public record Transform(String sqlFile, String sql, Optional<Duration> timeout, Engine engine,
    Map<Engine, EngineSql> engineSql, Resources resources, Location location) {

  public Transform {
    Objects.requireNonNull(sqlFile, "sqlFile");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(engine, "engine");
    engineSql = Map.copyOf(engineSql);
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(location, "location");
    if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
      throw new IllegalArgumentException("Timeout of " + sqlFile + " must be positive, not " + timeout.get());
    }
  }

  /** A transform without a resource hint. */
  public Transform(String sqlFile, String sql, Optional<Duration> timeout, Engine engine,
      Map<Engine, EngineSql> engineSql, Location location) {
    this(sqlFile, sql, timeout, engine, engineSql, Resources.NONE, location);
  }

  /** A transform on DuckDB with no engine-specific SQL. */
  public Transform(String sqlFile, String sql, Optional<Duration> timeout, Location location) {
    this(sqlFile, sql, timeout, Engine.DUCKDB, Map.of(), location);
  }

  /** A transform on DuckDB with the engine's default timeout. */
  public Transform(String sqlFile, String sql, Location location) {
    this(sqlFile, sql, Optional.empty(), location);
  }

  /** The SQL that runs on {@code on}: its own dialect's file if the product ships one, else the default. */
  public String sqlFor(Engine on) {
    EngineSql own = engineSql.get(on);
    return own == null ? sql : own.sql();
  }

  /** The file {@link #sqlFor} comes from, for messages. */
  public String sqlFileFor(Engine on) {
    EngineSql own = engineSql.get(on);
    return own == null ? sqlFile : own.sqlFile();
  }

  /**
   * The default SQL, then each engine's own SQL, each as a transform of its own file, so every file a product
   * ships is checked like its default SQL.
   */
  public java.util.List<Transform> eachSqlFile() {
    java.util.List<Transform> files = new java.util.ArrayList<>();
    files.add(engineSql.isEmpty() ? this : new Transform(sqlFile, sql, timeout, engine, Map.of(), resources,
        location));
    new java.util.TreeMap<>(engineSql).forEach((on, own) ->
        files.add(new Transform(own.sqlFile(), own.sql(), timeout, on, Map.of(), resources, location)));
    return java.util.List.copyOf(files);
  }

  /** This transform run on {@code other} instead. */
  public Transform onEngine(Engine other) {
    return other == engine ? this : new Transform(sqlFile, sql, timeout, other, engineSql, resources,
        location);
  }

  /** SQL written in one engine's dialect, and the file it came from. */
  public record EngineSql(String sqlFile, String sql) {
    public EngineSql {
      Objects.requireNonNull(sqlFile, "sqlFile");
      Objects.requireNonNull(sql, "sql");
    }
  }
}
