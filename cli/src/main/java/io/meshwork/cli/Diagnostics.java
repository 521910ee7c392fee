package io.meshwork.cli;

import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import java.io.PrintWriter;
import java.util.List;

/** Prints definition problems as {@code file:line:column: message}, one a line, then a count. */
final class Diagnostics {

  private Diagnostics() {
  }

  static void print(InvalidDefinitionException invalid, PrintWriter err) {
    List<Diagnostic> diagnostics = invalid.diagnostics();
    for (Diagnostic diagnostic : diagnostics) {
      err.println(diagnostic.location() + ": " + diagnostic.message());
    }
    long files = diagnostics.stream().map(diagnostic -> diagnostic.location().file()).distinct().count();
    err.printf("%d problem%s in %d file%s. Nothing was run or changed.%n", diagnostics.size(),
        diagnostics.size() == 1 ? "" : "s", files, files == 1 ? "" : "s");
  }
}
