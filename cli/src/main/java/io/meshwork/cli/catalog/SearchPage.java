package io.meshwork.cli.catalog;

/** The search page: results are found and shown by {@code assets/search.js} over {@code assets/search-index.js}. */
final class SearchPage {

  private SearchPage() {
  }

  static String render(SiteContext site) {
    String body = "<h1>Search</h1>\n<p id=\"search-summary\">Type a product, column or glossary term above.</p>\n"
        + "<ol id=\"search-results\"></ol>\n";
    return Page.render(site.heading(), "", "Search", body, "assets/search-index.js", "assets/search.js");
  }
}
