package io.meshwork.cli;

import io.meshwork.engine.ingest.IngestReport;
import io.meshwork.engine.ingest.IngestRequest;
import io.meshwork.engine.ingest.IngestService;
import io.meshwork.engine.pipeline.Engine;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mesh ingest}: a tenant's delivery of a source, checked against its contract, published or refused. */
@Command(name = "ingest", description = "Ingest a tenant's delivery of a source (CSV, CSV.gz or Parquet files): "
    + "read and cast to the source's contract, check, and publish only when no error-level check failed.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:published, or already ingested", "1:rejected: main is unchanged",
        "2:unreadable input (no such file, truncated gzip, format not accepted, unknown source)"})
final class IngestCommand implements Callable<Integer> {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  TenantScope scope;

  @Option(names = {"-s", "--source"}, required = true, paramLabel = "SOURCE",
      description = "The source delivered, e.g. claims.")
  String source;

  @Option(names = "--run-id", paramLabel = "ID", description = "Run id, naming the audit branch (default: a new one "
      + "from the time).")
  String runId;

  @Option(names = "--json", description = "Print the report as JSON instead of text.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Delivered files, directories of them, or globs "
      + "(*.csv, *.csv.gz, *.parquet).")
  List<String> files;

  @Override
  public Integer call() throws Exception {
    if (runId != null && !RUN_ID.matcher(runId).matches()) {
      throw new UserInputException("Invalid --run-id '" + runId + "': use up to 64 letters, digits, '.', '_' or '-'.");
    }
    String tenant = scope.tenant();
    IngestRequest request = new IngestRequest(tenant, source, DeliveryPaths.resolve(files),
        runId == null ? RunCommand.newRunId() : runId);
    PrintWriter out = spec.commandLine().getOut();
    IngestReport report;
    try (Engine engine = scope.engine()) {
      report = new IngestService(engine).ingest(request);
    }
    if (json) {
      out.println(report.toJson());
    } else {
      IngestReportText.print(report, out);
    }
    out.flush();
    return report.rejected() ? 1 : 0;
  }
}
