package io.meshwork.cli.catalog;

import io.meshwork.model.definition.GlossaryTerm;
import java.util.List;
import java.util.Map;

/** The glossary: every term with its definition and synonyms, and the pages that use it. */
final class GlossaryPage {

  /** A place that uses a term: link text and the page (with anchor) below the site root. */
  record Use(String label, String href) {
  }

  private GlossaryPage() {
  }

  static String render(SiteContext site, Map<GlossaryTerm, List<Use>> uses) {
    StringBuilder body = new StringBuilder("<h1>Glossary</h1>\n");
    List<GlossaryTerm> terms = site.catalog().info().glossary();
    if (terms.isEmpty()) {
      body.append("<p>The catalogue defines no terms yet (add <code>glossary:</code> to catalog.yaml).</p>\n");
    }
    body.append("<dl class=\"glossary\">\n");
    for (GlossaryTerm term : terms) {
      body.append("<dt id=\"").append(term.anchor()).append("\">").append(Html.escape(term.term())).append("</dt>\n")
          .append("<dd><p>").append(Html.escape(term.definition())).append("</p>\n");
      if (!term.synonyms().isEmpty()) {
        body.append("<p class=\"synonyms\">Also: ").append(Html.escape(String.join(", ", term.synonyms())))
            .append("</p>\n");
      }
      List<Use> used = uses.getOrDefault(term, List.of());
      if (!used.isEmpty()) {
        body.append("<p class=\"uses\">Used in: ");
        for (int i = 0; i < used.size(); i++) {
          body.append(i == 0 ? "" : ", ").append("<a href=\"").append(Html.escape(used.get(i).href())).append("\">")
              .append(Html.escape(used.get(i).label())).append("</a>");
        }
        body.append("</p>\n");
      }
      body.append("</dd>\n");
    }
    body.append("</dl>\n");
    return Page.render(site.heading(), "", "Glossary", body.toString());
  }
}
