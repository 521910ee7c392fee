package io.meshwork.cli;

import io.meshwork.model.annotation.TenantAnnotations;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.parse.AnnotationsParser;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tenants' annotations files ({@code kind: Annotations}): by default {@code tenants/<id>/annotations.yaml} of the
 * catalogue, read and checked against it; problems are reported like invalid definitions, with the file's path.
 */
final class TenantAnnotationFiles {

  static final String FILE_NAME = "annotations.yaml";

  private TenantAnnotationFiles() {
  }

  /** The default annotations file of {@code tenant} in the catalogue {@code directory}. */
  static Path defaultFile(String directory, String tenant) {
    return Path.of(directory, "tenants", tenant, FILE_NAME);
  }

  /** The annotations of {@code tenant} in its default file; none when there is no such file. */
  static TenantAnnotations load(String directory, Catalog catalog, String tenant) {
    Path file = defaultFile(directory, tenant);
    return Files.isRegularFile(file) ? load(file, catalog, tenant) : TenantAnnotations.none(tenant);
  }

  /** The annotations of {@code tenant} in {@code file}, which must exist. */
  static TenantAnnotations load(Path file, Catalog catalog, String tenant) {
    Path parent = file.toAbsolutePath().getParent();
    String display = file.getParent() == null ? "" : file.getParent().toString();
    try {
      return AnnotationsParser.load(new DirectoryDefinitionFiles(parent, display), file.getFileName().toString(),
          catalog, tenant);
    } catch (InvalidDefinitionException invalid) {
      throw new InvalidDefinitionException(invalid.diagnostics().stream().map(diagnostic -> new Diagnostic(
          display.isEmpty() ? diagnostic.location() : diagnostic.location().under(display), diagnostic.message()))
          .toList());
    }
  }

  /**
   * Checks every tenant's default annotations file, the workspace's {@code annotations.yaml} standing for its
   * tenant's; all problems of all files are reported together.
   */
  static void checkAll(String directory, java.util.Optional<Path> workspace, Catalog catalog) {
    List<Diagnostic> problems = new ArrayList<>();
    java.util.Optional<String> owner = WorkspaceOption.owner(catalog).map(io.meshwork.model.definition.Tenant::id);
    for (String tenant : catalog.tenantIds()) {
      try {
        if (workspace.isPresent() && owner.equals(java.util.Optional.of(tenant))) {
          Path file = workspace.get().resolve(FILE_NAME);
          if (Files.isRegularFile(file)) {
            load(file, catalog, tenant);
          }
          continue;
        }
        load(directory, catalog, tenant);
      } catch (InvalidDefinitionException invalid) {
        problems.addAll(invalid.diagnostics());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(problems);
    }
  }
}
