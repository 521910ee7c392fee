package io.meshwork.model.parse;

import io.meshwork.model.definition.GlossaryTerm;
import io.meshwork.model.definition.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code glossary:} of the {@code kind: Catalog} document: business terms, definitions, synonyms. */
final class GlossaryParser {

  static final List<String> KEYS = List.of("term", "definition", "synonyms");
  private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _'’()/&.-]*");
  private static final int MAXIMUM_LENGTH = 80;

  private GlossaryParser() {
  }

  static List<GlossaryTerm> parse(YamlMap document, DocumentContext context) {
    List<GlossaryTerm> terms = new ArrayList<>();
    Map<String, Location> names = new HashMap<>();
    for (YamlNode item : document.list("Catalog", "glossary")) {
      item.asMap("A glossary entry").ifPresent(map -> {
        map.allowOnly("a glossary entry", KEYS);
        Optional<String> term = map.requiredText("A glossary entry", "term", "Loss ratio")
            .filter(text -> words(context, map.locationOf("term"), "term", text));
        Optional<String> definition = map.requiredText("A glossary entry", "definition",
            "Incurred claims divided by earned premiums.");
        List<String> synonyms = new ArrayList<>();
        Map<String, Location> synonymLocations = new HashMap<>();
        for (YamlNode synonymNode : map.list("a glossary entry", "synonyms")) {
          synonymNode.asText("A synonym").filter(synonym -> words(context, synonymNode.location(), "synonym", synonym))
              .ifPresent(synonym -> {
                synonyms.add(synonym.strip());
                synonymLocations.putIfAbsent(synonym.strip(), synonymNode.location());
              });
        }
        if (term.isEmpty() || definition.isEmpty()) {
          return;
        }
        GlossaryTerm parsed = new GlossaryTerm(term.get().strip(), definition.get().strip(), synonyms,
            map.locationOf("term"));
        boolean unique = true;
        for (String name : parsed.names()) {
          Location first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), parsed.location());
          if (first != null) {
            context.problems().error(synonymLocations.getOrDefault(name, parsed.location()),
                "'%s' already names a glossary term (line %d). A word may name one term only: remove it here or "
                    + "there.", name, first.line());
            unique = false;
          }
        }
        if (unique) {
          terms.add(parsed);
        }
      });
    }
    return terms;
  }

  /** Whether {@code text} is a term as the site can link it: words, at most 80 characters, one line. */
  private static boolean words(DocumentContext context, Location location, String what, String text) {
    String stripped = text.strip();
    if (stripped.length() > MAXIMUM_LENGTH || !WORDS.matcher(stripped).matches()) {
      context.problems().error(location, "The glossary %s '%s' is not a term: use words (letters, digits, spaces, _ "
          + "- ' ( ) / & .) starting with a letter or digit, at most %d characters, e.g. 'Loss ratio'.", what,
          stripped, MAXIMUM_LENGTH);
      return false;
    }
    return true;
  }
}
