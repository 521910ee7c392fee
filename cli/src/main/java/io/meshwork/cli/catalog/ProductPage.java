package io.meshwork.cli.catalog;

import io.meshwork.model.access.DataCellsFilter;
import io.meshwork.model.access.SelectGrant;
import io.meshwork.model.annotation.ProductAnnotation;
import io.meshwork.model.definition.AccessRule;
import io.meshwork.model.definition.CatalogInfo;
import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Parameter;
import io.meshwork.model.definition.Partition;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.Scalar;
import io.meshwork.model.definition.Schedule;
import io.meshwork.model.plan.PlannedProduct;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A product's page: owner, domain, description, versions and changelog, parameters, contract, quality rules, SLA
 * and schedule, access rules by role, lineage, downloads; subscribing tenants in the provider view; in the tenant
 * view the tenant's annotations, published snapshot, freshness, quality results, unpublished audit branches and
 * which of its principals see which columns and rows.
 */
final class ProductPage {

  private static final String ROOT = "../";
  private static final String GLOSSARY = ROOT + "glossary.html";

  private ProductPage() {
  }

  static String render(SiteContext site, ProductView view) {
    DataProduct product = view.product();
    StringBuilder body = new StringBuilder();
    body.append("<article class=\"product\">\n<h1 id=\"product-name\">").append(Html.escape(product.name()))
        .append(" <span class=\"version\">").append(Html.escape(product.version().toString())).append("</span></h1>\n")
        .append("<dl class=\"facts\">\n");
    fact(body, "owner", "Owner", Html.escape(product.owner()));
    fact(body, "domain", "Domain", Html.escape(product.domain()));
    fact(body, "status", "Status", Html.escape(product.status().name().toLowerCase(Locale.ROOT)));
    fact(body, "table", "Table", "<code>" + Html.escape(product.tableName().toString()) + "</code>");
    view.planned().ifPresent(planned -> fact(body, "origin", "Origin", Html.escape(origin(planned))));
    if (!product.tags().isEmpty()) {
      fact(body, "tags", "Tags", product.tags().stream().map(tag -> "<span class=\"tag\">" + Html.escape(tag)
          + "</span>").collect(Collectors.joining(" ")));
    }
    body.append("</dl>\n");
    description(body, site, product);
    site.tenant().ifPresent(tenant -> annotations(body, tenant.annotations().product(product.name())));
    site.tenant().ifPresent(tenant -> TenantSections.render(body, site, tenant, view));
    versions(body, site, view);
    parameters(body, view);
    contract(body, site, product.contract());
    quality(body, product.quality());
    sla(body, product, view.planned());
    access(body, site.catalog().info(), product);
    lineage(body, view);
    if (site.providerView()) {
      subscribers(body, site.subscribers().getOrDefault(product.name(), List.of()));
    }
    downloads(body, view);
    body.append("</article>\n");
    return Page.render(site.heading(), ROOT, product.name(), body.toString());
  }

  private static String origin(PlannedProduct planned) {
    return switch (planned.origin()) {
      case MANAGED -> "managed by the provider";
      case OVERRIDDEN -> "the provider's contract, computed with your own transform";
      case CUSTOM -> "your own product";
    };
  }

  static void fact(StringBuilder body, String id, String label, String html) {
    body.append("<dt>").append(label).append("</dt><dd id=\"").append(id).append("\">").append(html)
        .append("</dd>\n");
  }

  static void section(StringBuilder body, String id, String title) {
    body.append("<section id=\"").append(id).append("\">\n<h2>").append(title).append("</h2>\n");
  }

  private static void description(StringBuilder body, SiteContext site, DataProduct product) {
    section(body, "description", "Description");
    body.append("<dl>\n");
    describe(body, site, "Purpose", product.description().purpose());
    describe(body, site, "Limitations", product.description().limitations());
    describe(body, site, "Usage", product.description().usage());
    body.append("</dl>\n</section>\n");
  }

  private static void describe(StringBuilder body, SiteContext site, String label, String text) {
    body.append("<dt>").append(label).append("</dt><dd>")
        .append(text.isBlank() ? "<em>not given</em>" : site.glossary().link(text, GLOSSARY)).append("</dd>\n");
  }

