package io.meshwork.cdk.constructs;

import io.meshwork.model.runtime.RuntimeNames;
import io.meshwork.model.plan.TenantPlan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Settings of a {@link TenantPipeline}. Build with {@link #builder}; every optional setting has the default named here.
 *
 * @param tenantId the tenant whose account the pipeline runs in; names every resource; required
 * @param plan the tenant's plan: which products the schedules, rule and alarms cover; required
 * @param dataBucket the bucket holding the Iceberg warehouse under {@code warehouse/}; required
 * @param dataKey the key encrypting {@code dataBucket}; the functions may use it through S3 only; required
 * @param code the functions' code: the shaded jar {@code meshwork-functions-lambda.jar}; required
 * @param computeSize Compute's memory, timeout and /tmp; default {@link FunctionSize#COMPUTE} (3008 MiB, 15 min,
 *     512 MiB, the most /tmp SnapStart allows): products the plan sizes {@code standard} run here
 * @param validateSize Validate's; default {@link FunctionSize#VALIDATE} (2048 MiB, 10 min, 512 MiB)
 * @param planSize Plan's; default {@link FunctionSize#LIGHT} (1024 MiB, 2 min, 512 MiB)
 * @param publishSize Publish's; default {@link FunctionSize#LIGHT}
 * @param freshnessSize the hourly freshness check's; default {@link FunctionSize#FRESHNESS} (1024 MiB, 1 min, 512 MiB)
 * @param maxConcurrency how many products of one wave refresh at the same time; default 4
 * @param reservedConcurrentExecutions concurrency reserved for each function; default none (see
 *     {@link PipelineFunction} for why)
 * @param logRetention how long function and state machine logs are kept; default one year
 * @param operationsKey the key encrypting logs and the notification topic; default a new key of the pipeline's own,
 *     so that reading operational data never needs the data key
 * @param timeZone the time zone of the products' cron schedules and the freshness check's; default Europe/Zurich
 * @param ingestSize the Ingest function's; default {@link FunctionSize#INGEST} (2048 MiB, 10 min, 512 MiB)
 * @param deliveringPrincipals the IAM role ARNs that may write under {@code landing/} of {@code dataBucket}, all of
 *     the stack's account (checked by the tenant parser and the tenant stack); default none: nobody may write there
 * @param computeLargeSize the large Compute's, without SnapStart; default {@link FunctionSize#COMPUTE_LARGE} (10240
 *     MiB, 15 min, 10240 MiB): products the plan sizes {@code large} run here
 */
