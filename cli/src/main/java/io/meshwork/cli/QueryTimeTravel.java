package io.meshwork.cli;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.UnsafeSqlException;
import io.meshwork.engine.query.PublishedTables;
import io.meshwork.engine.query.TimeTravel;
import io.meshwork.engine.query.TimeTravelException;
import io.meshwork.engine.storage.TenantStorage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * {@code mesh query --as-of TIMESTAMP} or {@code --snapshot [TABLE=]ID}: which retained snapshot of {@code main} each
 * table the query reads is read at. Only the tables the principal may see are looked up, so a refused time-travel
 * request tells nothing about a table its grants leave out. {@code --snapshot ID} without a table is for a query that
 * reads exactly one table; a query over several names each table ({@code --snapshot TABLE=ID}, repeated), and the
 * tables it leaves out are read at main's current snapshot.
 */
final class QueryTimeTravel {

  private final Optional<Instant> asOf;
  private final List<String> snapshots;

  QueryTimeTravel(String asOf, List<String> snapshots) {
    this.snapshots = snapshots == null ? List.of() : List.copyOf(snapshots);
    if (asOf != null && !this.snapshots.isEmpty()) {
      throw new UserInputException("--as-of and --snapshot cannot be combined: --as-of picks a snapshot for every "
          + "table, --snapshot names them.");
    }
    this.asOf = Optional.ofNullable(asOf).map(QueryTimeTravel::timestamp);
  }

  boolean requested() {
    return asOf.isPresent() || !snapshots.isEmpty();
  }

  /**
   * The snapshot of each table {@code sql} reads that {@code visible} allows (all when empty), by qualified name;
   * empty without time travel.
   */
  Map<String, TimeTravel.Pin> pins(TenantStorage storage, DuckDbSession.Limits limits, String sql,
      Optional<Set<String>> visible) {
    Optional<Set<String>> read = requested() && PublishedTables.readOnlyProblem(sql).isEmpty()
        ? readTables(storage, limits, sql, visible) : Optional.empty();
    // A query the guard refuses is refused, logged and explained by the query itself, as without time travel.
    return read.map(tables -> pins(storage, tables)).orElse(Map.of());
  }

  private Map<String, TimeTravel.Pin> pins(TenantStorage storage, Set<String> read) {
    Map<String, TimeTravel.Pin> pins = new TreeMap<>();
    try {
      if (asOf.isPresent()) {
        for (String table : read) {
          pins.put(table, TimeTravel.asOf(table, storage.catalog().loadTable(TableIdentifier.parse(table)),
              asOf.get()));
        }
        return pins;
      }
      for (Map.Entry<String, Long> requested : requestedSnapshots(storage, read).entrySet()) {
        pins.put(requested.getKey(), TimeTravel.snapshot(requested.getKey(),
            storage.catalog().loadTable(TableIdentifier.parse(requested.getKey())), requested.getValue()));
      }
      return pins;
    } catch (TimeTravelException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  /** The line after the principal's header: which snapshot each pinned table is read at. */
  String header(Map<String, TimeTravel.Pin> pins) {
    List<String> parts = new ArrayList<>();
    pins.values().forEach(pin -> parts.add(pin.table() + " at snapshot " + pin.snapshotId() + " (main since "
        + pin.mainSince() + ")"));
    String tables = parts.isEmpty() ? "no table read" : String.join(", ", parts);
    return asOf.map(at -> "-- as of " + at + ": " + tables)
        .orElse("-- at snapshots: " + tables + "; every other table at main's current snapshot");
  }

  /** Qualified names of the tables the query reads, as the session resolves them, among those {@code visible}. */
  private static Optional<Set<String>> readTables(TenantStorage storage, DuckDbSession.Limits limits, String sql,
      Optional<Set<String>> visible) {
    Set<String> named;
    // DuckDB's parser names the tables; a session over no table is enough for that.
    try (DuckDbSession parser = DuckDbSession.openForQueries(storage.workDirectory(), List.of(), limits)) {
      named = parser.guard(sql).tables();
    } catch (UnsafeSqlException e) {
      return Optional.empty();
    }
    Set<String> read = new TreeSet<>();
    for (String name : named) {
      TimeTravel.resolve(storage.catalog(), name).map(identifier -> identifier.namespace() + "." + identifier.name())
          .filter(table -> visible.map(allowed -> allowed.contains(table)).orElse(true))
          .ifPresent(read::add);
    }
    return Optional.of(read);
  }

  private Map<String, Long> requestedSnapshots(TenantStorage storage, Set<String> read) {
    Map<String, Long> requested = new LinkedHashMap<>();
    for (String option : snapshots) {
      int equals = option.indexOf('=');
      if (equals < 0) {
        if (snapshots.size() > 1 || read.size() != 1) {
          throw new UserInputException("--snapshot " + option + " names no table, and the query reads "
              + (read.isEmpty() ? "no table" : read.size() + " tables (" + String.join(", ", read) + ")")
              + (snapshots.size() > 1 ? " with " + snapshots.size() + " --snapshot options" : "")
              + ": write --snapshot TABLE=ID for each table to read at a snapshot.");
        }
        requested.put(read.iterator().next(), id(option, option));
        continue;
      }
      String named = option.substring(0, equals).strip();
      String table = TimeTravel.resolve(storage.catalog(), named.toLowerCase(java.util.Locale.ROOT))
          .map(identifier -> identifier.namespace() + "." + identifier.name()).filter(read::contains)
          .orElseThrow(() -> new UserInputException("--snapshot " + option + " names " + named + ", which the query"
              + " does not read; it reads " + (read.isEmpty() ? "no table" : String.join(", ", read)) + "."));
      if (requested.put(table, id(option, option.substring(equals + 1).strip())) != null) {
        throw new UserInputException("--snapshot names " + table + " twice.");
      }
    }
    return requested;
  }

  private static long id(String option, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UserInputException("--snapshot " + option + ": '" + text + "' is not a snapshot id. Write ID or "
          + "TABLE=ID, e.g. --snapshot claims_clean=5190238411927330017.");
    }
  }

  private static Instant timestamp(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        throw new UserInputException("--as-of '" + text + "' is not a timestamp: write it with its offset, e.g. "
            + "2026-12-07T08:00:00Z or 2026-12-07T09:00:00+01:00.");
      }
    }
  }
}