  private static void annotations(StringBuilder body, Optional<ProductAnnotation> annotation) {
    section(body, "annotations", "Your annotations");
    if (annotation.isEmpty()) {
      body.append("<p>None yet. Add notes, tags, an internal owner and links in your annotations file.</p>\n");
    } else {
      ProductAnnotation notes = annotation.get();
      body.append("<dl>\n");
      fact(body, "annotation-owner", "Internal owner", notes.internalOwner().isEmpty() ? "<em>not given</em>"
          : Html.escape(notes.internalOwner()));
      fact(body, "annotation-tags", "Tags", notes.tags().stream().map(tag -> "<span class=\"tag own\">"
          + Html.escape(tag) + "</span>").collect(Collectors.joining(" ")));
      fact(body, "annotation-notes", "Notes", Html.escape(notes.notes()));
      fact(body, "annotation-links", "Links", notes.links().stream().map(link -> "<a rel=\"noopener noreferrer\" "
          + "class=\"external\" href=\"" + Html.escape(link.url()) + "\">" + Html.escape(link.title()) + "</a>")
          .collect(Collectors.joining(", ")));
      body.append("</dl>\n");
    }
    body.append("</section>\n");
  }

  private static void versions(StringBuilder body, SiteContext site, ProductView view) {
    section(body, "versions", "Versions and changelog");
    List<DataProduct> versions = site.catalog().productVersions(view.product().name());
    body.append("<p>Versions in the catalogue: ").append(versions.stream().map(version -> "<span class=\"version\">"
        + Html.escape(version.version().toString()) + (version.status() == io.meshwork.model.definition.Status.ACTIVE
        ? "" : " (" + version.status().name().toLowerCase(Locale.ROOT) + ")") + "</span>")
        .collect(Collectors.joining(", "))).append(".</p>\n");
    String file = view.product().location().file();
    String directory = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
    Optional<List<CatalogHistory.Change>> changes = site.history().changes(directory);
    if (changes.isEmpty() || changes.get().isEmpty()) {
      body.append("<p class=\"changelog-missing\">No changelog: the catalogue's history is not available (not in a "
          + "git work tree).</p>\n");
    } else {
      body.append("<table class=\"changelog\">\n<thead><tr><th>Date</th><th>Commit</th><th>Change</th></tr></thead>\n"
          + "<tbody>\n");
      for (CatalogHistory.Change change : changes.get()) {
        String subject = namesAnotherTenant(site, change.subject())
            ? "(not shown in this portal: the change names another tenant)" : change.subject();
        body.append("<tr><td>").append(Html.escape(change.date())).append("</td><td><code>")
            .append(Html.escape(change.commit())).append("</code></td><td>").append(Html.escape(subject))
            .append("</td></tr>\n");
      }
      body.append("</tbody>\n</table>\n");
    }
    body.append("</section>\n");
  }

  /** In a tenant's portal, whether {@code text} names another tenant of the catalogue (by id or display name). */
  private static boolean namesAnotherTenant(SiteContext site, String text) {
    if (site.tenant().isEmpty()) {
      return false;
    }
    String own = site.tenant().get().tenant().id();
    String lower = text.toLowerCase(Locale.ROOT);
    return site.catalog().tenants().stream().filter(other -> !other.id().equals(own))
        .anyMatch(other -> java.util.regex.Pattern.compile("(?<![a-z0-9-])" + java.util.regex.Pattern.quote(other.id())
            + "(?![a-z0-9-])").matcher(lower).find() || lower.contains(other.displayName().toLowerCase(Locale.ROOT)));
  }

