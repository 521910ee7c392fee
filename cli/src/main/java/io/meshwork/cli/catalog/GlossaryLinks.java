package io.meshwork.cli.catalog;

import io.meshwork.model.definition.GlossaryTerm;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Links the glossary's terms where a text uses them: every occurrence of a term or synonym as a whole word (case
 * does not matter) becomes a link to its entry on the glossary page; the rest of the text is escaped.
 */
final class GlossaryLinks {

  private final Map<String, GlossaryTerm> termsByName = new HashMap<>();
  private final Optional<Pattern> pattern;

  GlossaryLinks(List<GlossaryTerm> glossary) {
    for (GlossaryTerm term : glossary) {
      term.names().forEach(name -> termsByName.put(name.toLowerCase(Locale.ROOT), term));
    }
    pattern = glossary.isEmpty() ? Optional.empty() : Optional.of(Pattern.compile("(?<![\\p{L}\\p{N}_])("
        + glossary.stream().flatMap(term -> term.names().stream())
            .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
            .collect(Collectors.joining("|")) + ")(?![\\p{L}\\p{N}_])", Pattern.CASE_INSENSITIVE
        | Pattern.UNICODE_CASE));
  }

  /** {@code text} as HTML, each use of a term linked to {@code glossaryPage}{@code #anchor}. */
  String link(String text, String glossaryPage) {
    if (pattern.isEmpty()) {
      return Html.escape(text);
    }
    StringBuilder html = new StringBuilder();
    Matcher matcher = pattern.get().matcher(text);
    int end = 0;
    while (matcher.find()) {
      GlossaryTerm term = termsByName.get(matcher.group(1).toLowerCase(Locale.ROOT));
      html.append(Html.escape(text.substring(end, matcher.start())));
      html.append("<a class=\"term\" href=\"").append(glossaryPage).append('#').append(term.anchor())
          .append("\" title=\"").append(Html.escape(term.term() + ": " + term.definition())).append("\">")
          .append(Html.escape(matcher.group(1))).append("</a>");
      end = matcher.end();
    }
    return html.append(Html.escape(text.substring(end))).toString();
  }

  /** The terms {@code text} uses, in order of first use. */
  Set<GlossaryTerm> termsIn(String text) {
    Set<GlossaryTerm> used = new LinkedHashSet<>();
    pattern.ifPresent(compiled -> {
      Matcher matcher = compiled.matcher(text);
      while (matcher.find()) {
        used.add(termsByName.get(matcher.group(1).toLowerCase(Locale.ROOT)));
      }
    });
    return used;
  }
}
