package io.meshwork.cli;

import io.meshwork.engine.compute.Messages;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.GuardedQuery;
import io.meshwork.engine.compute.SessionBoundException;
import io.meshwork.engine.compute.UnsafeSqlException;
import io.meshwork.engine.audit.AccessLogTable;
import io.meshwork.engine.audit.QueryReads;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.compute.ViewRestriction;
import io.meshwork.engine.query.PublishedTables;
import io.meshwork.engine.query.TimeTravel;
import io.meshwork.engine.usage.StepClock;
import io.meshwork.model.definition.Catalog;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mesh query --tenant T "SQL"}: read-only SQL over a tenant's published tables, within bounds. */
@Command(name = "query", description = "Run one read-only query over a tenant's published (main) tables.")
final class QueryCommand implements Callable<Integer> {

  /** Rows {@code mesh query} prints at most, whatever {@code --max-rows} asks: a terminal is no export. */
  static final int MAX_ROWS_CEILING = 100_000;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CatalogOption catalogOption;

  @Mixin
  WorkspaceOption workspaceOption;

  @Mixin
  HomeOption homeOption;

  @Option(names = {"-t", "--tenant"}, required = true, paramLabel = "TENANT", description = "Tenant id.")
  String tenant;

  @Option(names = "--as", paramLabel = "PRINCIPAL", description = "Query as this principal of the tenant: only the "
      + "tables, columns and rows its grants allow (the policy Lake Formation enforces on AWS). Without it, the query "
      + "acts as the tenant's data admin.")
  String principal;

