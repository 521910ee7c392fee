package io.meshwork.model.testing;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.parse.DefinitionFiles;
import io.meshwork.model.parse.TransformTestParser;
import java.util.List;

/** The entry point for checking a catalogue's transform test fixtures, e.g. from {@code mesh validate}. */
public final class TransformTests {

  private TransformTests() {
  }

  /**
   * Reads and checks the fixtures at {@code testPaths} (relative to the catalogue root, e.g. from
   * {@link io.meshwork.model.parse.DirectoryTestFiles#paths}) against {@code catalog}; every problem goes to
   * {@code problems} with its file:line:column. Returns the cases that are valid.
   */
  public static List<TransformTestCase> validate(Catalog catalog, DefinitionFiles files, List<String> testPaths,
      Problems problems) {
    return TransformTestParser.load(files, testPaths, catalog, problems);
  }
}
