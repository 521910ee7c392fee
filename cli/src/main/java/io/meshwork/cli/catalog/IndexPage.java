package io.meshwork.cli.catalog;

import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Tenant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The start page: every product (and source) of the view, with what a reader decides by first. */
final class IndexPage {

  private IndexPage() {
  }

  static String render(SiteContext site, List<ProductView> products, List<Source> sources) {
    StringBuilder body = new StringBuilder();
    if (site.tenant().isPresent()) {
      TenantContext tenant = site.tenant().get();
      body.append("<h1>What ").append(Html.escape(tenant.tenant().displayName())).append(" receives</h1>\n<p>")
          .append(products.size()).append(" products: your subscriptions, what they read, and your own products. ")
          .append(tenant.states().isPresent() ? "State as of " + TenantSections.TIME.format(tenant.now()) + "."
              : "Built without --home: publication state not shown.").append("</p>\n");
    } else {
      body.append("<h1>Marketplace</h1>\n<p>").append(products.size()).append(" data products of the catalogue ")
          .append(Html.escape(site.catalog().info().name())).append(", owned by ")
          .append(Html.escape(site.catalog().info().owner())).append(".</p>\n");
    }
    body.append("<table class=\"products\" id=\"products\">\n<thead><tr><th>Product</th><th>Domain</th>"
        + "<th>Owner</th><th>Version</th><th>Purpose</th>")
        .append(site.tenant().isPresent() ? "<th>Published</th>" : "<th>Tenants</th>").append("</tr></thead>\n<tbody>\n");
    for (ProductView view : products) {
      DataProduct product = view.product();
      body.append("<tr><td><a href=\"products/").append(Html.escape(product.name())).append(".html\">")
          .append(Html.escape(product.name())).append("</a>")
          .append(product.tags().stream().map(tag -> " <span class=\"tag\">" + Html.escape(tag) + "</span>")
              .collect(Collectors.joining())).append("</td><td>").append(Html.escape(product.domain()))
          .append("</td><td>").append(Html.escape(product.owner())).append("</td><td>")
          .append(Html.escape(product.version().toString())).append("</td><td>")
          .append(Html.escape(product.description().purpose())).append("</td><td>").append(status(site, product))
          .append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n<h2>Sources</h2>\n<ul class=\"sources\">\n");
    for (Source source : sources) {
      body.append("<li><a href=\"sources/").append(Html.escape(source.name())).append(".html\">")
          .append(Html.escape(source.name())).append("</a>: ").append(Html.escape(source.description().purpose()))
          .append("</li>\n");
    }
    body.append("</ul>\n");
    if (site.providerView()) {
      body.append("<h2>Tenants</h2>\n<ul class=\"tenants\">\n");
      for (Tenant tenant : site.catalog().tenants()) {
        body.append("<li>").append(Html.escape(tenant.displayName())).append(" (<code>")
            .append(Html.escape(tenant.id())).append("</code>)</li>\n");
      }
      body.append("</ul>\n");
    }
    return Page.render(site.heading(), "", site.providerView() ? "Marketplace" : "Portal", body.toString());
  }

  private static String status(SiteContext site, DataProduct product) {
    if (site.tenant().isEmpty()) {
      return Integer.toString(site.subscribers().getOrDefault(product.name(), List.of()).size());
    }
    Optional<ProductState> state = site.tenant().get().states().map(states -> states.get(product.name()));
    if (site.tenant().get().states().isEmpty()) {
      return "not read";
    }
    return state.flatMap(ProductState::published).map(snapshot -> TenantSections.TIME.format(snapshot.publishedAt())
        + ", " + Html.escape(snapshot.rows()) + " rows").orElse("never");
  }
}
