package io.meshwork.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.meshwork.engine.audit.AccessLogTable;
import io.meshwork.engine.pipeline.Engine;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mesh audit --tenant T}: who queried the tenant's data locally, when, what, and why. */
@Command(name = "audit", description = "Show the tenant's access log: every local query, oldest first.")
final class AuditCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { text, json }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  TenantScope scope;

  @Option(names = "--principal", paramLabel = "PRINCIPAL", description = "Only this principal's queries ("
      + QueryPrincipal.DATA_ADMIN + " for those without --as).")
  String principal;

  @Option(names = {"-p", "--product"}, paramLabel = "PRODUCT", description = "Only queries that read this product.")
  String product;

  @Option(names = "--since", paramLabel = "WHEN", description = "Only queries since then: a date (2026-12-01, UTC), "
      + "an instant (2026-12-01T08:00:00Z) or a time ago (90m, 24h).")
  String since;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    String tenant = scope.tenant();
    AccessLogTable.Filter filter = new AccessLogTable.Filter(Optional.ofNullable(principal),
        Optional.ofNullable(product), Optional.ofNullable(since).map(AuditCommand::since));
    PrintWriter out = spec.commandLine().getOut();
    List<AccessLogTable.Entry> entries;
    try (Engine engine = scope.engine()) {
      entries = AccessLogTable.read(engine.storage(tenant), engine.compute(), filter);
    }
    if (format == Format.json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
          entries.stream().map(AuditCommand::json).toList()));
      return 0;
    }
    out.printf("Access log of tenant %s (%s): %d quer%s%n", tenant, AccessLogTable.NAME, entries.size(),
        entries.size() == 1 ? "y" : "ies");
    for (AccessLogTable.Entry entry : entries) {
      out.printf("%s  %s%s%n", entry.queriedAt(), entry.principal(),
          entry.purpose().map(purpose -> "  purpose: " + purpose).orElse(""));
      out.println("  sql:     " + entry.sql().strip().replace("\n", "\n           "));
      out.println(("  read:    " + (entry.columns().isEmpty() ? String.join(", ", entry.tables())
          : String.join(", ", entry.columns()))).stripTrailing());
      out.printf("  result:  %d row%s, %s%n", entry.rowsReturned(), entry.rowsReturned() == 1 ? "" : "s",
          entry.outcome());
    }
    return 0;
  }

  private static Map<String, Object> json(AccessLogTable.Entry entry) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("queriedAt", entry.queriedAt().toString());
    map.put("principal", entry.principal());
    map.put("purpose", entry.purpose().orElse(null));
    map.put("sql", entry.sql());
    map.put("products", entry.products());
    map.put("tables", entry.tables());
    map.put("columns", entry.columns());
    map.put("rowsReturned", entry.rowsReturned());
    map.put("outcome", entry.outcome());
    return map;
  }

  /** {@code --since}: a date (start of day UTC), an instant, or a time ago. */
  static Instant since(String text) {
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notADate) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException notAnInstant) {
        if (!text.matches("\\d{1,6}[smh]|P.*")) {
          throw new UserInputException("--since '" + text + "' is neither a date (2026-12-01), an instant "
              + "(2026-12-01T08:00:00Z) nor a time ago (90m, 24h).");
        }
        return Instant.now().minus(Durations.parse("--since", text, java.time.Duration.ofDays(3660)));
      }
    }
  }
}
