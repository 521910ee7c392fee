package io.meshwork.engine.storage;

import io.meshwork.model.runtime.RuntimeNames;

/** Tenant ids name directories and catalogs, so only a safe shape is accepted. */
final class TenantIds {

  private TenantIds() {
  }

  static String check(String tenantId) {
    if (!RuntimeNames.TENANT_ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException("Invalid tenant id '" + tenantId + "'");
    }
    return tenantId;
  }
}
