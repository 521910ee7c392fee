package io.meshwork.cli;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.parse.DirectoryTestFiles;
import io.meshwork.model.testing.TransformTestCase;
import io.meshwork.model.testing.TransformTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.meshwork.model.parse.DefinitionFiles;
import io.meshwork.model.parse.WorkspaceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --definitions} option shared by the commands that read a catalogue. */
final class CatalogOption {

  static final String DEFAULT = "product-definitions/catalog";

  @Option(names = {"-d", "--definitions"}, paramLabel = "DIR", defaultValue = "${MESH_DEFINITIONS:-" + DEFAULT + "}",
      description = "Catalogue directory (default: $MESH_DEFINITIONS or ${DEFAULT-VALUE}).")
  String directory;

  Catalog load() {
    return load(directory);
  }

  /** The catalogue with the workspace of {@code workspace}, if given, layered over it. */
  Catalog load(WorkspaceOption workspace) {
    return load(directory, workspace.directory());
  }

  /**
   * The transform tests ({@code tests/*.yaml}) of the catalogue in {@code directory}, checked against it; invalid
   * fixtures are reported like invalid definitions.
   */
  static List<TransformTestCase> transformTests(String directory, Catalog catalog) {
    return transformTests(directory, Optional.empty(), catalog);
  }

  /** The transform tests of the catalogue and, if given, of the workspace (its custom products and overrides). */
  static List<TransformTestCase> transformTests(String directory, Optional<Path> workspace, Catalog catalog) {
    Path root = Path.of(directory);
    Problems problems = new Problems();
    List<String> paths = new ArrayList<>(DirectoryTestFiles.paths(root));
    workspace.ifPresent(path -> DirectoryTestFiles.paths(path).forEach(test -> paths.add(WorkspaceFiles.PREFIX
        + test)));
    List<TransformTestCase> cases = TransformTests.validate(catalog, files(directory, workspace), paths, problems);
    if (!problems.isEmpty()) {
      throw invalid(problems, directory, workspace);
    }
    return cases;
  }

  /**
   * Binds every transform, override and SQL rule of {@code catalog} in DuckDB against empty inputs; problems are
   * reported like invalid definitions. Returns the warnings (decimal columns computed in floating point), sorted,
   * their files named as the user can open them.
   */
  static List<Diagnostic> bindTransforms(String directory, Optional<Path> workspace, Catalog catalog)
      throws java.io.IOException {
    Path scratch = java.nio.file.Files.createTempDirectory("meshwork-validate");
    Problems problems = new Problems();
    Problems warnings = new Problems();
    try {
      io.meshwork.engine.compute.TransformBinding.check(catalog, scratch, problems, warnings);
    } finally {
      io.meshwork.engine.compute.Directories.deleteRecursively(scratch);
    }
    if (!problems.isEmpty()) {
      throw invalid(problems, directory, workspace);
    }
    return displayed(warnings.sorted(), directory, workspace);
  }

  private static String display(String directory) {
    return directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
  }

  static Catalog load(String directory) {
    return load(directory, Optional.empty());
  }

  /** Loads and validates the catalogue in {@code directory} with {@code workspace} layered over it. */
  static Catalog load(String directory, Optional<Path> workspace) {
    if (!Files.isDirectory(Path.of(directory))) {
      throw new UserInputException("No catalogue directory at '" + directory + "'. Run mesh from the project root "
          + "or pass the catalogue directory, e.g. --definitions " + DEFAULT + ".");
    }
    if (workspace.isPresent() && !Files.isDirectory(workspace.get())) {
      throw new UserInputException("No workspace directory at '" + workspace.get() + "'. Pass the directory holding "
          + "the tenant's workspace.yaml, e.g. --workspace alpina-workspace.");
    }
    Catalog catalog;
    try {
      catalog = CatalogLoader.load(files(directory, workspace));
    } catch (InvalidDefinitionException invalid) {
      // Name files as the user can open them from where mesh runs.
      throw invalid(invalid.diagnostics(), directory, workspace);
    }
    // DuckDB's own parser has the last word on what each SQL text is, before any of it runs.
    Problems problems = new Problems();
    io.meshwork.engine.compute.DefinitionSql.check(catalog, problems);
    if (!problems.isEmpty()) {
      throw invalid(problems, directory, workspace);
    }
    return catalog;
  }

  private static DefinitionFiles files(String directory, Optional<Path> workspace) {
    DefinitionFiles catalogue = new DirectoryDefinitionFiles(Path.of(directory), display(directory));
    return workspace.<DefinitionFiles>map(path -> new WorkspaceFiles(catalogue,
        new DirectoryDefinitionFiles(path, display(path.toString())))).orElse(catalogue);
  }

  private static InvalidDefinitionException invalid(Problems problems, String display) {
    return invalid(problems, display, Optional.empty());
  }

  private static InvalidDefinitionException invalid(Problems problems, String directory, Optional<Path> workspace) {
    return invalid(problems.sorted(), directory, workspace);
  }

  private static InvalidDefinitionException invalid(List<Diagnostic> diagnostics, String directory,
      Optional<Path> workspace) {
    return new InvalidDefinitionException(displayed(diagnostics, directory, workspace));
  }

  /** The diagnostics with their files named as the user can open them from where mesh runs. */
  private static List<Diagnostic> displayed(List<Diagnostic> diagnostics, String directory, Optional<Path> workspace) {
    String catalogueRoot = display(directory);
    String workspaceRoot = workspace.map(path -> display(path.toString())).orElse("");
    return diagnostics.stream()
        .map(diagnostic -> new Diagnostic(WorkspaceFiles.display(diagnostic.location(), catalogueRoot,
            workspaceRoot), diagnostic.message()))
        .toList();
  }
}
