package io.meshwork.cli;

import io.meshwork.model.definition.InvalidDefinitionException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mesh}: validate, plan and run data products locally. */
// Inherited: every command and subcommand takes -h/--help (and -V/--version).
@Command(name = "mesh", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Mesh.Version.class,
    description = "Meshwork: managed data products, defined once as code and refreshed per tenant.",
    subcommands = {ValidateCommand.class, PlanCommand.class, SeedCommand.class, IngestCommand.class, RunCommand.class,
        DemoCommand.class, QueryCommand.class, AuditCommand.class, HistoryCommand.class, MaintainCommand.class,
        TestCommand.class, ContractCommand.class, CatalogCommand.class, WorkspaceCommand.class,
        UsageCommand.class, BenchCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:internal error or a failed run", "2:invalid input (definitions, options)"})
public final class Mesh implements Runnable {

  /** Exit code for input the user must fix. */
  static final int INVALID_INPUT = 2;
  /** Exit code for failures that are not the user's input. */
  static final int INTERNAL_ERROR = 1;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] arguments) {
    // Libraries log through SLF4J; keep their chatter off the terminal unless asked for.
    String level = System.getenv().getOrDefault("MESH_LOG_LEVEL", "warn");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    // Iceberg logs each retried commit with a stack trace; retries are expected and reported by mesh itself.
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.iceberg", System.getenv("MESH_LOG_LEVEL") == null
        ? "error" : level);
    System.exit(commandLine().execute(arguments));
  }

  /** The configured command line: invalid definitions exit 2 with their diagnostics, never a stack trace. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Mesh());
    commandLine.setExecutionExceptionHandler(Mesh::handle);
    return commandLine;
  }

  /** Runs {@code mesh} with {@code arguments} in this JVM, printing to {@code out} and {@code err}; the exit code. */
  public static int execute(java.io.Writer out, java.io.Writer err, String... arguments) {
    CommandLine commandLine = commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(arguments);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int handle(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (exception instanceof InvalidDefinitionException invalid) {
      Diagnostics.print(invalid, err);
      return INVALID_INPUT;
    }
    if (exception instanceof io.meshwork.engine.ingest.DeliveryException delivery) {
      err.println(commandLine.getCommandSpec().qualifiedName() + ": " + delivery.getMessage());
      return INVALID_INPUT;
    }
    if (exception instanceof UserInputException input) {
      err.println(commandLine.getCommandSpec().qualifiedName() + ": " + input.getMessage());
      return INVALID_INPUT;
    }
    err.println(commandLine.getCommandSpec().qualifiedName() + ": internal error: " + exception);
    if (System.getenv("MESH_DEBUG") != null) {
      exception.printStackTrace(err);
    } else {
      err.println("Run again with MESH_DEBUG=1 for the stack trace, and report it.");
    }
    return INTERNAL_ERROR;
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Mesh.class.getPackage().getImplementationVersion();
      return new String[] {"mesh " + (version == null ? "development build" : version)};
    }
  }
}
