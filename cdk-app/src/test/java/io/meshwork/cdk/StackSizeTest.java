package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.plan.Planner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * A tenant at catalogue scale, 50 products and 10 principals ({@link CatalogueAtScale}), stays well inside
 * CloudFormation's limits of 500 resources and 1 MB per template: its access is one custom resource, not one resource
 * per grant.
 */
class StackSizeTest {

  /** The most resources the 50-product stack may have: well inside CloudFormation's 500. */
  static final int RESOURCE_BUDGET = 400;
  /** The largest the 50-product template may be: well inside CloudFormation's 1 MB. */
  static final int TEMPLATE_BUDGET_BYTES = 800 * 1024;

  @TempDir
  static Path directory;
  private static Catalog catalog;
  private static String template;

  @BeforeAll
  static void synthesizeFiftyProducts() throws IOException {
    catalog = CatalogLoader.load(new DirectoryDefinitionFiles(CatalogueAtScale.write(directory)));
    App app = new App(MeshworkApp.appProps().outdir(directory.resolve("cdk.out").toString()).build());
    MeshworkApp.addTenantStacks(app, catalog, List.of(catalog.tenant(CatalogueAtScale.TENANT).orElseThrow()),
        Optional.empty());
    CloudAssembly assembly = app.synth();
    template = Files.readString(Path.of(assembly.getStackByName(TenantStack.nameOf(CatalogueAtScale.TENANT))
        .getTemplateFullPath()), StandardCharsets.UTF_8);
  }

  @Test
  void tenantPlansFiftyProducts_forTenPrincipals() {
    assertThat(new Planner(catalog).plan(CatalogueAtScale.TENANT).products()).hasSize(50);
    assertThat(catalog.tenant(CatalogueAtScale.TENANT).orElseThrow().principals()).hasSize(10);
  }

  @Test
  void fiftyProductStack_staysWellInsideCloudFormationsLimits() {
    Map<String, Integer> counts = resourceCounts(template);
    int resources = counts.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("50-product tenant stack: %d resources, %d bytes; by type %s%n", resources,
        template.getBytes(StandardCharsets.UTF_8).length, counts);

    assertThat(resources).isLessThan(RESOURCE_BUDGET);
    assertThat(template.getBytes(StandardCharsets.UTF_8).length).isLessThan(TEMPLATE_BUDGET_BYTES);
    assertThat(counts).doesNotContainKeys("AWS::LakeFormation::TagAssociation", "AWS::LakeFormation::Tag",
        "AWS::LakeFormation::DataCellsFilter").containsEntry("Custom::MeshworkAccess", 1);
  }

  /** Resources per type of the JSON {@code template}. */
  @SuppressWarnings("unchecked")
  static Map<String, Integer> resourceCounts(String template) {
    Map<String, Object> parsed;
    try {
      parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(template, Map.class);
    } catch (IOException e) {
      throw new AssertionError("The template is not JSON", e);
    }
    Map<String, Integer> counts = new TreeMap<>();
    ((Map<String, Map<String, Object>>) parsed.get("Resources")).values()
        .forEach(resource -> counts.merge((String) resource.get("Type"), 1, Integer::sum));
    return counts;
  }
}
