package io.meshwork.cli;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.parse.PriceSheetParser;
import io.meshwork.model.pricing.PriceSheet;
import java.nio.file.Path;

/** The price sheet file ({@code kind: PriceSheet}), by default {@value #NAME} in the catalogue directory. */
final class PriceSheetFile {

  static final String NAME = "prices.yaml";

  private PriceSheetFile() {
  }

  /** Reads and checks {@code file} against {@code catalog}; problems name the file as given, with line and column. */
  static PriceSheet load(Path file, Catalog catalog) {
    Path parent = file.toAbsolutePath().getParent();
    String display = file.getParent() == null ? "." : file.getParent().toString();
    try {
      return PriceSheetParser.load(new DirectoryDefinitionFiles(parent, display), file.getFileName().toString(),
          catalog);
    } catch (InvalidDefinitionException invalid) {
      throw new InvalidDefinitionException(invalid.diagnostics().stream()
          .map(diagnostic -> new Diagnostic(diagnostic.location().under(display), diagnostic.message())).toList());
    }
  }
}
