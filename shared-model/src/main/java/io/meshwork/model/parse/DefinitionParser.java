package io.meshwork.model.parse;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.CatalogInfo;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Suggestions;
import io.meshwork.model.definition.Tenant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads every definition document of a catalogue into the model, recording each problem with its position. */
final class DefinitionParser {

  static final String API_VERSION = "meshwork.io/v1";
  static final List<String> KINDS = List.of("Catalog", "Source", "DataProduct", "Tenant", AnnotationsParser.KIND,
      WorkspaceParser.KIND, PriceSheetParser.KIND);
  private static final List<String> WORKSPACE_KINDS = List.of(WorkspaceParser.KIND, "DataProduct",
      AnnotationsParser.KIND);

  private static final java.util.regex.Pattern TOP_LEVEL_NAME = java.util.regex.Pattern.compile(
      "(?m)^name:\\s*['\"]?([a-z][a-z0-9_]*)");

  private final DefinitionFiles files;
  private final Problems problems;
  private final List<CatalogInfo> catalogInfos = new ArrayList<>();
  private final List<Source> sources = new ArrayList<>();
  private final List<DataProduct> products = new ArrayList<>();
  private final List<Tenant> tenants = new ArrayList<>();
  private final Set<String> declaredNames = new HashSet<>();
  private final List<WorkspaceParser.Workspace> workspaces = new ArrayList<>();

  DefinitionParser(DefinitionFiles files, Problems problems) {
    this.files = files;
    this.problems = problems;
  }

  /** Parses everything; the catalogue holds what could be read, the problems hold the rest. */
  Catalog parse() {
    List<String> paths = files.definitionPaths();
    if (paths.isEmpty()) {
      problems.error(Location.of(files.description()), "No definitions found: the directory has no *.yaml files. "
          + "Point mesh at a catalogue directory, e.g. product-definitions/catalog.");
    }
    for (String path : paths) {
      parseFile(path, files.read(path).orElseThrow());
    }
    CatalogInfo info;
    if (catalogInfos.isEmpty()) {
      info = new CatalogInfo("unnamed", "", List.of(), Location.of("catalog.yaml"));
      if (!paths.isEmpty()) {
        problems.error(Location.of("catalog.yaml"), "The catalogue has no 'kind: Catalog' document. Add catalog.yaml "
            + "with its name, owner and roles.");
      }
    } else {
      info = catalogInfos.get(0);
      for (CatalogInfo duplicate : catalogInfos.subList(1, catalogInfos.size())) {
        problems.error(duplicate.location(), "A catalogue has one 'kind: Catalog' document; another is at %s. "
            + "Merge them.", info.location());
      }
    }
    layerWorkspace();
    return new Catalog(info, sources, products, tenants, declaredNames);
  }

  /** Adds the workspace's principals, groups, grants and overrides to its tenant. */
  private void layerWorkspace() {
    for (int index = 0; index < workspaces.size(); index++) {
      WorkspaceParser.Workspace workspace = workspaces.get(index);
      if (index > 0) {
        problems.error(workspace.location(), "A workspace has one 'kind: Workspace' document; another is at %s. "
            + "Merge them.", workspaces.get(0).location());
        continue;
      }
      int position = -1;
      for (int candidate = 0; candidate < tenants.size(); candidate++) {
        if (tenants.get(candidate).id().equals(workspace.tenant())) {
          position = candidate;
        }
      }
      if (position < 0) {
        // No list of the other tenants: their ids are not this tenant's business.
        problems.error(workspace.location(), "The workspace is for tenant '%s', which the provider's catalogue does "
            + "not define. Name the tenant id the provider set up for you.", workspace.tenant());
        continue;
      }
      for (DataProduct product : products) {
        if (files.isWorkspace(product.location().file()) && !product.tenant().equals(Optional.of(workspace.tenant()))) {
          problems.error(product.location(), "Product %s in the workspace of tenant %s is not one of its custom "
              + "products: a workspace defines only products with 'tenant: %s'. Add that line, or ask the provider "
              + "for a managed product.", product.label(), workspace.tenant(), workspace.tenant());
        }
      }
      tenants.set(position, tenants.get(position).withWorkspace(workspace.overrides(), workspace.principals(),
          workspace.groups(), workspace.grants(), workspace.location()));
    }
  }

  private void parseFile(String path, String text) {
    Optional<List<Node>> composed = YamlFiles.compose(path, text, problems, "a definition");
    if (composed.isEmpty()) {
      declareNameOfUnreadableFile(text);
      return;
    }
    List<Node> documents = composed.get();
    for (Node document : documents) {
      new YamlNode(path, document, problems).asMap("A definition document").ifPresent(map -> parseDocument(path, map));
    }
  }

  /**
   * Remembers the top-level name of a file that could not be parsed, so that references to it are not reported as
   * unknown on top of the real problem.
   */
  private void declareNameOfUnreadableFile(String text) {
    java.util.regex.Matcher name = TOP_LEVEL_NAME.matcher(text);
    if (name.find()) {
      declaredNames.add(name.group(1));
    }
  }

  private void parseDocument(String path, YamlMap document) {
    Optional<String> apiVersion = document.requiredText("The document", "apiVersion", API_VERSION);
    if (apiVersion.isPresent() && !apiVersion.get().equals(API_VERSION)) {
      problems.error(document.locationOf("apiVersion"), "Unsupported apiVersion '%s'. Use '%s'.", apiVersion.get(),
          API_VERSION);
      return;
    }
    Optional<String> kind = document.requiredText("The document", "kind", "DataProduct");
    if (kind.isEmpty() || apiVersion.isEmpty()) {
      return;
    }
    DocumentContext context = new DocumentContext(path, files, problems);
    if (files.isWorkspace(path) && !WORKSPACE_KINDS.contains(kind.get())) {
      problems.error(document.locationOf("kind"), "A workspace holds only %s documents, not '%s': the provider's "
          + "catalogue defines it. Move it to the provider's catalogue or remove it.",
          String.join(", ", WORKSPACE_KINDS), kind.get());
      return;
    }
    switch (kind.get()) {
      case "Catalog" -> CatalogInfoParser.parse(document, context).ifPresent(catalogInfos::add);
      case "Source" -> {
        document.optionalText("Source", "name").ifPresent(declaredNames::add);
        SourceParser.parse(document, context).ifPresent(sources::add);
      }
      case "DataProduct" -> {
        document.optionalText("DataProduct", "name").ifPresent(declaredNames::add);
        ProductParser.parse(document, context).ifPresent(products::add);
      }
      case "Tenant" -> TenantParser.parse(document, context).ifPresent(tenants::add);
      case WorkspaceParser.KIND -> WorkspaceParser.parse(document, context).ifPresent(workspaces::add);
      case AnnotationsParser.KIND -> {
        // A tenant's own file, read and checked by AnnotationsParser where annotations are used.
      }
      case PriceSheetParser.KIND -> {
        // The provider's prices, read and checked by PriceSheetParser where usage is priced (mesh usage).
      }
      default -> problems.error(document.locationOf("kind"), "Unknown kind '%s'.%s Kinds are %s.", kind.get(),
          Suggestions.didYouMean(kind.get(), KINDS), String.join(", ", KINDS));
    }
  }
}
