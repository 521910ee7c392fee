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
import java.util.List;
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

  /** Loads and validates the catalogue in {@code directory}; diagnostics name files below it. */
  /**
   * The transform tests ({@code tests/*.yaml}) of the catalogue in {@code directory}, checked against it; invalid
   * fixtures are reported like invalid definitions.
   */
  static List<TransformTestCase> transformTests(String directory, Catalog catalog) {
    Path root = Path.of(directory);
    String display = display(directory);
    Problems problems = new Problems();
    List<TransformTestCase> cases = TransformTests.validate(catalog, new DirectoryDefinitionFiles(root, display),
        DirectoryTestFiles.paths(root), problems);
    if (!problems.isEmpty()) {
      throw invalid(problems, display);
    }
    return cases;
  }

  /**
   * Binds every transform, override and SQL rule of {@code catalog} in DuckDB against empty inputs; problems are
   * reported like invalid definitions.
   */
  static void bindTransforms(String directory, Catalog catalog) throws java.io.IOException {
    Path scratch = java.nio.file.Files.createTempDirectory("meshwork-validate");
    Problems problems = new Problems();
    try {
      io.meshwork.engine.compute.TransformBinding.check(catalog, scratch, problems);
    } finally {
      io.meshwork.engine.compute.Directories.deleteRecursively(scratch);
    }
    if (!problems.isEmpty()) {
      throw invalid(problems, display(directory));
    }
  }

  private static String display(String directory) {
    return directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
  }

  static Catalog load(String directory) {
    Path root = Path.of(directory);
    if (!Files.isDirectory(root)) {
      throw new UserInputException("No catalogue directory at '" + directory + "'. Run mesh from the project root "
          + "or pass the catalogue directory, e.g. --definitions " + DEFAULT + ".");
    }
    String display = display(directory);
    Catalog catalog;
    try {
      catalog = CatalogLoader.load(new DirectoryDefinitionFiles(root, display));
    } catch (InvalidDefinitionException invalid) {
      // Name files as the user can open them from where mesh runs.
      throw new InvalidDefinitionException(invalid.diagnostics().stream()
          .map(diagnostic -> new Diagnostic(diagnostic.location().under(display), diagnostic.message()))
          .toList());
    }
    // DuckDB's own parser has the last word on what each SQL text is, before any of it runs.
    Problems problems = new Problems();
    io.meshwork.engine.compute.DefinitionSql.check(catalog, problems);
    if (!problems.isEmpty()) {
      throw invalid(problems, display);
    }
    return catalog;
  }

  private static InvalidDefinitionException invalid(Problems problems, String display) {
    return new InvalidDefinitionException(problems.sorted().stream()
        .map(diagnostic -> new Diagnostic(diagnostic.location().under(display), diagnostic.message()))
        .toList());
  }
}
