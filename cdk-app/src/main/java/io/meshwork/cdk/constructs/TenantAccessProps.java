package io.meshwork.cdk.constructs;

import io.meshwork.model.definition.TableName;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Settings of a {@link TenantAccess}.
 *
 * @param dataBucket the bucket holding the Iceberg warehouse; required
 * @param encryptionKey the key encrypting the bucket; required
 * @param databases the Glue databases by name; required. They are made to wait for the data lake settings, so that
 *     Glue creates them without default grants to {@code IAMAllowedPrincipals}
 * @param tables the Glue tables by name, each table the pipeline's grants name; required
 * @param warehousePrefix the key prefix of the warehouse in the bucket, registered with Lake Formation; default
 *     {@code "warehouse"}
 * @param administrators IAM role or user ARNs of the tenant's account made data lake administrators besides the
 *     stack's CloudFormation execution role (which must be one, to create the pipeline's grants); default none.
 *     Needed when the stack is synthesized without the default synthesizer, which has no such role
 * @param reconciler the role of the {@link AccessReconciler}'s function, made a data lake administrator so that it
 *     can tag, filter, grant and revoke; default none (nobody applies the tenant's access policy)
 */
public record TenantAccessProps(IBucket dataBucket, IKey encryptionKey, Map<String, CfnDatabase> databases,
    Map<TableName, CfnTable> tables, String warehousePrefix, List<String> administrators, Optional<IRole> reconciler) {

  public TenantAccessProps {
    Objects.requireNonNull(dataBucket, "dataBucket");
    Objects.requireNonNull(encryptionKey, "encryptionKey");
    databases = Map.copyOf(databases);
    tables = Map.copyOf(tables);
    warehousePrefix = warehousePrefix == null ? "warehouse" : warehousePrefix;
    if (!warehousePrefix.matches("[a-z0-9][a-z0-9_/-]*[a-z0-9]")) {
      throw new IllegalArgumentException("warehousePrefix '" + warehousePrefix + "' must be a key prefix without "
          + "leading or trailing '/', e.g. 'warehouse'.");
    }
    administrators = administrators == null ? List.of() : List.copyOf(administrators);
    reconciler = reconciler == null ? Optional.empty() : reconciler;
  }

  /** Props with every optional setting at its default. */
  public static TenantAccessProps of(IBucket dataBucket, IKey encryptionKey, Map<String, CfnDatabase> databases,
      Map<TableName, CfnTable> tables) {
    return new TenantAccessProps(dataBucket, encryptionKey, databases, tables, null, null, null);
  }

  /** These props with {@code role} as the reconciler's role. */
  public TenantAccessProps withReconciler(IRole role) {
    return new TenantAccessProps(dataBucket, encryptionKey, databases, tables, warehousePrefix, administrators,
        Optional.of(role));
  }
}
