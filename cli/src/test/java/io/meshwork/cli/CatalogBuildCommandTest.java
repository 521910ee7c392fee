package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mesh catalog build}: every product page shows every item the marketplace promises, a tenant's portal
 * holds nothing of another tenant, user text is escaped, and bad input is exit code 2 with a clear message.
 */
class CatalogBuildCommandTest {

  private static final Catalog CATALOG = CatalogLoader.load(new DirectoryDefinitionFiles(
      Path.of(BuiltSites.CATALOGUE)));
  private static final Pattern SECTION = Pattern.compile("<section id=\"([a-z-]+)\">(.*?)</section>", Pattern.DOTALL);

  @TempDir
  Path scratch;

  private static Map<String, String> sections(String html) {
    Map<String, String> sections = new java.util.LinkedHashMap<>();
    Matcher matcher = SECTION.matcher(html);
    while (matcher.find()) {
      sections.put(matcher.group(1), matcher.group(2));
    }
    return sections;
  }

  private static List<DataProduct> latestManagedProducts() {
    return CATALOG.products().stream().filter(product -> !product.isCustom())
        .filter(product -> CATALOG.productVersions(product.name()).get(CATALOG.productVersions(product.name()).size()
            - 1) == product).toList();
  }

  @Test
  void theMarketplaceHasAPageWithEveryItemForEveryProduct() throws IOException {
    Path site = BuiltSites.marketplace();

    assertThat(latestManagedProducts()).hasSize(9);
    for (DataProduct product : latestManagedProducts()) {
      String html = Files.readString(site.resolve("products/" + product.name() + ".html"));
      Map<String, String> sections = sections(html);
      assertThat(sections.keySet()).as(product.name()).containsExactly("description", "versions", "parameters",
          "contract", "quality", "sla", "access", "lineage", "subscribers", "downloads");
      assertThat(html).contains("<dd id=\"owner\">" + product.owner() + "</dd>",
          "<dd id=\"domain\">" + product.domain() + "</dd>");
      assertThat(sections.get("description")).contains("<dt>Purpose</dt>", "<dt>Limitations</dt>", "<dt>Usage</dt>");
      assertThat(sections.get("versions")).contains("<span class=\"version\">" + product.version() + "</span>",
          "<table class=\"changelog\">");
      for (var column : product.contract().columns()) {
        assertThat(sections.get("contract")).as(product.name()).contains("<tr id=\"column-" + column.name() + "\">",
            "<td>" + column.type() + "</td>", "<span class=\"classification " + column.classification().label()
                + "\">");
      }
      assertThat(sections.get("contract")).contains("<p id=\"primary-key\">Primary key: ", "<p id=\"partitioning\">");
      product.quality().forEach(rule -> assertThat(sections.get("quality")).contains("<tr><td>" + rule.type()
          + "</td>"));
      assertThat(sections.get("sla")).contains("<dd id=\"sla-freshness\">", "<dd id=\"sla-schedule\">");
      product.access().forEach(rule -> assertThat(sections.get("access")).contains("<strong>" + rule.role()
          + "</strong>"));
      assertThat(sections.get("lineage")).contains("<svg class=\"lineage\"");
      product.inputs().forEach(input -> assertThat(sections.get("lineage")).contains("data-node=\"" + input.name()
          + "\""));
      assertThat(sections.get("downloads")).contains("downloads/alpina/" + product.name() + ".odcs.yaml",
          "downloads/alpina/" + product.name() + ".odps.yaml");
      assertThat(site.resolve("downloads/alpina/" + product.name() + ".odcs.yaml")).exists();
    }
    String lossRatio = Files.readString(site.resolve("products/loss_ratio.html"));
    assertThat(sections(lossRatio).get("subscribers")).contains(
        "<li>Alpina Krankenkasse (alpina): version 1.1.1, subscribed", "<li>Lemanic Santé (lemanic): version 1.1.1, "
            + "subscribed");
    assertThat(sections(lossRatio).get("sla")).contains("published at most 30 h ago",
        "<code>cron(0 5 * * ? *)</code>");
    assertThat(sections(lossRatio).get("access")).contains("<code>canton IN (&#39;GE&#39;, &#39;VD&#39;, &#39;VS&#39;, &#39;NE&#39;, &#39;FR&#39;, "
        + "&#39;JU&#39;)</code>");
  }

