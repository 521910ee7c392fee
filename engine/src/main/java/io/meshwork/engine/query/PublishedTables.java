package io.meshwork.engine.query;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.compute.ViewRestriction;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.sql.SingleQuery;
import io.meshwork.model.sql.SqlSyntaxException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import io.meshwork.engine.compute.GuardedQuery;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * A read-only DuckDB view of what consumers may see: the {@code main} snapshot of every table of one tenant, as
 * {@code <namespace>.<table>} and, for the newest major version, by the bare product name. Audit branches are
 * never visible.
 */
public final class PublishedTables {

  private static final Pattern MAJOR = Pattern.compile("(.+)_v(\\d+)");

  private PublishedTables() {
  }

  /** Opens a session over the tenant's published tables. */
  public static DuckDbSession open(TenantStorage storage, DuckDbSession.Limits limits) throws SQLException {
    return open(storage, limits, Optional.empty());
  }

  /**
   * Opens a session over the tenant's published tables as one principal sees them: only the tables
   * {@code restrictions} names, each restricted ({@link PrincipalViews}); every table when it is empty.
   */
  public static DuckDbSession open(TenantStorage storage, DuckDbSession.Limits limits,
      Optional<Map<String, ViewRestriction>> restrictions) throws SQLException {
    return open(storage, limits, restrictions, Map.of());
  }

  /**
   * As {@link #open(TenantStorage, DuckDbSession.Limits, Optional)}, with each table of {@code snapshots} (by
   * qualified name) read at that snapshot instead of main's current one: time travel under the same restrictions.
   */
  public static DuckDbSession open(TenantStorage storage, DuckDbSession.Limits limits,
      Optional<Map<String, ViewRestriction>> restrictions, Map<String, Long> snapshots) throws SQLException {
    Published published = list(storage, restrictions, snapshots);
    List<TableFiles> tables = published.tables();
    Map<String, String> newestMajor = published.newestMajor();
    DuckDbSession session = DuckDbSession.openForQueries(storage.workDirectory(), tables, limits,
        restrictions.orElse(Map.of()));
    for (Map.Entry<String, String> alias : newestMajor.entrySet()) {
      String[] parts = alias.getValue().split("\\.");
      session.execute("CREATE OR REPLACE VIEW " + DuckDbSession.quote(alias.getKey()) + " AS SELECT * FROM "
          + DuckDbSession.quote(parts[0]) + "." + DuckDbSession.quote(parts[1]));
    }
    return session;
  }

  /** The files of the tenant's tables on {@code main}, and which table each bare product name reads. */
  public static Published list(TenantStorage storage) {
    return list(storage, Optional.empty(), Map.of());
  }

  private static Published list(TenantStorage storage, Optional<Map<String, ViewRestriction>> restrictions,
      Map<String, Long> snapshots) {
    List<TableFiles> tables = new ArrayList<>();
    Map<String, String> newestMajor = new LinkedHashMap<>();
    Map<String, Integer> majors = new LinkedHashMap<>();
    if (storage.catalog() instanceof SupportsNamespaces namespaces) {
      for (Namespace namespace : namespaces.listNamespaces()) {
        for (TableIdentifier identifier : storage.catalog().listTables(namespace)) {
          Table table = storage.catalog().loadTable(identifier);
          Snapshot main = table.currentSnapshot();
          if (main == null) {
            continue;
          }
          String qualified = namespace + "." + identifier.name();
          if (restrictions.isPresent() && !restrictions.get().containsKey(qualified)) {
            continue;
          }
          tables.add(TableFiles.of(qualified, table, snapshots.getOrDefault(qualified, main.snapshotId()), storage));
          Matcher matcher = MAJOR.matcher(identifier.name());
          if (matcher.matches()) {
            int major = Integer.parseInt(matcher.group(2));
            if (majors.getOrDefault(matcher.group(1), -1) < major) {
              majors.put(matcher.group(1), major);
              newestMajor.put(matcher.group(1), qualified);
            }
          }
        }
      }
    }
    tables.sort(Comparator.comparing(TableFiles::name));
    return new Published(tables, newestMajor);
  }

  /** The published tables by qualified name ({@code finance.loss_ratio_v1}), and bare names of newest majors. */
  public record Published(List<TableFiles> tables, Map<String, String> newestMajor) {

    public Published {
      tables = List.copyOf(tables);
      newestMajor = Map.copyOf(newestMajor);
    }

    /**
     * The bytes of the data files of each table {@code query} names, by qualified table name: what a scan of those
     * tables reads at most (DuckDB may skip row groups, never more).
     */
    public Map<String, Long> scanned(GuardedQuery query) {
      Map<String, Long> scanned = new TreeMap<>();
      for (String named : query.tables()) {
        String qualified = newestMajor.getOrDefault(named, named);
        tables.stream().filter(table -> table.name().equalsIgnoreCase(qualified)).findFirst()
            .ifPresent(table -> scanned.put(table.name(), bytes(table)));
      }
      return scanned;
    }

    private static long bytes(TableFiles table) {
      long bytes = 0;
      for (java.nio.file.Path file : table.files()) {
        try {
          bytes += java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("Cannot read the size of a data file of " + table.name(), e);
        }
      }
      return bytes;
    }
  }

  /** Empty if {@code sql} is one read-only query; otherwise why not. */
  public static Optional<String> readOnlyProblem(String sql) {
    return SingleQuery.problem(sql).map(SqlSyntaxException::getMessage);
  }
}
