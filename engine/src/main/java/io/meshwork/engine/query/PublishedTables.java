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
          tables.add(TableFiles.of(qualified, table, main.snapshotId(), storage));
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
    DuckDbSession session = DuckDbSession.openForQueries(storage.workDirectory(), tables, limits,
        restrictions.orElse(Map.of()));
    for (Map.Entry<String, String> alias : newestMajor.entrySet()) {
      String[] parts = alias.getValue().split("\\.");
      session.execute("CREATE OR REPLACE VIEW " + DuckDbSession.quote(alias.getKey()) + " AS SELECT * FROM "
          + DuckDbSession.quote(parts[0]) + "." + DuckDbSession.quote(parts[1]));
    }
    return session;
  }

  /** Empty if {@code sql} is one read-only query; otherwise why not. */
  public static Optional<String> readOnlyProblem(String sql) {
    return SingleQuery.problem(sql).map(SqlSyntaxException::getMessage);
  }
}
