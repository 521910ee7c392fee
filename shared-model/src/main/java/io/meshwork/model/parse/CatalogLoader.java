package io.meshwork.model.parse;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.validate.CatalogValidator;

/** Loads a catalogue and validates it completely: every problem of every file is reported together. */
public final class CatalogLoader {

  private CatalogLoader() {
  }

  /** The valid catalogue; throws {@link InvalidDefinitionException} listing every problem otherwise. */
  public static Catalog load(DefinitionFiles files) {
    Problems problems = new Problems();
    Catalog catalog = new DefinitionParser(files, problems).parse();
    CatalogValidator.validate(catalog, problems);
    problems.throwIfAny();
    return catalog;
  }
}
