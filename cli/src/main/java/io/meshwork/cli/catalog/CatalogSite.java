package io.meshwork.cli.catalog;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.model.access.LakeFormationCompiler;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.annotation.TenantAnnotations;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.GlossaryTerm;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.export.AnnotationProperties;
import io.meshwork.model.export.OdcsExport;
import io.meshwork.model.export.OdcsSourceExport;
import io.meshwork.model.export.OdpsExport;
import io.meshwork.model.export.YamlDocuments;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the static catalogue site: the provider's marketplace (every managed product and source, who receives
 * what) or one tenant's portal (only what that tenant receives, with its own state, annotations and access).
 * Plain HTML, one style sheet and a small search script; nothing is fetched from elsewhere.
 */
public final class CatalogSite {

  /** The file marking a directory as this command's output, so a rebuild may replace its contents. */
  public static final String MARKER = ".meshwork-catalog";

  /**
   * What to build.
   *
   * @param definitions the catalogue directory (for its git history)
   * @param tenant the tenant whose portal to build; empty for the provider's marketplace
   * @param annotations the tenant's annotations, already checked
   * @param engine the engine over the tenant's storage, when its tables are to be read
   * @param home the home named in exported contracts' local server
   */
  public record Options(Path definitions, Optional<String> tenant, TenantAnnotations annotations,
      Optional<Engine> engine, String home, Path output, Clock clock) {
  }

  /** What was written: page count, products described, search entries. */
  public record Result(int pages, int products, int searchEntries) {
  }

  private final Catalog catalog;
  private final Options options;
  private final List<String> written = new ArrayList<>();

  private CatalogSite(Catalog catalog, Options options) {
    this.catalog = catalog;
    this.options = options;
  }

  public static Result build(Catalog catalog, Options options) throws IOException, SQLException {
    return new CatalogSite(catalog, options).build();
  }

  private Result build() throws IOException, SQLException {
    Optional<TenantContext> tenant = options.tenant().isEmpty() ? Optional.empty()
        : Optional.of(tenantContext(catalog.tenant(options.tenant().get()).orElseThrow()));
    Page.SiteHeading heading = new Page.SiteHeading(catalog.info().name(), tenant.map(context ->
        "Portal of " + context.tenant().displayName()).orElse("Provider marketplace"), catalog.info().name());
    SiteContext site = new SiteContext(catalog, heading, new GlossaryLinks(catalog.info().glossary()),
        new CatalogHistory(options.definitions()), tenant, tenant.isEmpty() ? subscribers() : Map.of());
    List<ProductView> products = tenant.isPresent() ? tenantProducts(tenant.get()) : providerProducts();
    List<Source> sources = tenant.map(context -> context.plan().sources()).orElse(catalog.sources());
    SearchIndex index = new SearchIndex();
    Map<GlossaryTerm, List<GlossaryPage.Use>> uses = new LinkedHashMap<>();
    for (ProductView view : products) {
      write("products/" + view.product().name() + ".html", ProductPage.render(site, view));
      describe(site, index, uses, "products/", view.product().name(), view.product().description().purpose() + " "
          + view.product().description().limitations() + " " + view.product().description().usage() + " "
          + String.join(" ", view.product().tags()) + " " + view.product().domain() + " " + view.product().owner(),
          view.product().contract().columns(), "product");
    }
    for (Source source : sources) {
      List<LineageGraph.Node> readers = products.stream().filter(view -> view.inputs().stream()
          .anyMatch(input -> input.source() && input.label().equals(source.name())))
          .map(view -> new LineageGraph.Node(view.product().name(), false, "../products/" + view.product().name()
              + ".html")).toList();
      Optional<ProductView.Download> contract = tenant.isPresent()
          ? Optional.of(sourceContract(tenant.get(), source)) : Optional.empty();
      write("sources/" + source.name() + ".html", SourcePage.render(site, source, readers, contract));
      describe(site, index, uses, "sources/", source.name(), source.description().purpose(),
          source.contract().columns(), "source");
    }
    for (GlossaryTerm term : catalog.info().glossary()) {
      index.add("term", term.term(), "glossary.html#" + term.anchor(), term.definition() + " "
          + String.join(" ", term.synonyms()));
    }
    write("index.html", IndexPage.render(site, products, sources));
    write("glossary.html", GlossaryPage.render(site, uses));
    write("search.html", SearchPage.render(site));
    write("assets/search-index.js", index.script());
    write("assets/site.css", resource("site.css"));
    write("assets/search.js", resource("search.js"));
    write("assets/icon.svg", resource("icon.svg"));
    write(MARKER, heading.viewLabel() + "\n");
    long pages = written.stream().filter(path -> path.endsWith(".html")).count();
    return new Result((int) pages, products.size(), index.size());
  }