  @Test
  void columnsAndDescriptionsLinkTheGlossaryTermsTheyUse() throws IOException {
    Path site = BuiltSites.marketplace();
    String lossRatio = Files.readString(site.resolve("products/loss_ratio.html"));
    String glossary = Files.readString(site.resolve("glossary.html"));

    assertThat(lossRatio).contains("<code><a class=\"term\" href=\"../glossary.html#loss-ratio\" title=\"Loss ratio: "
        + "Incurred net claims divided by earned premiums");
    assertThat(sections(lossRatio).get("description")).contains("<a class=\"term\" href=\"../glossary.html#ibnr\" "
        + "title=\"IBNR: Incurred but not reported");
    assertThat(glossary).contains("<dt id=\"loss-ratio\">Loss ratio</dt>", "Also: Schadenquote, loss_ratio",
        "<a href=\"products/loss_ratio.html#column-loss_ratio\">loss_ratio.loss_ratio</a>");
    assertThat(Files.readString(site.resolve("assets/search-index.js"))).contains("\"title\" : \"Loss ratio\"",
        "\"href\" : \"products/loss_ratio.html#column-earned_premium_chf\"");
  }

  @Test
  void aPortalShowsOnlyWhatTheTenantReceives() throws IOException {
    for (String tenant : BuiltSites.TENANTS) {
      Path site = BuiltSites.portal(tenant);
      List<String> received = new io.meshwork.model.plan.Planner(CATALOG).plan(tenant).products().stream()
          .map(planned -> planned.name() + ".html").sorted().toList();
      try (var pages = Files.list(site.resolve("products"))) {
        assertThat(pages.map(page -> page.getFileName().toString()).sorted()).as(tenant)
            .containsExactlyElementsOf(received);
      }
    }
    assertThat(BuiltSites.portal("lemanic").resolve("products/kpi_summary.html")).doesNotExist();
    assertThat(BuiltSites.portal("rhenus").resolve("products/telmed_savings.html")).exists();
  }

  @Test
  void aPortalNeverShowsAnotherTenantsData() {
    List<Path> portals = new ArrayList<>(BuiltSites.TENANTS.stream().map(BuiltSites::portal).toList());
    portals.add(BuiltSites.lemanicWithState());
    int checkedFiles = 0;
    for (Path site : portals) {
      String owner = site.getFileName().toString().replace("-with-state", "");
      for (Tenant other : CATALOG.tenants()) {
        if (other.id().equals(owner)) {
          continue;
        }
        for (Map.Entry<String, String> file : BuiltSites.files(site).entrySet()) {
          checkedFiles++;
          String where = owner + "'s " + file.getKey() + " names " + other.id();
          assertThat(Pattern.compile("(?i)(?<![a-z0-9-])" + other.id() + "(?![a-z0-9-])").matcher(file.getValue())
              .find()).as(where).isFalse();
          assertThat(file.getValue()).as(where).doesNotContain(other.displayName(), other.account().email());
          other.account().id().ifPresent(account -> assertThat(file.getValue()).as(where).doesNotContain(account));
          other.principals().forEach(principal -> principal.arn().ifPresent(arn ->
              assertThat(file.getValue()).as(where).doesNotContain(arn)));
          CATALOG.customProducts(other.id()).forEach(custom -> assertThat(file.getValue()).as(where)
              .doesNotContain(custom.name()));
          other.overrides().forEach(override -> assertThat(file.getValue()).as(where)
              .doesNotContain(override.reason().strip()));
        }
      }
    }
    assertThat(checkedFiles).isGreaterThan(100);
    assertThat(BuiltSites.files(BuiltSites.marketplace()).get("products/loss_ratio.html")).contains("alpina",
        "lemanic");
  }

