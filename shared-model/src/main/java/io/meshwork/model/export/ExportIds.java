package io.meshwork.model.export;

import io.meshwork.model.definition.SemanticVersion;

/**
 * The identifiers of exported documents. Each names a tenant's instance of one major version, {@code
 * <tenant>-<name>-v<major>}, so that it stays the same across minor releases and is unambiguous: tenant ids have no
 * underscores and product and source names no hyphens. Both forms match the ODCS {@code StableId} pattern
 * ({@code ^[A-Za-z0-9_-]+$}), so they may also be used where the standards reference ids.
 */
public final class ExportIds {

  private ExportIds() {
  }

  /** The id of the ODPS descriptor of product {@code name} as tenant {@code tenantId} receives it. */
  public static String productId(String tenantId, String name, SemanticVersion version) {
    return tenantId + "-" + name + "-v" + version.major();
  }

  /** The id of the ODCS contract of product or source {@code name} for tenant {@code tenantId}. */
  public static String contractId(String tenantId, String name, SemanticVersion version) {
    return productId(tenantId, name, version) + "-contract";
  }
}
