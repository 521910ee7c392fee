package io.meshwork.model.export;

import io.meshwork.model.annotation.ProductAnnotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's annotations of a product in an exported ODCS contract or ODPS descriptor: custom properties
 * {@code tenantNotes}, {@code tenantTags}, {@code tenantInternalOwner} and {@code tenantLinks} (a list of
 * {@code {title, url}}), appended after the provider's own; parts not written are left out.
 */
public final class AnnotationProperties {

  private AnnotationProperties() {
  }

  /** {@code document} (from {@link OdcsExport} or {@link OdpsExport}) with the annotation's custom properties. */
  public static Map<String, Object> annotate(Map<String, Object> document, ProductAnnotation annotation) {
    Map<String, Object> annotated = new LinkedHashMap<>(document);
    List<Object> custom = new ArrayList<>();
    if (document.get("customProperties") instanceof List<?> existing) {
      custom.addAll(existing);
    }
    if (!annotation.notes().isEmpty()) {
      custom.add(DocumentValues.customProperty("tenantNotes", annotation.notes()));
    }
    if (!annotation.tags().isEmpty()) {
      custom.add(DocumentValues.customProperty("tenantTags", annotation.tags()));
    }
    if (!annotation.internalOwner().isEmpty()) {
      custom.add(DocumentValues.customProperty("tenantInternalOwner", annotation.internalOwner()));
    }
    if (!annotation.links().isEmpty()) {
      custom.add(DocumentValues.customProperty("tenantLinks", annotation.links().stream().map(link -> {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("title", link.title());
        entry.put("url", link.url());
        return entry;
      }).toList()));
    }
    annotated.put("customProperties", custom);
    return annotated;
  }
}
