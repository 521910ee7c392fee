package io.meshwork.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.annotation.ProductAnnotation;
import io.meshwork.model.definition.Location;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotationPropertiesTest {

  private static final ProductAnnotation ANNOTATION = new ProductAnnotation("loss_ratio", "Board report input.",
      List.of("board-report"), "Controlling (M. Keller)",
      List.of(new ProductAnnotation.Link("Wiki", "https://wiki.example.ch/loss-ratio")), Location.of("a.yaml"));

  @Test
  void annotationsFollowTheProvidersCustomPropertiesInBothStandards() {
    Map<String, Object> contract = AnnotationProperties.annotate(ShippedCatalogue.contract("alpina", "loss_ratio"),
        ANNOTATION);
    Map<String, Object> descriptor = AnnotationProperties.annotate(
        ShippedCatalogue.descriptor("alpina", "loss_ratio"), ANNOTATION);

    assertThat(DocumentPaths.list(contract, "customProperties")).extracting(entry -> (Object) ((Map<?, ?>) entry)
        .get("property")).containsExactly((Object) "origin", "parameters", "tenantNotes", "tenantTags",
        "tenantInternalOwner", "tenantLinks");
    assertThat(DocumentPaths.entry(contract, "property", "tenantLinks", "customProperties").get("value"))
        .isEqualTo(List.of(Map.of("title", "Wiki", "url", "https://wiki.example.ch/loss-ratio")));
    assertThat(DocumentPaths.entry(descriptor, "property", "tenantInternalOwner", "customProperties")
        .get("value")).isEqualTo("Controlling (M. Keller)");
    assertThat(StandardSchemas.ODCS.problems(contract)).isEmpty();
    assertThat(StandardSchemas.ODPS.problems(descriptor)).isEmpty();
  }

  @Test
  void partsNotWrittenAreLeftOut() {
    ProductAnnotation tagsOnly = new ProductAnnotation("loss_ratio", "", List.of("kpi"), "", List.of(),
        Location.of("a.yaml"));

    Map<String, Object> contract = AnnotationProperties.annotate(ShippedCatalogue.contract("alpina", "loss_ratio"),
        tagsOnly);

    assertThat(DocumentPaths.list(contract, "customProperties")).extracting(entry -> (Object) ((Map<?, ?>) entry)
        .get("property")).containsExactly((Object) "origin", "parameters", "tenantTags");
  }
}