  @Test
  void aPortalShowsTheTenantsStateAnnotationsAndWhoSeesWhat() throws IOException {
    String lossRatio = Files.readString(BuiltSites.lemanicWithState().resolve("products/loss_ratio.html"));
    String claimsClean = Files.readString(BuiltSites.lemanicWithState().resolve("products/claims_clean.html"));
    String costPerInsured = Files.readString(BuiltSites.lemanicWithState().resolve("products/cost_per_insured.html"));

    assertThat(sections(lossRatio).keySet()).containsExactly("description", "annotations", "published", "freshness",
        "quality-results", "audit-branches", "principals", "versions", "parameters", "contract", "quality", "sla",
        "access", "lineage", "downloads");
    assertThat(sections(lossRatio).get("published")).contains("<dd id=\"published-run\"><code>first</code></dd>",
        "<dd id=\"published-version\">1.1.1</dd>", "<dd id=\"published-quality\">9 passed, 0 warned, 0 failed</dd>");
    assertThat(sections(lossRatio).get("freshness")).contains("<p class=\"status ok\">Within the SLA: published ");
    assertThat(sections(lossRatio).get("sla")).contains("<code>cron(0 7 * * ? *)</code> (Europe/Zurich), your own "
        + "schedule");
    assertThat(sections(lossRatio).get("parameters")).contains("<td>0.0500</td><td>0.0800</td>");
    assertThat(sections(lossRatio).get("principals")).contains("<tr><td>controle-de-gestion</td><td>controller</td>"
        + "<td><code>year, canton, insured_years, earned_premium_chf, net_claims_chf, loss_ratio, expense_ratio, "
        + "combined_ratio</code> of all rows</td></tr>");
    assertThat(sections(claimsClean).get("quality-results")).contains("Latest validation: run <code>defects</code>",
        "<tr class=\"failed\"><td>failed</td>", "<td><code>first</code></td>");
    // the defects leave insured_id empty, so the run committed nothing to a branch: only its validation shows
    assertThat(sections(claimsClean).get("audit-branches"))
        .contains("<p>None: every computed snapshot was published.</p>");
    assertThat(sections(costPerInsured).get("annotations")).contains(
        "<dd id=\"annotation-owner\">Tarification Lemanic (C. Favre)</dd>",
        "<span class=\"tag own\">tarification</span>",
        "<a rel=\"noopener noreferrer\" class=\"external\" href=\"https://intranet.lemanic.example/tarification\">"
            + "Dossier tarifaire</a>");
    assertThat(Files.readString(BuiltSites.lemanicWithState().resolve("downloads/cost_per_insured.odcs.yaml")))
        .contains("  - property: tenantInternalOwner\n    value: Tarification Lemanic (C. Favre)\n");
    assertThat(Files.readString(BuiltSites.lemanicWithState().resolve("sources/claims.html")))
        .containsPattern("<p id=\"delivered\">Delivered \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC, \\d+ rows.</p>");
    assertThat(BuiltSites.lemanicWithState().resolve("sources/cantons.html")).doesNotExist();
    assertThat(Files.readString(BuiltSites.portal("lemanic").resolve("sources/claims.html"))).contains(
        "<section id=\"delivery\">", "<li><a download href=\"../downloads/claims.odcs.yaml\">ODCS v3.1.0 data "
            + "contract (claims.odcs.yaml)</a></li>");
    assertThat(Files.readString(BuiltSites.portal("lemanic").resolve("downloads/claims.odcs.yaml")))
        .contains("id: lemanic-claims-v2-contract\n");
    assertThat(BuiltSites.marketplace().resolve("downloads/claims.odcs.yaml")).doesNotExist();
    assertThat(Files.readString(BuiltSites.marketplace().resolve("sources/claims.html"))).doesNotContain(
        "<section id=\"delivery\">");
    assertThat(Files.readString(BuiltSites.portal("lemanic").resolve("products/loss_ratio.html")))
        .contains("<p class=\"no-state\">Not known: the site was built without --home, so no table was read.</p>");
  }

  @Test
  void userTextIsEscaped() throws IOException {
    String lossRatio = Files.readString(BuiltSites.portal("alpina").resolve("products/loss_ratio.html"));

    assertThat(lossRatio).contains("Ask controlling before sharing &lt;outside&gt; the group.")
        .doesNotContain("<outside>");
  }

  @Test
  void scriptsInTheCatalogueAreShownAsText() throws IOException {
    Path catalogue = scratch.resolve("catalogue");
    copy(Path.of(BuiltSites.CATALOGUE), catalogue);
    Path product = catalogue.resolve("products/finance/loss_ratio/product.yaml");
    Files.writeString(product, Files.readString(product).replace("usage: Controlling, budget follow-up",
        "usage: <script>alert('x')</script> & <img src=x onerror=alert(1)> Controlling, budget follow-up"));
    Path output = scratch.resolve("site");

    MeshRun run = MeshRun.of("catalog", "build", "--definitions", catalogue.toString(), "--output", output.toString(),
        "--home", scratch.resolve("home").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String html = Files.readString(output.resolve("products/loss_ratio.html"));
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x "
        + "onerror=alert(1)&gt;").doesNotContain("<script>alert", "<img src=x");
    assertThat(Files.readString(output.resolve("assets/search-index.js"))).doesNotContain("<script>")
        .contains("\\u003cscript>alert");
  }