  private static void parameters(StringBuilder body, ProductView view) {
    List<Parameter> parameters = view.product().parameters();
    section(body, "parameters", "Parameters");
    if (parameters.isEmpty()) {
      body.append("<p>None.</p>\n</section>\n");
      return;
    }
    body.append("<table>\n<thead><tr><th>Name</th><th>Type</th><th>Default</th>")
        .append(view.planned().isPresent() ? "<th>Your value</th>" : "")
        .append("<th>Bounds</th><th>Description</th></tr></thead>\n<tbody>\n");
    for (Parameter parameter : parameters) {
      String bounds = parameter.minimum().map(minimum -> "from " + minimum.display()).orElse("")
          + parameter.maximum().map(maximum -> " to " + maximum.display()).orElse("")
          + (parameter.allowedValues().isEmpty() ? "" : " one of " + parameter.allowedValues().stream()
          .map(value -> value.display()).collect(Collectors.joining(", ")))
          + parameter.pattern().map(pattern -> " matching " + pattern).orElse("");
      body.append("<tr><td><code>").append(Html.escape(parameter.name())).append("</code></td><td>")
          .append(Html.escape(parameter.type().toString())).append("</td><td>")
          .append(Html.escape(parameter.defaultValue().display())).append("</td>");
      view.planned().ifPresent(planned -> body.append("<td>").append(Html.escape(Optional.ofNullable(
          planned.parameters().get(parameter.name())).map(value -> value.display()).orElse(""))).append("</td>"));
      body.append("<td>").append(Html.escape(bounds.strip())).append("</td><td>")
          .append(Html.escape(parameter.description())).append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n</section>\n");
  }

  private static void contract(StringBuilder body, SiteContext site, Contract contract) {
    section(body, "contract", "Contract");
    body.append("<table class=\"columns\">\n<thead><tr><th>Column</th><th>Type</th><th>Required</th>"
        + "<th>Classification</th><th>Key</th><th>Description</th></tr></thead>\n<tbody>\n");
    for (Column column : contract.columns()) {
      int key = contract.primaryKey().indexOf(column.name());
      body.append("<tr id=\"column-").append(Html.escape(column.name())).append("\"><td><code>")
          .append(site.glossary().link(column.name(), GLOSSARY)).append("</code></td><td>")
          .append(Html.escape(column.type().toString())).append("</td><td>").append(column.required() ? "yes" : "no")
          .append("</td><td><span class=\"classification ").append(column.classification().label()).append("\">")
          .append(column.classification().label()).append("</span></td><td>")
          .append(key < 0 ? "" : "primary key " + (key + 1)).append("</td><td>")
          .append(site.glossary().link(column.description(), GLOSSARY)).append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n<p id=\"primary-key\">Primary key: ")
        .append(contract.primaryKey().isEmpty() ? "none" : "<code>" + Html.escape(String.join(", ",
            contract.primaryKey())) + "</code>")
        .append("</p>\n<p id=\"partitioning\">Partitioning: ")
        .append(contract.partitioning().isEmpty() ? "none" : contract.partitioning().stream().map(ProductPage::partition)
            .collect(Collectors.joining(", ")))
        .append("</p>\n</section>\n");
  }

  private static String partition(Partition partition) {
    return Html.escape(partition.transform()) + "(<code>" + Html.escape(partition.column()) + "</code>)";
  }

  private static void quality(StringBuilder body, List<QualityRule> rules) {
    section(body, "quality", "Quality rules");
    body.append("<p>Every refresh also checks the contract: required columns are never empty and the primary key "
        + "is unique.</p>\n");
    if (rules.isEmpty()) {
      body.append("<p>No further rules.</p>\n</section>\n");
      return;
    }
    body.append("<table>\n<thead><tr><th>Rule</th><th>Columns</th><th>Settings</th><th>Severity</th></tr></thead>\n"
        + "<tbody>\n");
    for (QualityRule rule : rules) {
      String settings = rule.settings().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
          .map(entry -> entry.getKey() + ": " + entry.getValue().text()).collect(Collectors.joining("; "));
      if (!rule.values().isEmpty()) {
        settings = (settings.isEmpty() ? "" : settings + "; ") + "values: " + rule.values().stream().map(Scalar::text)
            .collect(Collectors.joining(", "));
      }
      body.append("<tr><td>").append(Html.escape(rule.type())).append("</td><td>")
          .append(Html.escape(String.join(", ", rule.columns()))).append("</td><td>").append(Html.escape(settings))
          .append("</td><td>").append(rule.severity() == QualityRule.Severity.ERROR ? "error (blocks publishing)"
              : "warn").append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n</section>\n");
  }

  private static void sla(StringBuilder body, DataProduct product, Optional<PlannedProduct> planned) {
    section(body, "sla", "SLA and schedule");
    body.append("<dl>\n");
    fact(body, "sla-freshness", "Freshness", product.sla().freshness().map(ProductPage::duration)
        .map(text -> "published at most " + text + " ago").orElse("no freshness SLA"));
    Optional<Schedule> schedule = planned.isPresent() ? planned.get().schedule() : product.sla().schedule();
    fact(body, "sla-schedule", "Schedule", schedule.map(value -> "<code>" + Html.escape(value.expression())
        + "</code> (Europe/Zurich)" + (planned.isPresent() && !schedule.equals(product.sla().schedule())
        ? ", your own schedule" : "")).orElse("refreshed on demand and when its inputs are published"));
    body.append("</dl>\n</section>\n");
  }

  static String duration(Duration duration) {
    long hours = duration.toHours();
    return hours > 0 && duration.toMinutesPart() == 0 ? hours + " h" : duration.toMinutes() + " min";
  }

  private static void access(StringBuilder body, CatalogInfo catalog, DataProduct product) {
    section(body, "access", "Access rules by role");
    if (product.access().isEmpty()) {
      body.append("<p>No role may read this product.</p>\n</section>\n");
      return;
    }
    body.append("<table>\n<thead><tr><th>Role</th><th>Classifications</th><th>Columns</th><th>Rows</th></tr>"
        + "</thead>\n<tbody>\n");
    for (AccessRule rule : product.access()) {
      List<String> columns = product.contract().columns().stream()
          .filter(column -> rule.classifications().contains(column.classification())).map(Column::name).toList();
      String role = catalog.role(rule.role()).map(CatalogInfo.Role::description).orElse("");
      body.append("<tr><td><strong>").append(Html.escape(rule.role())).append("</strong>")
          .append(role.isEmpty() ? "" : "<br><small>" + Html.escape(role) + "</small>").append("</td><td>")
          .append(rule.classifications().stream().sorted().map(Classification::label)
              .collect(Collectors.joining(", "))).append("</td><td>")
          .append(Html.escape(String.join(", ", columns))).append("</td><td>")
          .append(rule.rowFilter().map(filter -> "<code>" + Html.escape(filter.expression()) + "</code>")
              .orElse("all rows")).append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n</section>\n");
  }

  private static void lineage(StringBuilder body, ProductView view) {
    section(body, "lineage", "Lineage");
    body.append("<p>Reads ").append(view.inputs().size()).append(", read by ").append(view.consumers().size())
        .append(". Select a box to open it.</p>\n");
    body.append(LineageGraph.svg(new LineageGraph.Node(view.product().name(), false, ""), view.inputs(),
        view.consumers()));
    body.append("</section>\n");
  }

  private static void subscribers(StringBuilder body, List<String> tenants) {
    section(body, "subscribers", "Tenants receiving it");
    if (tenants.isEmpty()) {
      body.append("<p>No tenant receives this product.</p>\n");
    } else {
      body.append("<ul>\n");
      tenants.forEach(line -> body.append("<li>").append(Html.escape(line)).append("</li>\n"));
      body.append("</ul>\n");
    }
    body.append("</section>\n");
  }

  private static void downloads(StringBuilder body, ProductView view) {
    section(body, "downloads", "Downloads");
    if (view.downloads().isEmpty()) {
      body.append("<p>Contracts are exported per tenant; no tenant receives this product yet.</p>\n");
    } else {
      body.append("<ul>\n");
      for (ProductView.Download download : view.downloads()) {
        body.append("<li><a download href=\"").append(ROOT).append(Html.escape(download.path())).append("\">")
            .append(Html.escape(download.label())).append("</a></li>\n");
      }
      body.append("</ul>\n");
    }
    body.append("</section>\n");
  }

  /** "column list" of a grant and its row filter, as the tenant view shows them. */
  static String grant(SelectGrant grant, Optional<DataCellsFilter> filter) {
    return "<code>" + Html.escape(String.join(", ", grant.columns())) + "</code> of "
        + filter.map(cells -> "rows where <code>" + Html.escape(cells.rowFilter()) + "</code>").orElse("all rows");
  }
}
