package io.meshwork.cdk.constructs;

import io.meshwork.model.plan.TenantPlan;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.scheduler.IScheduleGroup;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Settings of a {@link ScheduledMaintenance}.
 *
 * @param tenantId the tenant; names the function {@code meshwork-<tenant>-maintenance}; required
 * @param plan the tenant's plan: its products' and sources' databases (and Meshwork's own) are maintained; required
 * @param code the shaded functions jar; required
 * @param dataBucket the tenant's data bucket, whose {@code warehouse/} holds the tables; required
 * @param dataKey the key encrypting the bucket; used through S3 only; required
 * @param logKey the key encrypting the function's log group; required
 * @param scheduleGroup the group the schedule goes in; required
 * @param notifications the topic told about failed runs and the alarm; required
 * @param schedule when maintenance runs; default {@value #DEFAULT_SCHEDULE} in {@code Europe/Zurich}
 * @param logRetention how long the function's logs are kept; default one year, like the pipeline's
 * @param size memory, timeout and /tmp; default 2048 MiB, 15 minutes, 512 MiB (metadata, manifest reads and
 *     deletes; no data is read)
 */
public record ScheduledMaintenanceProps(String tenantId, TenantPlan plan, Code code, IBucket dataBucket, IKey dataKey,
    IKey logKey, IScheduleGroup scheduleGroup, ITopic notifications, ScheduleExpression schedule,
    RetentionDays logRetention, FunctionSize size) {

  /** 03:15 every day: outside office hours, and at a quarter past so it meets neither hourly check. */
  public static final String DEFAULT_SCHEDULE = "cron(15 3 * * ? *)";

  public ScheduledMaintenanceProps {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(dataBucket, "dataBucket");
    Objects.requireNonNull(dataKey, "dataKey");
    Objects.requireNonNull(logKey, "logKey");
    Objects.requireNonNull(scheduleGroup, "scheduleGroup");
    Objects.requireNonNull(notifications, "notifications");
    schedule = schedule == null ? ScheduleExpression.expression(DEFAULT_SCHEDULE, TimeZone.EUROPE_ZURICH) : schedule;
    logRetention = logRetention == null ? RetentionDays.ONE_YEAR : logRetention;
    size = size == null ? new FunctionSize(2048, Duration.minutes(15), FunctionSize.SNAPSTART_STORAGE_MIB) : size;
  }

  /** Props with every optional setting at its default. */
  public static ScheduledMaintenanceProps of(String tenantId, TenantPlan plan, Code code, IBucket dataBucket,
      IKey dataKey, IKey logKey, IScheduleGroup scheduleGroup, ITopic notifications) {
    return new ScheduledMaintenanceProps(tenantId, plan, code, dataBucket, dataKey, logKey, scheduleGroup,
        notifications, null, null, null);
  }

  /** These props with maintenance running at {@code when} instead. */
  public ScheduledMaintenanceProps withSchedule(ScheduleExpression when) {
    return new ScheduledMaintenanceProps(tenantId, plan, code, dataBucket, dataKey, logKey, scheduleGroup,
        notifications, when, logRetention, size);
  }
}