public record TenantPipelineProps(String tenantId, TenantPlan plan, IBucket dataBucket, IKey dataKey, Code code,
    FunctionSize computeSize, FunctionSize validateSize, FunctionSize planSize, FunctionSize publishSize,
    FunctionSize freshnessSize, int maxConcurrency, Optional<Integer> reservedConcurrentExecutions,
    RetentionDays logRetention, Optional<IKey> operationsKey, TimeZone timeZone, FunctionSize ingestSize,
    List<String> deliveringPrincipals, FunctionSize computeLargeSize) {

  public static final int DEFAULT_MAX_CONCURRENCY = 4;


  public TenantPipelineProps {
    Objects.requireNonNull(tenantId, "tenantId");
    if (!RuntimeNames.TENANT_ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException("tenantId '" + tenantId + "' must be 2 to 40 lowercase letters, digits and"
          + " hyphens starting with a letter: it is part of function, state machine and schedule names.");
    }
    Objects.requireNonNull(plan, "plan");
    if (!plan.tenantId().equals(tenantId)) {
      throw new IllegalArgumentException("The plan is for tenant " + plan.tenantId() + ", not " + tenantId + ".");
    }
    Objects.requireNonNull(dataBucket, "dataBucket");
    Objects.requireNonNull(dataKey, "dataKey");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(computeSize, "computeSize");
    Objects.requireNonNull(validateSize, "validateSize");
    Objects.requireNonNull(planSize, "planSize");
    Objects.requireNonNull(publishSize, "publishSize");
    Objects.requireNonNull(freshnessSize, "freshnessSize");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1, not " + maxConcurrency + ".");
    }
    Objects.requireNonNull(reservedConcurrentExecutions, "reservedConcurrentExecutions");
    Objects.requireNonNull(logRetention, "logRetention");
    Objects.requireNonNull(operationsKey, "operationsKey");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(ingestSize, "ingestSize");
    deliveringPrincipals = List.copyOf(deliveringPrincipals);
    Objects.requireNonNull(computeLargeSize, "computeLargeSize");
  }

  /** A builder with the required settings; the rest start at their defaults. */
  public static Builder builder(String tenantId, TenantPlan plan, IBucket dataBucket, IKey dataKey, Code code) {
    return new Builder(tenantId, plan, dataBucket, dataKey, code);
  }

  /** Builds {@link TenantPipelineProps}. */
  public static final class Builder {
    private final String tenantId;
    private final TenantPlan plan;
    private final IBucket dataBucket;
    private final IKey dataKey;
    private final Code code;
    private FunctionSize computeSize = FunctionSize.COMPUTE;
    private FunctionSize validateSize = FunctionSize.VALIDATE;
    private FunctionSize planSize = FunctionSize.LIGHT;
    private FunctionSize publishSize = FunctionSize.LIGHT;
    private FunctionSize freshnessSize = FunctionSize.FRESHNESS;
    private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
    private Integer reservedConcurrentExecutions;
    private RetentionDays logRetention = RetentionDays.ONE_YEAR;
    private IKey operationsKey;
    private TimeZone timeZone = TimeZone.EUROPE_ZURICH;
    private FunctionSize ingestSize = FunctionSize.INGEST;
    private List<String> deliveringPrincipals = List.of();
    private FunctionSize computeLargeSize = FunctionSize.COMPUTE_LARGE;

    private Builder(String tenantId, TenantPlan plan, IBucket dataBucket, IKey dataKey, Code code) {
      this.tenantId = tenantId;
      this.plan = plan;
      this.dataBucket = dataBucket;
      this.dataKey = dataKey;
      this.code = code;
    }

    public Builder computeSize(FunctionSize size) {
      this.computeSize = size;
      return this;
    }

    public Builder computeLargeSize(FunctionSize size) {
      this.computeLargeSize = size;
      return this;
    }

    public Builder validateSize(FunctionSize size) {
      this.validateSize = size;
      return this;
    }

    public Builder planSize(FunctionSize size) {
      this.planSize = size;
      return this;
    }

    public Builder publishSize(FunctionSize size) {
      this.publishSize = size;
      return this;
    }

    public Builder freshnessSize(FunctionSize size) {
      this.freshnessSize = size;
      return this;
    }

    public Builder maxConcurrency(int products) {
      this.maxConcurrency = products;
      return this;
    }

    public Builder reservedConcurrentExecutions(int executions) {
      this.reservedConcurrentExecutions = executions;
      return this;
    }

    public Builder logRetention(RetentionDays retention) {
      this.logRetention = retention;
      return this;
    }

    public Builder operationsKey(IKey key) {
      this.operationsKey = key;
      return this;
    }

    public Builder timeZone(TimeZone zone) {
      this.timeZone = zone;
      return this;
    }

    public Builder ingestSize(FunctionSize size) {
      this.ingestSize = size;
      return this;
    }

    public Builder deliveringPrincipals(List<String> roleArns) {
      this.deliveringPrincipals = roleArns;
      return this;
    }

    public TenantPipelineProps build() {
      return new TenantPipelineProps(tenantId, plan, dataBucket, dataKey, code, computeSize, validateSize, planSize,
          publishSize, freshnessSize, maxConcurrency, Optional.ofNullable(reservedConcurrentExecutions),
          logRetention, Optional.ofNullable(operationsKey), timeZone, ingestSize, deliveringPrincipals,
          computeLargeSize);
    }
  }
}
