package io.meshwork.model.parse;

import io.meshwork.model.definition.Problems;

/** The {@code apiVersion} and {@code kind} of a file the catalogue loader skips and its own parser reads. */
final class OwnFileHeader {

  private OwnFileHeader() {
  }

  /** Reports a missing or unsupported apiVersion, and a kind other than {@code kind}; {@code what} names the file. */
  static void check(YamlMap document, String kind, String what, Problems problems) {
    document.requiredText("The document", "apiVersion", DefinitionParser.API_VERSION)
        .filter(apiVersion -> !apiVersion.equals(DefinitionParser.API_VERSION))
        .ifPresent(apiVersion -> problems.error(document.locationOf("apiVersion"),
            "Unsupported apiVersion '%s'. Use '%s'.", apiVersion, DefinitionParser.API_VERSION));
    document.requiredText("The document", "kind", kind).filter(found -> !found.equals(kind))
        .ifPresent(found -> problems.error(document.locationOf("kind"),
            "%s has 'kind: %s', found '%s'.", what, kind, found));
  }
}