  @Option(names = "--purpose", paramLabel = "TEXT", description = "Why the query is run; kept in the access log.")
  String purpose;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). The header line goes to standard "
          + "error for csv and json.")
  QueryOutput.Format format;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100",
      description = "Rows to print at most, 1 to " + MAX_ROWS_CEILING + " (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
      description = "How long the query may run, e.g. 30s, 5m, 1h or PT5M; at most 1h (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--max-spill", paramLabel = "SIZE", defaultValue = "2GB",
      description = "Disk the query may fill when it spills, e.g. 500MB or 4GB (default: ${DEFAULT-VALUE}).")
  String maxSpill;

  @Option(names = "--as-of", paramLabel = "TIMESTAMP", description = "Read each table as main was at this moment "
      + "(ISO-8601 with offset, e.g. 2026-12-07T08:00:00Z), among the snapshots the retention policy keeps.")
  String asOf;

  @Option(names = "--snapshot", paramLabel = "[TABLE=]ID", description = "Read TABLE at this retained snapshot of "
      + "main; repeat for several tables. ID alone when the query reads one table. Other tables are read at main.")
  List<String> snapshots;

  @Parameters(index = "0", paramLabel = "SQL", description = "One SELECT. Tables are <domain>.<name>_v<major>, and "
      + "each product by its name for its newest major, e.g. \"SELECT * FROM loss_ratio\".")
  String sql;

  @Override
  public Integer call() throws Exception {
    if (maxRows < 1 || maxRows > MAX_ROWS_CEILING) {
      throw new UserInputException("--max-rows " + maxRows + " is outside 1.." + MAX_ROWS_CEILING + ". mesh query "
          + "prints at most " + MAX_ROWS_CEILING + " rows; aggregate or filter larger results in the query.");
    }
    Duration limit = Durations.parse("--timeout", timeout, Duration.ofHours(1));
    String spill = Sizes.check("--max-spill", maxSpill);
    Catalog catalog = catalogOption.load(workspaceOption);
    if (catalog.tenant(tenant).isEmpty()) {
      // No list of the other tenants: a query is a tenant's view, and tenant ids are not its business.
      throw new UserInputException("Unknown tenant '" + tenant + "': the catalogue defines no tenant of that id.");
    }
    workspaceOption.requireTenant(catalog, tenant);
    QueryTimeTravel travel = new QueryTimeTravel(asOf, snapshots);
    QueryPrincipal as = QueryPrincipal.of(catalog, tenant, Optional.ofNullable(principal));
    PrintWriter out = spec.commandLine().getOut();
    DuckDbSession.Limits limits = HomeOption.limits().withTimeout(limit).withMaxSpill(spill);
    try (Engine engine = homeOption.engine(catalog)) {
      Optional<Map<String, ViewRestriction>> restrictions = as.restrictions();
      Map<String, TimeTravel.Pin> pins = travel.pins(engine.storage(tenant), limits, sql,
          restrictions.map(Map::keySet));
      Map<String, Long> snapshotIds = new TreeMap<>();
      pins.forEach((table, pin) -> snapshotIds.put(table, pin.snapshotId()));
      String header = travel.requested() ? as.header() + System.lineSeparator() + travel.header(pins) : as.header();
      query(engine, PublishedTables.open(engine.storage(tenant), limits, restrictions, snapshotIds), as, header, out);
    }
    return 0;
  }

  private void query(Engine engine, DuckDbSession opened, QueryPrincipal as, String header, PrintWriter out)
      throws Exception {
    try (DuckDbSession session = opened) {
      Instant started = Instant.now();
      QueryReads reads = new QueryReads(List.of(), List.of());
      QueryOutput.Printed printed = new QueryOutput.Printed(0, false);
      String outcome = "ok";
      GuardedQuery metered = null;
      StepClock clock = StepClock.start();
      try {
        GuardedQuery query = guard(session);
        metered = query;
        reads = QueryReads.of(session, query);
        printed = print(session, query, as, header, out);
        if (printed.more()) {
          outcome = "ok, cut at --max-rows " + maxRows;
        }
      } catch (UserInputException e) {
        outcome = e.getMessage();
        throw e;
      } finally {
        AccessLogTable.append(engine.storage(tenant), engine.compute(), new AccessLogTable.Entry(started,
            as.principal().orElse(QueryPrincipal.DATA_ADMIN), Optional.ofNullable(purpose), sql,
            as.products(reads.tables()), as.qualified(reads.tables()), as.qualified(reads.columns()), printed.rows(),
            outcome));
        if (metered != null) {
          // A query that ran is metered: the bytes of the tables it names, for its principal (else the OS user).
          QueryMetering.record(engine, tenant, metered, clock, as.principal().orElse(QueryMetering.principal()));
        }
      }
      if (printed.more() && format != QueryOutput.Format.table) {
        throw new UserInputException("The result has more than " + maxRows + " rows; the first " + maxRows + " were "
            + "printed. Raise --max-rows (at most " + MAX_ROWS_CEILING + ") or aggregate.");
      }
    }
  }

  private GuardedQuery guard(DuckDbSession session) {
    Optional<String> problem = PublishedTables.readOnlyProblem(sql);
    if (problem.isPresent()) {
      throw new UserInputException("The query is not allowed: " + problem.get());
    }
    try {
      return session.guard(sql);
    } catch (UnsafeSqlException e) {
      throw new UserInputException("The query is not allowed: " + e.getMessage());
    }
  }

  private QueryOutput.Printed print(DuckDbSession session, GuardedQuery query, QueryPrincipal as, String header,
      PrintWriter out) throws SQLException {
    QueryOutput.Printed[] printed = {new QueryOutput.Printed(0, false)};
    try {
      // One row past --max-rows tells whether the result has more.
      session.firstRows(query, maxRows + 1L, result -> {
        (format == QueryOutput.Format.table ? out : spec.commandLine().getErr()).println(header);
        printed[0] = QueryOutput.print(format, result, maxRows, out);
      });
    } catch (SessionBoundException e) {
      throw new UserInputException("The query failed: " + e.getMessage() + " " + hint(e.bound()));
    } catch (SQLException e) {
      Optional<String> missing = as.missingGrant(e.getMessage());
      if (missing.isPresent()) {
        throw new UserInputException("The query failed: " + missing.get());
      }
      throw new UserInputException("The query failed: " + Messages.firstLine(e.getMessage()) + " Tables "
          + as.principal().map(name -> name + " may read").orElse("of " + tenant) + ": "
          + String.join(", ", tables(session)) + ".");
    }
    return printed[0];
  }

  private String hint(SessionBoundException.Bound bound) {
    return switch (bound) {
      case TIMEOUT -> "Raise --timeout (now " + timeout + ") or make the query cheaper.";
      case SPILL -> "Raise --max-spill (now " + maxSpill + ") or make the query cheaper.";
      case MEMORY -> "Raise MESHWORK_DUCKDB_MEMORY or make the query cheaper.";
    };
  }

  private static List<String> tables(DuckDbSession session) throws SQLException {
    return session.rows("SELECT CASE WHEN schema_name = 'main' THEN view_name ELSE schema_name || '.' || view_name "
        + "END FROM duckdb_views() WHERE NOT internal ORDER BY 1").stream()
        .map(row -> String.valueOf(row.get(0))).toList();
  }
}
