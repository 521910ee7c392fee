package io.meshwork.engine.storage;

import java.util.regex.Pattern;

/** Tenant ids name directories and catalogs, so only a safe shape is accepted. */
final class TenantIds {

  private static final Pattern TENANT_ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  private TenantIds() {
  }

  static String check(String tenantId) {
    if (!TENANT_ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException("Invalid tenant id '" + tenantId + "'");
    }
    return tenantId;
  }
}
