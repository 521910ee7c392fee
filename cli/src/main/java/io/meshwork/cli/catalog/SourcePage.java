package io.meshwork.cli.catalog;

import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Source;
import java.util.List;
import java.util.Optional;

/**
 * A source's page: what each tenant delivers (its contract) and which products read it; in a tenant's portal also
 * the latest delivery and the ODCS contract to deliver against.
 */
final class SourcePage {

  private SourcePage() {
  }

  /** The source's latest delivery, from the tenant's own table. */
  private static void delivery(StringBuilder body, TenantContext tenant, Source source) {
    ProductPage.section(body, "delivery", "Latest delivery");
    if (tenant.deliveries().isEmpty()) {
      body.append("<p class=\"no-state\">Not known: the site was built without --home, so no table was read.</p>\n");
    } else {
      ProductState.Delivery delivery = tenant.deliveries().get().get(source.name());
      body.append(delivery == null ? "<p class=\"status late\">Never delivered.</p>\n" : "<p id=\"delivered\">"
          + "Delivered " + TenantSections.TIME.format(delivery.deliveredAt()) + ", " + Html.escape(delivery.rows())
          + " rows.</p>\n");
    }
    body.append("</section>\n");
  }

  /** The contract the tenant delivers against, in a portal; the marketplace has none (contracts are per tenant). */
  private static void download(StringBuilder body, ProductView.Download contract) {
    ProductPage.section(body, "downloads", "Downloads");
    body.append("<ul>\n<li><a download href=\"../").append(Html.escape(contract.path())).append("\">")
        .append(Html.escape(contract.label())).append("</a></li>\n</ul>\n</section>\n");
  }

  static String render(SiteContext site, Source source, List<LineageGraph.Node> readers,
      Optional<ProductView.Download> contract) {
    StringBuilder body = new StringBuilder();
    body.append("<article class=\"source\">\n<h1 id=\"product-name\">").append(Html.escape(source.name()))
        .append(" <span class=\"version\">").append(Html.escape(source.version().toString()))
        .append("</span></h1>\n<p>A source: delivered by each tenant, read only by the pipeline.</p>\n")
        .append("<dl class=\"facts\">\n");
    ProductPage.fact(body, "domain", "Domain", Html.escape(source.domain()));
    ProductPage.fact(body, "table", "Table", "<code>" + Html.escape(source.tableName().toString()) + "</code>");
    body.append("</dl>\n");
    site.tenant().ifPresent(tenant -> delivery(body, tenant, source));
    ProductPage.section(body, "description", "Description");
    body.append("<p>").append(site.glossary().link(source.description().purpose(), "../glossary.html"))
        .append("</p>\n</section>\n");
    ProductPage.section(body, "contract", "Columns");
    body.append("<table class=\"columns\">\n<thead><tr><th>Column</th><th>Type</th><th>Required</th>"
        + "<th>Classification</th><th>Description</th></tr></thead>\n<tbody>\n");
    for (Column column : source.contract().columns()) {
      body.append("<tr id=\"column-").append(Html.escape(column.name())).append("\"><td><code>")
          .append(site.glossary().link(column.name(), "../glossary.html")).append("</code></td><td>")
          .append(Html.escape(column.type().toString())).append("</td><td>").append(column.required() ? "yes" : "no")
          .append("</td><td>").append(column.classification().label()).append("</td><td>")
          .append(site.glossary().link(column.description(), "../glossary.html")).append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n</section>\n");
    contract.ifPresent(download -> download(body, download));
    ProductPage.section(body, "lineage", "Lineage");
    body.append(LineageGraph.svg(new LineageGraph.Node(source.name(), true, ""), List.of(), readers))
        .append("</section>\n</article>\n");
    return Page.render(site.heading(), "../", source.name(), body.toString());
  }
}