  /** Adds a product or source and its columns to the search index, and records the glossary terms they use. */
  private static void describe(SiteContext site, SearchIndex index, Map<GlossaryTerm, List<GlossaryPage.Use>> uses,
      String directory, String name, String text, List<Column> columns, String kind) {
    String page = directory + name + ".html";
    index.add(kind, name, page, text);
    site.glossary().termsIn(text).forEach(term -> uses.computeIfAbsent(term, key -> new ArrayList<>())
        .add(new GlossaryPage.Use(name, page)));
    for (Column column : columns) {
      String href = page + "#column-" + column.name();
      index.add("column", name + "." + column.name(), href, column.type() + " " + column.classification().label()
          + " " + column.description());
      site.glossary().termsIn(column.name() + " " + column.description()).forEach(term -> uses.computeIfAbsent(term,
          key -> new ArrayList<>()).add(new GlossaryPage.Use(name + "." + column.name(), href)));
    }
  }

  private TenantContext tenantContext(Tenant tenant) throws SQLException {
    TenantPlan plan = new Planner(catalog).plan(tenant.id());
    Problems problems = new Problems();
    LakeFormationPolicy policy = LakeFormationCompiler.compile(tenant, plan, tenant.account().id(), problems);
    List<String> policyProblems = problems.sorted().stream().map(Diagnostic::message).toList();
    Optional<Map<String, ProductState>> states = Optional.empty();
    Optional<Map<String, ProductState.Delivery>> deliveries = Optional.empty();
    if (options.engine().isPresent()) {
      TenantStateReader reader = new TenantStateReader(options.engine().get(), tenant.id());
      states = Optional.of(reader.read(plan.products()));
      deliveries = Optional.of(reader.deliveries(plan.sources()));
    }
    return new TenantContext(tenant, plan, policyProblems.isEmpty() ? Optional.of(policy) : Optional.empty(),
        policyProblems, options.annotations(), states, deliveries, options.clock().instant());
  }

  /** Writes the ODCS contract of a source the portal's tenant delivers; returns its download. */
  private ProductView.Download sourceContract(TenantContext tenant, Source source) throws IOException {
    String path = "downloads/" + source.name() + ".odcs.yaml";
    write(path, YamlDocuments.write(OdcsSourceExport.contract(source, tenant.tenant(), options.home())));
    return new ProductView.Download("ODCS v3.1.0 data contract (" + source.name() + ".odcs.yaml)", path);
  }

