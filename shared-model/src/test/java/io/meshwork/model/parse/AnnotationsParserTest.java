package io.meshwork.model.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.annotation.ProductAnnotation;
import io.meshwork.model.annotation.TenantAnnotations;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotationsParserTest {

  private static final Catalog CATALOG = CatalogLoader.load(new DirectoryDefinitionFiles(
      Path.of("../product-definitions/catalog")));

  private static TenantAnnotations load(String tenant, String text) {
    return AnnotationsParser.load(new InMemoryDefinitionFiles("test", Map.of("annotations.yaml", text)),
        "annotations.yaml", CATALOG, tenant);
  }

  private static List<String> problems(String tenant, String text) {
    try {
      load(tenant, text);
    } catch (InvalidDefinitionException invalid) {
      return invalid.diagnostics().stream().map(Diagnostic::toString).toList();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void readsTheShippedAnnotationsOfAlpina() {
    TenantAnnotations annotations = AnnotationsParser.load(new DirectoryDefinitionFiles(
        Path.of("../product-definitions/catalog")), "tenants/alpina/annotations.yaml", CATALOG, "alpina");

    ProductAnnotation lossRatio = annotations.product("loss_ratio").orElseThrow();
    assertThat(lossRatio.tags()).containsExactly("board-report", "monthly");
    assertThat(lossRatio.internalOwner()).isEqualTo("Controlling Alpina (M. Keller)");
    assertThat(lossRatio.links()).containsExactly(new ProductAnnotation.Link("Board report (intranet)",
        "https://intranet.alpina.example/controlling/board-report"));
    assertThat(lossRatio.notes()).startsWith("Feeds the monthly board report;");
    assertThat(annotations.products()).extracting(ProductAnnotation::product)
        .containsExactly("loss_ratio", "high_cost_claimants");
  }

  @Test
  void reportsEachProblemWithItsPosition() {
    assertThat(problems("lemanic", """
        apiVersion: meshwork.io/v1
        kind: Annotations
        tenant: lemanic
        products:
          - product: kpi_summary
          - product: loss_ration
          - product: loss_ratio
            tags: [Board Report]
            owner: me
            links:
              - {title: Wiki, url: "javascript:alert(1)"}
              - {url: "https://wiki.example.ch"}
          - product: loss_ratio
        """)).containsExactly(
        "annotations.yaml:5:14: Tenant 'lemanic' does not receive product 'kpi_summary'. It receives claims_clean, "
            + "insured_months, cost_per_insured, loss_ratio.",
        "annotations.yaml:6:14: Tenant 'lemanic' does not receive product 'loss_ration'. Did you mean 'loss_ratio'? "
            + "It receives claims_clean, insured_months, cost_per_insured, loss_ratio.",
        "annotations.yaml:8:12: The tag 'Board Report' is not a tag: use lower-case letters, digits, '-' and '_', "
            + "at most 40 characters, e.g. 'board-report'.",
        "annotations.yaml:9:5: Unknown key 'owner' in an annotated product. Allowed keys: product, notes, tags, "
            + "internalOwner, links.",
        "annotations.yaml:11:28: The url 'javascript:alert(1)' is not an absolute http(s) address. Write it in "
            + "full, e.g. 'https://wiki.example.ch/board-report'.",
        "annotations.yaml:12:9: A link is missing 'title'. Add it, e.g. 'title: Board report'.",
        "annotations.yaml:13:14: Product 'loss_ratio' is annotated twice (first at line 7). Merge the two entries.");
  }

  @Test
  void anotherTenantsFileIsRefused() {
    assertThat(problems("lemanic", """
        apiVersion: meshwork.io/v1
        kind: Annotations
        tenant: alpina
        products: []
        """)).containsExactly("annotations.yaml:3:9: These annotations belong to tenant 'alpina', not to 'lemanic'. "
        + "A tenant annotates only what it receives: use its own annotations file.");
  }

  @Test
  void theCatalogueLoaderLeavesAnnotationsToTheirParser() {
    assertThat(CATALOG.tenantIds()).containsExactly("alpina", "lemanic", "rhenus");
  }
}
