package io.meshwork.cli;

import io.meshwork.model.compatibility.ContractChange;
import io.meshwork.model.compatibility.ContractComparison;
import io.meshwork.model.compatibility.ContractDiff;
import io.meshwork.model.compatibility.Impact;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mesh contract diff --base DIR_OR_GIT_REF}: classifies every contract change between a base catalogue and
 * the current one as breaking or compatible, and refuses (exit 2) breaking changes made without a major version
 * bump, naming the tenants and products they would break. CI runs it against the previous commit, so an
 * incompatible contract never reaches the tables consumers read.
 */
@Command(name = "diff", description = {"Compare every source's and product's contract with a base catalogue (a "
    + "directory or a git ref) and classify each change as breaking or compatible.",
    "Breaking changes need a major version bump, which gives the new contract its own table; without one, the "
        + "command names what they would break and exits 2."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no breaking change, or each comes with a major version bump",
        "1:internal error", "2:a breaking change without a major version bump, or invalid input"})
final class ContractDiffCommand implements Callable<Integer> {

  /** How errors name this command; fixed, since it runs as a subcommand of {@code mesh contract}. */
  static final String NAME = "mesh contract diff";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--base", required = true, paramLabel = "DIR_OR_GIT_REF",
      description = "The catalogue to compare with: a catalogue directory, or else a git ref (HEAD~1, main, a tag "
          + "or commit) of the repository holding --definitions, read at the same path.")
  String base;

  @Mixin
  CatalogOption definitions;


  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ContractDiff diff;
    try {
      Catalog head = CatalogOption.load(definitions.directory);
      Catalog baseCatalog = Files.isDirectory(Path.of(base))
          ? CatalogOption.load(base)
          : GitRevision.loadCatalog(base, Path.of(definitions.directory));
      diff = ContractDiff.between(baseCatalog, head);
    } catch (UserInputException input) {
      err.println(NAME + ": " + input.getMessage());
      return Mesh.INVALID_INPUT;
    }
    print(diff, display(definitions.directory), out);
    List<ContractComparison> unallowed = diff.unallowed();
    if (unallowed.isEmpty()) {
      return 0;
    }
    long count = unallowed.stream().mapToLong(comparison -> comparison.unallowedChanges().size()).sum();
    ContractComparison first = unallowed.get(0);
    err.printf("%s: %s %s a major version bump (%s). Bump the major version (e.g. %s %s) so the new contract gets "
        + "its own table, or make the %s compatible.%n", NAME, plural(count, "breaking change"),
        count == 1 ? "lacks" : "lack", unallowed.stream().map(ContractDiffCommand::heading)
            .collect(Collectors.joining(", ")), first.name(), first.nextMajor(), count == 1 ? "change" : "changes");
    return Mesh.INVALID_INPUT;
  }

  /** The report: per source and product its changes, what unallowed ones would break, then a summary. */
  static void print(ContractDiff diff, String headDisplay, PrintWriter out) {
    for (ContractComparison comparison : diff.comparisons()) {
      out.println(heading(comparison) + (comparison.isMajorBump()
          ? ": new major version, so breaking changes are allowed (the new contract gets its own table)"
          : ""));
      for (ContractChange change : comparison.changes()) {
        out.printf("  %-10s %s (%s)%n", change.isBreaking() ? "BREAKING" : "compatible", change.description(),
            change.location().under(headDisplay));
      }
      if (!comparison.unallowedChanges().isEmpty()) {
        out.println("  breaks: " + breaks(comparison));
      }
    }
    out.println(summary(diff));
  }

  private static String heading(ContractComparison comparison) {
    return comparison.label() + " " + comparison.baseVersion() + " -> " + comparison.headVersion();
  }

  /** "tenant lemanic (subscribes ^1), custom product telmed_savings of rhenus, managed product kpi_summary 1.0.0". */
  private static String breaks(ContractComparison comparison) {
    Impact impact = comparison.impact();
    if (impact.isEmpty()) {
      return "nothing yet: no tenant receives " + comparison.name() + " " + comparison.headVersion()
          + " and no product reads it";
    }
    List<String> parts = new ArrayList<>();
    for (Impact.ReceivingTenant tenant : impact.tenants()) {
      List<String> why = new ArrayList<>();
      tenant.subscription().ifPresent(range -> why.add("subscribes " + range));
      if (tenant.ownCustomProduct()) {
        why.add("its own custom product");
      }
      if (comparison.subject() == ContractComparison.Subject.SOURCE) {
        why.add("delivers it");
      }
      if (!tenant.readers().isEmpty()) {
        why.add("read by " + andList(tenant.readers().stream().map(DataProduct::label).toList()));
      }
      parts.add("tenant " + tenant.tenantId() + (why.isEmpty() ? "" : " (" + String.join(", ", why) + ")"));
    }
    impact.customProducts().forEach(product ->
        parts.add("custom product " + product.name() + " of " + product.tenant().orElseThrow()));
    impact.managedProducts().forEach(product -> parts.add("managed product " + product.label()));
    return String.join(", ", parts);
  }

  private static String summary(ContractDiff diff) {
    if (diff.isEmpty()) {
      return "No contract changes.";
    }
    List<ContractChange> changes = diff.comparisons().stream().flatMap(comparison -> comparison.changes().stream())
        .toList();
    long unallowed = diff.comparisons().stream().mapToLong(comparison -> comparison.unallowedChanges().size()).sum();
    long breaking = changes.stream().filter(ContractChange::isBreaking).count();
    long compatible = changes.size() - breaking;
    List<String> counts = new ArrayList<>();
    if (unallowed > 0) {
      counts.add(unallowed + " breaking without a major version bump");
    }
    if (breaking > unallowed) {
      counts.add((breaking - unallowed) + " breaking with a major version bump");
    }
    if (compatible > 0) {
      counts.add(compatible + " compatible");
    }
    long sources = diff.comparisons().stream()
        .filter(comparison -> comparison.subject() == ContractComparison.Subject.SOURCE).count();
    long products = diff.comparisons().stream()
        .filter(comparison -> comparison.subject() == ContractComparison.Subject.PRODUCT)
        .map(ContractComparison::name).distinct().count();
    List<String> subjects = new ArrayList<>();
    if (sources > 0) {
      subjects.add(plural(sources, "source"));
    }
    if (products > 0) {
      subjects.add(plural(products, "product"));
    }
    return plural(changes.size(), "contract change") + " in " + String.join(" and ", subjects) + ": "
        + String.join(", ", counts) + ".";
  }

  private static String andList(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static String display(String directory) {
    return directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
  }

  /**
   * The catalogue as committed at a git ref: the same directory, relative to the repository root, extracted with
   * {@code git archive | tar -x} into a temporary directory that is deleted once the catalogue is loaded.
   */
  static final class GitRevision {

    private GitRevision() {
    }

    /** Loads the catalogue at {@code ref} of the repository holding {@code definitions}. */
    static Catalog loadCatalog(String ref, Path definitions) {
      if (ref.isBlank() || ref.startsWith("-")) {
        throw new UserInputException("Unknown git ref '" + ref + "': a ref cannot be empty or start with '-'. Pass "
            + "a catalogue directory or a git ref such as HEAD~1.");
      }
      Result location = git(definitions.toAbsolutePath(), "rev-parse", "--show-toplevel", "--show-prefix");
      if (location.exitCode() != 0) {
        throw new UserInputException("'" + ref + "' is not a directory, and it cannot be a git ref: "
            + definitions + " is not inside a git repository (" + location.firstErrorLine() + "). Pass an existing "
            + "catalogue directory, or run mesh inside a git clone.");
      }
      List<String> lines = location.output().lines().toList();
      Path root = Path.of(lines.get(0));
      String prefix = lines.size() > 1 ? display(lines.get(1).strip()) : "";
      Result commit = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}");
      if (commit.exitCode() != 0) {
        throw new UserInputException("Unknown git ref '" + ref + "': it is neither an existing directory nor a "
            + "commit of the repository at " + root + ". Pass a catalogue directory, or a branch, tag or commit such "
            + "as HEAD~1 (a shallow clone lacks older commits: git fetch --deepen=1 adds one).");
      }
      String sha = commit.output().strip();
      String shortSha = sha.substring(0, Math.min(12, sha.length()));
      if (!prefix.isEmpty() && git(root, "cat-file", "-e", sha + ":" + prefix).exitCode() != 0) {
        throw new UserInputException("Git ref '" + ref + "' (commit " + shortSha + ") has no directory " + prefix
            + ", so it has no catalogue to compare with. Pass an older catalogue directory or another ref.");
      }
      Path temporary = createTemporaryDirectory();
      try {
        Path archive = temporary.resolve("catalogue.tar");
        List<String> archiveCommand = new ArrayList<>(List.of("archive", "--format=tar", "--output="
            + archive, sha));
        if (!prefix.isEmpty()) {
          archiveCommand.addAll(List.of("--", prefix));
        }
        check(git(root, archiveCommand.toArray(String[]::new)), "git archive");
        Path tree = Files.createDirectory(temporary.resolve("tree"));
        check(run(temporary, "tar", "-xf", archive.toString(), "-C", tree.toString()), "tar -x");
        return load(prefix.isEmpty() ? tree : tree.resolve(prefix), ref + ":" + (prefix.isEmpty() ? "." : prefix));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot extract the catalogue at " + ref, e);
      } finally {
        delete(temporary);
      }
    }

    /** Loads and validates the extracted catalogue; problems name files as {@code ref:path/file.yaml}. */
    private static Catalog load(Path directory, String display) {
      try {
        return CatalogLoader.load(new DirectoryDefinitionFiles(directory, display));
      } catch (InvalidDefinitionException invalid) {
        throw new InvalidDefinitionException(invalid.diagnostics().stream()
            .map(diagnostic -> new Diagnostic(diagnostic.location().under(display), diagnostic.message()))
            .toList());
      }
    }

    private static Result git(Path directory, String... arguments) {
      List<String> command = new ArrayList<>(List.of("git"));
      command.addAll(List.of(arguments));
      return run(directory, command.toArray(String[]::new));
    }

    private static void check(Result result, String what) {
      if (result.exitCode() != 0) {
        throw new IllegalStateException(what + " failed: " + result.firstErrorLine());
      }
    }

    private static Result run(Path directory, String... command) {
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
      builder.environment().put("GIT_TERMINAL_PROMPT", "0");
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new UserInputException(command[0] + " cannot be run (" + e.getMessage() + "). Install " + command[0]
            + ", or pass the base catalogue as a directory.");
      }
      try {
        process.getOutputStream().close();
        CompletableFuture<String> error = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String output = read(process.getInputStream());
        int exitCode = process.waitFor();
        return new Result(exitCode, output, error.join());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroy();
        throw new IllegalStateException(command[0] + " was interrupted", e);
      }
    }

    private static String read(InputStream stream) {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Path createTemporaryDirectory() {
      try {
        return Files.createTempDirectory("mesh-contract-base-");
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create a temporary directory", e);
      }
    }

    private static void delete(Path directory) {
      try {
        io.meshwork.engine.compute.Directories.deleteRecursively(directory);
      } catch (UncheckedIOException e) {
        // A leftover temporary directory is harmless; the result does not depend on it.
      }
    }

    private record Result(int exitCode, String output, String error) {
      String firstErrorLine() {
        return error.lines().findFirst().orElse("exit code " + exitCode).strip();
      }
    }
  }
}