  private List<ProductView> tenantProducts(TenantContext tenant) throws IOException {
    List<ProductView> views = new ArrayList<>();
    for (PlannedProduct planned : tenant.plan().products()) {
      List<LineageGraph.Node> inputs = planned.inputs().stream().map(input -> node(input.name(), input.isSource()))
          .toList();
      List<LineageGraph.Node> consumers = tenant.plan().products().stream()
          .filter(other -> other.inputs().stream().anyMatch(input -> input.name().equals(planned.name())))
          .map(other -> node(other.name(), false)).toList();
      Map<String, Object> contract = OdcsExport.contract(planned, tenant.tenant(), catalog.info(), options.home());
      Map<String, Object> descriptor = OdpsExport.product(planned, tenant.tenant(), catalog.info());
      var annotation = tenant.annotations().product(planned.name());
      if (annotation.isPresent()) {
        contract = AnnotationProperties.annotate(contract, annotation.get());
        descriptor = AnnotationProperties.annotate(descriptor, annotation.get());
      }
      String base = "downloads/" + planned.name();
      write(base + ".odcs.yaml", YamlDocuments.write(contract));
      write(base + ".odps.yaml", YamlDocuments.write(descriptor));
      views.add(new ProductView(planned.product(), Optional.of(planned), inputs, consumers, List.of(
          new ProductView.Download("ODCS v3.1.0 data contract (" + planned.name() + ".odcs.yaml)", base
              + ".odcs.yaml"),
          new ProductView.Download("ODPS v1.0.0 product descriptor (" + planned.name() + ".odps.yaml)", base
              + ".odps.yaml"))));
    }
    return views;
  }

  private List<ProductView> providerProducts() throws IOException {
    List<DataProduct> latest = new ArrayList<>();
    for (DataProduct product : catalog.products()) {
      List<DataProduct> versions = catalog.productVersions(product.name());
      DataProduct highest = versions.get(versions.size() - 1);
      if (!product.isCustom() && highest == product) {
        latest.add(product);
      }
    }
    Map<String, TenantPlan> plans = new LinkedHashMap<>();
    catalog.tenants().forEach(tenant -> plans.put(tenant.id(), new Planner(catalog).plan(tenant.id())));
    List<ProductView> views = new ArrayList<>();
    for (DataProduct product : latest) {
      List<LineageGraph.Node> inputs = product.inputs().stream()
          .map(input -> node(input.name(), catalog.source(input.name()).isPresent())).toList();
      List<LineageGraph.Node> consumers = latest.stream()
          .filter(other -> other.inputs().stream().anyMatch(input -> input.name().equals(product.name())))
          .map(other -> node(other.name(), false)).toList();
      List<ProductView.Download> downloads = new ArrayList<>();
      for (Tenant tenant : catalog.tenants()) {
        Optional<PlannedProduct> planned = plans.get(tenant.id()).product(product.name());
        if (planned.isEmpty()) {
          continue;
        }
        String base = "downloads/" + tenant.id() + "/" + product.name();
        write(base + ".odcs.yaml", YamlDocuments.write(OdcsExport.contract(planned.get(), tenant, catalog.info(),
            options.home())));
        write(base + ".odps.yaml", YamlDocuments.write(OdpsExport.product(planned.get(), tenant, catalog.info())));
        downloads.add(new ProductView.Download("ODCS contract for " + tenant.id(), base + ".odcs.yaml"));
        downloads.add(new ProductView.Download("ODPS descriptor for " + tenant.id(), base + ".odps.yaml"));
      }
      views.add(new ProductView(product, Optional.empty(), inputs, consumers, downloads));
    }
    return views;
  }

  /** Per product, each tenant receiving it and why (provider view only). */
  private Map<String, List<String>> subscribers() {
    Map<String, List<String>> lines = new LinkedHashMap<>();
    for (Tenant tenant : catalog.tenants()) {
      for (PlannedProduct planned : new Planner(catalog).plan(tenant.id()).products()) {
        lines.computeIfAbsent(planned.name(), name -> new ArrayList<>()).add(tenant.displayName() + " ("
            + tenant.id() + "): version " + planned.version() + ", " + String.join("; ", planned.reasons()));
      }
    }
    return lines;
  }

  private static LineageGraph.Node node(String name, boolean source) {
    return new LineageGraph.Node(name, source, (source ? "../sources/" : "../products/") + name + ".html");
  }

  private void write(String path, String text) throws IOException {
    Path file = options.output().resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    written.add(path);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CatalogSite.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name + " of the catalogue site");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
