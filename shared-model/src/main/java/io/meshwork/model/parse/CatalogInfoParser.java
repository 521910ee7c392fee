package io.meshwork.model.parse;

import io.meshwork.model.definition.CatalogInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code kind: Catalog} document. */
final class CatalogInfoParser {

  private static final List<String> KEYS = List.of("apiVersion", "kind", "name", "owner", "description", "roles",
      "glossary");
  private static final List<String> ROLE_KEYS = List.of("role", "description");

  private CatalogInfoParser() {
  }

  static Optional<CatalogInfo> parse(YamlMap document, DocumentContext context) {
    document.allowOnly("Catalog", KEYS);
    Optional<String> name = document.requiredText("The Catalog", "name", "swiss-health-analytics");
    String owner = document.optionalText("Catalog", "owner").orElse("");
    List<CatalogInfo.Role> roles = new ArrayList<>();
    Map<String, CatalogInfo.Role> byName = new HashMap<>();
    for (YamlNode item : document.list("Catalog", "roles")) {
      item.asMap("A role").ifPresent(map -> {
        map.allowOnly("role", ROLE_KEYS);
        map.requiredText("A role", "role", "actuary")
            .flatMap(role -> Names.identifier(context.problems(), map.locationOf("role"), "role name", role))
            .ifPresent(role -> {
              CatalogInfo.Role parsed = new CatalogInfo.Role(role, map.optionalText("role", "description").orElse(""),
                  map.locationOf("role"));
              CatalogInfo.Role previous = byName.putIfAbsent(role, parsed);
              if (previous != null) {
                context.problems().error(parsed.location(), "Duplicate role '%s' (first at line %d). Remove one.",
                    role, previous.location().line());
              } else {
                roles.add(parsed);
              }
            });
      });
    }
    List<io.meshwork.model.definition.GlossaryTerm> glossary = GlossaryParser.parse(document, context);
    return name.map(text -> new CatalogInfo(text, owner, roles, glossary, document.location()));
  }
}