  @Test
  void reportsWhatWasWritten() {
    Path output = scratch.resolve("site");

    MeshRun run = MeshRun.of("catalog", "build", "--tenant", "lemanic", "--definitions", BuiltSites.CATALOGUE,
        "--output", output.toString(), "--home", scratch.resolve("empty-home").toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Wrote the portal of tenant lemanic to " + output + ": 11 pages, 4 products, "
        + "84 search entries; no tables under " + scratch.resolve("empty-home") + ", so no publication state (run mesh "
        + "run --tenant lemanic first).\n");
  }

  @Test
  void aRebuildReplacesThePreviousSiteAsAWhole() {
    Path output = scratch.resolve("site");
    MeshRun.of("catalog", "build", "--definitions", BuiltSites.CATALOGUE, "--output", output.toString());

    MeshRun run = MeshRun.of("catalog", "build", "--tenant", "lemanic", "--definitions", BuiltSites.CATALOGUE,
        "--output", output.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(output.resolve("products/kpi_summary.html")).doesNotExist();
    assertThat(output.resolve("downloads/alpina")).doesNotExist();
  }

  @Test
  void badInputIsExitCodeTwoWithWhatToDo() throws IOException {
    Path file = Files.writeString(scratch.resolve("file.txt"), "x");
    Path foreign = Files.createDirectories(scratch.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    Path annotations = Files.writeString(scratch.resolve("annotations.yaml"), """
        apiVersion: meshwork.io/v1
        kind: Annotations
        tenant: lemanic
        products:
          - product: kpi_summary
            links: [{title: Wiki, url: "ftp://wiki"}]
        """);
    String output = scratch.resolve("site").toString();

    assertThat(build("--tenant", "lemanc", "--output", output)).isEqualTo("mesh catalog build: Unknown tenant "
        + "'lemanc'. Did you mean 'lemanic'? Tenants are alpina, lemanic, rhenus.\n");
    assertThat(build("--annotations", annotations.toString(), "--output", output)).isEqualTo("mesh catalog build: "
        + "--annotations needs --tenant: annotations belong to one tenant's portal.\n");
    assertThat(build("--tenant", "lemanic", "--annotations", "missing.yaml", "--output", output)).isEqualTo(
        "mesh catalog build: No annotations file at 'missing.yaml'. Pass the tenant's annotations.yaml, or leave out "
            + "--annotations.\n");
    assertThat(build("--output", file.toString())).isEqualTo("mesh catalog build: The output '" + file + "' is a "
        + "file. Pass a directory for the site.\n");
    assertThat(build("--output", foreign.toString())).isEqualTo("mesh catalog build: The output directory '" + foreign
        + "' is not empty and was not written by mesh catalog build. Pass a new or empty directory.\n");
    assertThat(foreign.resolve("notes.txt")).hasContent("mine");
    assertThat(build("--tenant", "lemanic", "--annotations", annotations.toString(), "--output", output)).isEqualTo(
        scratch + "/annotations.yaml:5:14: Tenant 'lemanic' does not receive product 'kpi_summary'. It receives "
            + "claims_clean, insured_months, cost_per_insured, loss_ratio.\n"
            + scratch + "/annotations.yaml:6:32: The url 'ftp://wiki' is not an absolute http(s) address. Write it "
            + "in full, e.g. 'https://wiki.example.ch/board-report'.\n"
            + "2 problems in 1 file. Nothing was run or changed.\n");
    assertThat(build("--output")).isEqualTo("Missing required parameter for option '--output' (DIR)\n");
  }

  /** Runs {@code mesh catalog build} expecting exit code 2; returns what it printed on standard error. */
  private String build(String... options) {
    String[] arguments = java.util.stream.Stream.concat(java.util.stream.Stream.of("catalog", "build",
        "--definitions", BuiltSites.CATALOGUE, "--home", scratch.resolve("home").toString()),
        java.util.stream.Stream.of(options)).toArray(String[]::new);
    MeshRun run = MeshRun.of(arguments);
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    return firstBlock(run.err());
  }

  /** The diagnostics or message, without picocli's usage help after a parse error. */
  private static String firstBlock(String err) {
    int usage = err.indexOf("\nUsage:");
    return usage < 0 ? err : err.substring(0, usage + 1);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var tree = Files.walk(from)) {
      for (Path path : tree.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
