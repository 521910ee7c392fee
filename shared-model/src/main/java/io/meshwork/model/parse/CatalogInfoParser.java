package io.meshwork.model.parse;

import io.meshwork.model.definition.CatalogInfo;
import io.meshwork.model.definition.RetentionPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code kind: Catalog} document. */
final class CatalogInfoParser {

  private static final List<String> KEYS = List.of("apiVersion", "kind", "name", "owner", "description", "roles",
      "glossary", "retention");
  private static final List<String> RETENTION_KEYS = List.of("publishedDays", "keepLastPublished", "blockedRunDays");
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
    RetentionPolicy retention = retention(document, context);
    return name.map(text -> new CatalogInfo(text, owner, roles, glossary, retention, document.location()));
  }

  private static RetentionPolicy retention(YamlMap document, DocumentContext context) {
    Optional<YamlMap> block = document.optionalMap("Catalog", "retention");
    if (block.isEmpty()) {
      return RetentionPolicy.DEFAULT;
    }
    YamlMap map = block.get().allowOnly("the retention of the catalogue", RETENTION_KEYS);
    RetentionPolicy defaults = RetentionPolicy.DEFAULT;
    int published = positive(map, "publishedDays", defaults.publishedDays(), context);
    int last = positive(map, "keepLastPublished", defaults.keepLastPublished(), context);
    int blocked = positive(map, "blockedRunDays", defaults.blockedRunDays(), context);
    return new RetentionPolicy(published, last, blocked);
  }

  private static int positive(YamlMap map, String key, int fallback, DocumentContext context) {
    Optional<String> text = map.optionalText("the retention of the catalogue", key);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get().trim());
      if (value >= 1 && value <= 36500) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    context.problems().error(map.locationOf(key), "'%s' of the retention of the catalogue must be a whole number "
        + "from 1 to 36500, not '%s'.", key, text.get());
    return fallback;
  }
}
