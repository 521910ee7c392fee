package io.meshwork.cdk.constructs;

import io.meshwork.model.access.LakeFormationPolicy;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.scheduler.IScheduleGroup;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;

/**
 * Settings of an {@link AccessReconciler}.
 *
 * @param tenantId the tenant whose access this is; names the function {@code meshwork-<tenant>-access}; required
 * @param policy the tenant's compiled Lake Formation policy; its fingerprint goes into the custom resource; required
 * @param code the shaded functions jar, which packages the catalogue the policy was compiled from; required
 * @param dataBucket the tenant's data bucket, which keeps the access ledger; required
 * @param dataKey the key encrypting the bucket; required
 * @param logKey the key encrypting the function's log group; required
 * @param scheduleGroup the group the drift-repair schedule goes in; required
 * @param ledgerKey the object key of the access ledger in the bucket; default {@value #DEFAULT_LEDGER_KEY}
 * @param driftRepair when the reconciler runs to repair drift (grants changed outside a deploy); default
 *     {@value #DEFAULT_DRIFT_REPAIR} in the time zone {@code Europe/Zurich}
 * @param logRetention how long the function's logs (each run's report of what changed) are kept; default one year,
 *     like the pipeline's
 * @param size memory, timeout and /tmp of the function; default 1024 MiB, 5 minutes, 512 MiB
 */
public record AccessReconcilerProps(String tenantId, LakeFormationPolicy policy, Code code, IBucket dataBucket, IKey dataKey,
    IKey logKey, IScheduleGroup scheduleGroup, String ledgerKey, ScheduleExpression driftRepair,
    RetentionDays logRetention, FunctionSize size) {

  /** Where the ledger of what Meshwork granted lives in the data bucket: outside the governed warehouse prefix. */
  public static final String DEFAULT_LEDGER_KEY = "meshwork/access-ledger.json";
  /** Every hour at minute 45, between the hourly freshness checks. */
  public static final String DEFAULT_DRIFT_REPAIR = "cron(45 * * * ? *)";

  public AccessReconcilerProps {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(dataBucket, "dataBucket");
    Objects.requireNonNull(dataKey, "dataKey");
    Objects.requireNonNull(logKey, "logKey");
    Objects.requireNonNull(scheduleGroup, "scheduleGroup");
    ledgerKey = ledgerKey == null ? DEFAULT_LEDGER_KEY : ledgerKey;
    driftRepair = driftRepair == null ? ScheduleExpression.expression(DEFAULT_DRIFT_REPAIR,
        TimeZone.EUROPE_ZURICH) : driftRepair;
    logRetention = logRetention == null ? RetentionDays.ONE_YEAR : logRetention;
    size = size == null ? new FunctionSize(1024, Duration.minutes(5),
        FunctionSize.SNAPSTART_STORAGE_MIB) : size;
  }

  /** Props with every optional setting at its default. */
  public static AccessReconcilerProps of(String tenantId, LakeFormationPolicy policy, Code code, IBucket dataBucket, IKey dataKey,
      IKey logKey, IScheduleGroup scheduleGroup) {
    return new AccessReconcilerProps(tenantId, policy, code, dataBucket, dataKey, logKey, scheduleGroup, null, null, null,
        null);
  }
}
