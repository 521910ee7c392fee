package io.meshwork.model.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.GlossaryTerm;
import io.meshwork.model.definition.InvalidDefinitionException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlossaryParserTest {

  private static Catalog load(String glossary) {
    return CatalogLoader.load(new InMemoryDefinitionFiles("test", Map.of("catalog.yaml",
        "apiVersion: meshwork.io/v1\nkind: Catalog\nname: test\nroles: [{role: analyst}]\nglossary:\n" + glossary)));
  }

  private static Iterable<String> problems(String glossary) {
    try {
      load(glossary);
    } catch (InvalidDefinitionException invalid) {
      return invalid.diagnostics().stream().map(Diagnostic::toString).toList();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void readsTermsDefinitionsAndSynonyms() {
    Catalog catalog = load("""
          - term: Loss ratio
            definition: Claims divided by premiums.
            synonyms: [Schadenquote, loss_ratio]
          - {term: Canton, definition: A Swiss member state.}
        """);

    assertThat(catalog.info().glossary()).extracting(GlossaryTerm::term, GlossaryTerm::definition,
        GlossaryTerm::synonyms, GlossaryTerm::anchor).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Loss ratio", "Claims divided by premiums.",
            java.util.List.of("Schadenquote", "loss_ratio"), "loss-ratio"),
        org.assertj.core.groups.Tuple.tuple("Canton", "A Swiss member state.", java.util.List.of(), "canton"));
    assertThat(catalog.info().glossary().get(0).location().line()).isEqualTo(6);
  }

  @Test
  void reportsEachProblemWithItsPosition() {
    assertThat(problems("""
          - term: Loss ratio
            definition: Claims divided by premiums.
            synonim: [ratio]
          - term: "<b>bold</b>"
            definition: Not a word.
          - term: Premium
          - term: loss RATIO
            definition: Twice.
          - term: Exposure
            definition: Insured time.
            synonyms: [Loss ratio]
        """)).containsExactly(
        "catalog.yaml:8:5: Unknown key 'synonim' in a glossary entry. Did you mean 'synonyms'?",
        "catalog.yaml:9:11: The glossary term '<b>bold</b>' is not a term: use words (letters, digits, spaces, _ - "
            + "' ( ) / & .) starting with a letter or digit, at most 80 characters, e.g. 'Loss ratio'.",
        "catalog.yaml:11:5: A glossary entry is missing 'definition'. Add it, e.g. 'definition: Incurred claims "
            + "divided by earned premiums.'.",
        "catalog.yaml:12:11: 'loss RATIO' already names a glossary term (line 6). A word may name one term only: "
            + "remove it here or there.",
        "catalog.yaml:16:16: 'Loss ratio' already names a glossary term (line 6). A word may name one term only: "
            + "remove it here or there.");
  }

  @Test
  void theShippedCatalogueDefinesItsGlossary() {
    Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(Path.of("../product-definitions/catalog")));

    assertThat(catalog.info().glossary()).extracting(GlossaryTerm::term).containsExactly("Loss ratio",
        "Combined ratio", "Earned premium", "Insured-year", "Canton", "Cost sharing", "IBNR", "Risk equalisation");
  }

  @Test
  void anEntryThatIsNotAMappingIsReported() {
    assertThat(problems("  - 1\n")).containsExactly(
        "catalog.yaml:6:5: A glossary entry must be a mapping of keys to values, found '1'.");
  }
}
