package io.meshwork.model.definition;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A business term of the catalogue's glossary: its definition and the other words that mean the same. Columns and
 * descriptions that use the term or a synonym link to it in the catalogue site.
 */
public record GlossaryTerm(String term, String definition, List<String> synonyms, Location location) {

  public GlossaryTerm {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(definition, "definition");
    synonyms = List.copyOf(synonyms);
    Objects.requireNonNull(location, "location");
  }

  /** The term followed by its synonyms: every word that refers to this entry. */
  public List<String> names() {
    return Stream.concat(Stream.of(term), synonyms.stream()).toList();
  }

  /** The anchor of the term on the glossary page, e.g. {@code earned-premium}. */
  public String anchor() {
    return term.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
