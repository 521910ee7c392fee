package io.meshwork.cdk.constructs;

import io.meshwork.model.runtime.RuntimeNames;
import io.meshwork.model.definition.CronExpressions;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.Engine;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.Schedule;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.events.targets.SfnStateMachineProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleGroup;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.StepFunctionsStartExecution;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * A tenant's refresh pipeline, built from its plan: the four step functions (Plan, Compute, Validate, Publish), the
 * {@link RefreshStateMachine} that drives them, an EventBridge Scheduler schedule per planned product that has a
 * schedule, a rule that refreshes dependents when a product is published, the hourly freshness check, alarms for
 * failed runs and freshness SLAs, and the topic that hears about failures.
 *
 * <ul>
 *   <li><b>Schedules</b>: the tenant's subscription schedule if it set one, else the product's; products without
 *       either get no schedule and refresh only with their dependents' runs, the rule, or by hand. Each starts the
 *       state machine with {@code {tenant, product}} in the schedule group {@code meshwork-<tenant>}.</li>
 *   <li><b>Dependents rule</b>, only when some planned product reads another product or a source: a
 *       {@code ProductPublished} event of this tenant for such a product or source, published by a product refresh or
 *       by the Ingest function after a delivery, starts {@code {tenant, dependentsOf}}. Full and dependents refreshes
 *       already include every dependent, so their events start nothing.</li>
 *   <li><b>Deliveries</b>, when the plan reads a source: see {@link SourceDeliveries}.</li>
 *   <li><b>Freshness check</b>, when some planned product has a freshness SLA: the function
 *       {@code meshwork-<tenant>-freshness}, invoked at minute 30 of every hour by the schedule
 *       {@value #FRESHNESS_CHECK} (same group and time zone) with {@code {tenant}}, reports each such product's
 *       {@value #FRESHNESS_METRIC} (Tenant, Product) through its log. It reads only those tables' Glue entries and
 *       metadata files.</li>
 *   <li><b>Alarms</b>: ExecutionsFailed at least once in five minutes; per product with a freshness SLA of any
 *       length, the hourly maximum of {@value #FRESHNESS_METRIC} above the SLA in hours for
 *       {@value #FRESHNESS_PERIODS} consecutive hours, missing data breaching (a product never published reports no
 *       age, and a check that did not run reports nothing). Both notify the topic.</li>
 * </ul>
 */
public final class TenantPipeline extends Construct {

  /** The CloudWatch namespace of the pipeline's own metrics. */
  public static final String METRIC_NAMESPACE = RuntimeNames.METRIC_NAMESPACE;
  /** Keeps the JIT to its fast first tier: handlers are short-lived and start from a SnapStart snapshot. */
  public static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  /** The metric the freshness check reports per Tenant and Product, in hours; what freshness alarms watch. */
  public static final String FRESHNESS_METRIC = RuntimeNames.HOURS_SINCE_PUBLISHED_METRIC;
  /** The name of the freshness check's schedule; product names cannot contain hyphens, so it never clashes. */
  public static final String FRESHNESS_CHECK = "freshness-check";
  /**
   * Minute 30 of every hour: each check's data point lies well inside one hourly period of the alarms, whatever its
   * start latency.
   */
  public static final String FRESHNESS_CHECK_SCHEDULE = "cron(30 * * * ? *)";
  /**
   * Consecutive breaching hours before a freshness alarm fires: two, so that one lost check (a throttled invocation,
   * the hour skipped when clocks go forward) does not notify, at the cost of up to one more hour to detection.
   */
  public static final int FRESHNESS_PERIODS = 2;

  /** The table Validate appends every check result to; the functions create it on first use. */
  public static final TableName QUALITY_RESULTS = RuntimeNames.QUALITY_RESULTS;
  /** The table every step appends its usage to, in the same database. */
  public static final TableName USAGE = RuntimeNames.USAGE;

  private final IKey operationsKey;
  private final Topic notifications;
  private final PipelineFunction plan;
  private final PipelineFunction compute;
  private final PipelineFunction computeLarge;
  private final PipelineFunction prepareAthena;
  private final PipelineFunction commitAthena;
  private final QueryWorkGroup pipelineWorkGroup;
  private final PipelineFunction validate;
  private final PipelineFunction publish;
  private final PipelineFunction freshness;
  private final List<TableName> freshnessTables;
  private final RefreshStateMachine refresh;
  private final SourceDeliveries deliveries;
  private final ScheduleGroup scheduleGroup;
  private final Map<String, software.amazon.awscdk.services.scheduler.Schedule> schedules = new LinkedHashMap<>();
  private final software.amazon.awscdk.services.scheduler.Schedule freshnessCheck;
  private final Rule dependentsRule;
  private final Alarm failedRunsAlarm;
  private final Map<String, Alarm> freshnessAlarms = new LinkedHashMap<>();

  public TenantPipeline(Construct scope, String id, TenantPipelineProps props) {
    super(scope, id);
    String tenant = props.tenantId();
    String prefix = "meshwork-" + tenant;
    Stack stack = Stack.of(this);
    this.operationsKey = props.operationsKey().orElseGet(() -> Key.Builder.create(this, "OperationsKey")
        .description("Encrypts the Meshwork pipeline logs and notifications of tenant " + tenant)
        .alias("alias/meshwork/operations")
        .enableKeyRotation(true)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build());
    allowLogsAndAlarms(stack, prefix);
    this.notifications = Topic.Builder.create(this, "Notifications")
        .topicName(prefix + "-notifications")
        .displayName("Meshwork " + tenant)
        .masterKey(operationsKey)
        .enforceSsl(true)
        .build();

    WarehouseAccess warehouse = new WarehouseAccess(this, props.dataBucket(), props.dataKey());
    Map<String, String> environment = Map.of(
        RuntimeNames.CATALOG_VARIABLE, "glue",
        RuntimeNames.WAREHOUSE_VARIABLE, warehouse.location(),
        RuntimeNames.TENANT_VARIABLE, tenant,
        "JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
    this.plan = function(props, "Plan", "plan", "Plans the refresh: which products run in which waves.",
        props.planSize(), environment, FunctionInvoker.STATE_MACHINE);
    this.compute = function(props, "Compute", "compute", "Runs a product's transform into the run's audit branch.",
        props.computeSize(), environment, FunctionInvoker.STATE_MACHINE);
    this.computeLarge = function(props, "ComputeLarge", "compute-large", "ComputeFunction", "Runs a product's"
        + " transform into the run's audit branch, for products too large for the SnapStart Compute.",
        props.computeLargeSize(), environment, FunctionInvoker.STATE_MACHINE);
    boolean onAthena = props.plan().products().stream().anyMatch(product -> product.engine() == Engine.ATHENA);
    this.prepareAthena = !onAthena ? null : function(props, "PrepareAthena", "athena-prepare",
        "PrepareAthenaFunction", "Creates a product's staging table and renders the query Athena runs into it.",
        FunctionSize.ATHENA_STEP, environment, FunctionInvoker.STATE_MACHINE);
    this.commitAthena = !onAthena ? null : function(props, "CommitAthena", "athena-commit", "CommitAthenaFunction",
        "Commits what Athena wrote into the staging table to the product's audit branch.", FunctionSize.ATHENA_STEP,
        environment, FunctionInvoker.STATE_MACHINE);
    this.pipelineWorkGroup = !onAthena ? null : new QueryWorkGroup(this, "PipelineQueries", new QueryWorkGroupProps(
        props.dataBucket(), props.dataKey(), RuntimeNames.PIPELINE_WORKGROUP, PIPELINE_RESULTS,
        PIPELINE_BYTES_SCANNED_CUTOFF));
    this.validate = function(props, "Validate", "validate", "Checks the audit branch against contract and quality"
        + " rules.", props.validateSize(), environment, FunctionInvoker.STATE_MACHINE);
    this.publish = function(props, "Publish", "publish", "Fast-forwards main to the audit branch when checks passed.",
        props.publishSize(), environment, FunctionInvoker.STATE_MACHINE);
    grantWarehouse(props.plan(), new WarehouseAccess(this, props.dataBucket(), props.dataKey()));
    this.freshnessTables = props.plan().products().stream()
        .filter(product -> product.product().sla().freshness().isPresent())
        .map(PlannedProduct::tableName)
        .toList();
    this.freshness = freshnessTables.isEmpty() ? null : function(props, "Freshness", "freshness", "Reports how long"
        + " ago each product with a freshness SLA was published, for the freshness alarms.", props.freshnessSize(),
        environment, FunctionInvoker.SCHEDULE);
    if (freshness != null) {
      new WarehouseAccess(this, props.dataBucket(), props.dataKey()).grantMetadataRead(freshness.role(),
          freshnessTables);
    }
    this.deliveries = props.plan().sources().isEmpty() ? null : deliveries(props, environment);
    this.refresh = new RefreshStateMachine(this, "Refresh", new RefreshStateMachineProps(tenant, plan.alias(),
        compute.alias(), computeLarge.alias(), Optional.ofNullable(pipelineWorkGroup).map(workGroup ->
            new RefreshStateMachineProps.AthenaSteps(prepareAthena.alias(), commitAthena.alias(),
                RuntimeNames.PIPELINE_WORKGROUP)),
        validate.alias(), publish.alias(), notifications, operationsKey, props.maxConcurrency(),
        METRIC_NAMESPACE, props.logRetention(), operationsKey));
    if (pipelineWorkGroup != null) {
      grantAthenaQueries(props.plan(), new WarehouseAccess(this, props.dataBucket(), props.dataKey()));
    }

    this.scheduleGroup = ScheduleGroup.Builder.create(this, "Schedules").scheduleGroupName(prefix).build();
    addSchedules(props, startingRole("SchedulerRole", "scheduler.amazonaws.com", OrderedMaps.of(
        "aws:SourceAccount", stack.getAccount(),
        "aws:SourceArn", scheduleGroup.getScheduleGroupArn())));
    this.freshnessCheck = freshness == null ? null : freshnessCheck(props, OrderedMaps.of(
        "aws:SourceAccount", stack.getAccount(),
        "aws:SourceArn", scheduleGroup.getScheduleGroupArn()));
    Set<String> read = readByOthers(props.plan());
    this.dependentsRule = read.isEmpty() ? null : dependentsRule(tenant, read, startingRole("DependentsRuleRole",
        "events.amazonaws.com", OrderedMaps.of("aws:SourceAccount", stack.getAccount())));

    SnsAction notify = new SnsAction(notifications);
    this.failedRunsAlarm = Alarm.Builder.create(this, "FailedRuns")
        .alarmName(prefix + "-refresh-failed")
        .alarmDescription("A refresh of tenant " + tenant + " failed: a product failed or was blocked by its checks."
            + " See the execution's Refresh failed cause and the failure notifications.")
        .metric(refresh.stateMachine().metricFailed(MetricOptions.builder()
            .period(Duration.minutes(5))
            .statistic("Sum")
            .build()))
        .threshold(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .evaluationPeriods(1)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
    failedRunsAlarm.addAlarmAction(notify);
    addFreshnessAlarms(tenant, props.plan(), notify);
  }

  /**
   * Compute reads every planned table and commits to products; Validate reads them too and appends to the quality
   * results table, which it creates on first use; Publish commits to products. Plan reads only the definitions
   * packaged with it.
   */
  private void grantWarehouse(TenantPlan tenantPlan, WarehouseAccess warehouse) {
    List<TableName> products = tenantPlan.products().stream().map(PlannedProduct::tableName).toList();
    List<TableName> readable = Stream.concat(products.stream(),
        tenantPlan.sources().stream().map(source -> source.tableName())).toList();
    // Every step also appends its usage record to the usage table, and creates it on first use; each grant is one
    // call per role, as the statements' Sids must be unique in a policy.
    for (PipelineFunction step : computeSteps()) {
      warehouse.grantRead(step.role(), plus(readable, USAGE));
      warehouse.grantWrite(step.role(), plus(products, USAGE));
      warehouse.grantCreate(step.role(), USAGE);
    }
    // Plan sizes each product from its inputs' current snapshots: their Glue entries and metadata files only.
    warehouse.grantMetadataRead(plan.role(), readable);
    if (prepareAthena != null) {
      // Prepare creates (and on a retry replaces) the staging table; Commit reads it.
      warehouse.grantStaging(prepareAthena.role(), List.of("glue:GetDatabase", "glue:GetTable", "glue:CreateTable",
          "glue:DeleteTable"));
      warehouse.grantStaging(commitAthena.role(), List.of("glue:GetDatabase", "glue:GetTable"));
    }
    warehouse.grantRead(validate.role(), plus(readable, QUALITY_RESULTS, USAGE));
    warehouse.grantWrite(validate.role(), List.of(QUALITY_RESULTS, USAGE));
    warehouse.grantCreate(validate.role(), List.of(QUALITY_RESULTS, USAGE));
    warehouse.grantRead(publish.role(), plus(products, USAGE));
    warehouse.grantWrite(publish.role(), plus(products, USAGE));
    warehouse.grantCreate(publish.role(), USAGE);
  }

  /**
   * The functions that compute products and commit them to audit branches, with the same grants: both Computes, and
   * Athena's Prepare and Commit when the plan runs products on Athena.
   */
  public List<PipelineFunction> computeSteps() {
    List<PipelineFunction> steps = new ArrayList<>(List.of(compute, computeLarge));
    if (prepareAthena != null) {
      steps.add(prepareAthena);
      steps.add(commitAthena);
    }
    return steps;
  }

  /**
   * What Athena needs of the state machine's role, as whose caller it runs each product's query: running queries in
   * the pipeline workgroup only, reading the planned tables, writing new files under the products' namespaces (the
   * staging tables live under their product's location), committing and removing the staging tables, and the
   * workgroup's result prefix.
   */
  private void grantAthenaQueries(TenantPlan tenantPlan, WarehouseAccess warehouse) {
    Role role = (Role) refresh.stateMachine().getRole();
    List<TableName> products = tenantPlan.products().stream().map(PlannedProduct::tableName).toList();
    List<TableName> readable = Stream.concat(products.stream(),
        tenantPlan.sources().stream().map(source -> source.tableName())).toList();
    Stack stack = Stack.of(this);
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("RunPipelineQueries")
        .actions(List.of("athena:StartQueryExecution", "athena:GetQueryExecution", "athena:StopQueryExecution"))
        .resources(List.of(stack.formatArn(software.amazon.awscdk.ArnComponents.builder().service("athena")
            .resource("workgroup").resourceName(RuntimeNames.PIPELINE_WORKGROUP)
            .arnFormat(software.amazon.awscdk.ArnFormat.SLASH_RESOURCE_NAME).build())))
        .build());
    warehouse.grantRead(role, readable);
    warehouse.grantStagingWrites(role, products);
    warehouse.grantStaging(role, List.of("glue:GetDatabase", "glue:GetTable", "glue:UpdateTable",
        "glue:DeleteTable"));
    warehouse.grantQueryResults(role, PIPELINE_RESULTS);
    // The state machine names the workgroup: it must exist before the first execution.
    refresh.stateMachine().getNode().addDependency(pipelineWorkGroup);
  }

  /** The result prefix of the pipeline's workgroup in the data bucket. */
  public static final String PIPELINE_RESULTS = "athena-results/pipeline/";
  /**
   * The pipeline workgroup's cutoff: 1 TiB per query, far above the customers' 10 GiB, since products run there
   * because they are large, yet bounded so a runaway query cannot scan without end.
   */
  public static final long PIPELINE_BYTES_SCANNED_CUTOFF = 1024L * 1024 * 1024 * 1024;

  private static List<TableName> plus(List<TableName> tables, TableName... more) {
    return Stream.concat(tables.stream(), Stream.of(more)).toList();
  }

  /**
   * Lets Compute, Validate, Publish and Ingest send their usage records to the provider's central bus {@code busArn}
   * ({@code events:PutEvents} on that bus only), named to them by {@code MESHWORK_USAGE_BUS}.
   */
  public void sendUsageTo(String busArn) {
    List<PipelineFunction> steps = new ArrayList<>(computeSteps());
    steps.addAll(List.of(validate, publish));
    deliveries().ifPresent(sourceDeliveries -> steps.add(sourceDeliveries.ingest()));
    for (PipelineFunction step : steps) {
      ((software.amazon.awscdk.services.lambda.Function) step.function())
          .addEnvironment(RuntimeNames.USAGE_BUS_VARIABLE, busArn);
      step.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("events:PutEvents"))
          .resources(List.of(busArn))
          .build());
    }
  }

  /** The landing prefix, its rule and the Ingest function, for the plan's sources. */
  private SourceDeliveries deliveries(TenantPipelineProps props, Map<String, String> environment) {
    Map<String, String> ingestEnvironment = new TreeMap<>(environment);
    ingestEnvironment.put(RuntimeNames.NOTIFICATIONS_TOPIC_VARIABLE, notifications.getTopicArn());
    PipelineFunction ingest = function(props, "Ingest", "ingest", "Ingests a source delivery from landing/ and"
        + " publishes it when it honours the source's contract.", props.ingestSize(), ingestEnvironment,
        FunctionInvoker.DELIVERY);
    return new SourceDeliveries(this, "Deliveries", new SourceDeliveries.Settings(props.tenantId(),
        props.plan().sources(), props.dataBucket(), props.dataKey(), props.deliveringPrincipals(), ingest,
        new WarehouseAccess(this, props.dataBucket(), props.dataKey()), notifications, QUALITY_RESULTS));
  }

  /** A role that {@code service} assumes under {@code conditions} and that may only start the state machine. */
  private Role startingRole(String id, String service, Map<String, Object> conditions) {
    Role role = Role.Builder.create(this, id)
        .description("Lets " + service + " start the refresh state machine, and nothing else")
        .assumedBy(new ServicePrincipal(service).withConditions(Map.of("StringEquals", conditions)))
        .build();
    refresh.stateMachine().grantStartExecution(role);
    NagReasons.suppress(role, List.of(NagReasons.ROLE_POLICY));
    return role;
  }

  private PipelineFunction function(TenantPipelineProps props, String id, String step, String description,
      FunctionSize size, Map<String, String> environment, FunctionInvoker invoker) {
    return function(props, id, step, id + "Function", description, size, environment, invoker);
  }

  private PipelineFunction function(TenantPipelineProps props, String id, String step, String handlerClass,
      String description, FunctionSize size, Map<String, String> environment, FunctionInvoker invoker) {
    String handler = "io.meshwork.functions." + handlerClass;
    return new PipelineFunction(this, id, new PipelineFunctionProps("meshwork-" + props.tenantId() + "-" + step,
        handler, description, props.code(), size, environment, props.logRetention(), operationsKey,
        props.reservedConcurrentExecutions(), invoker));
  }

  /**
   * The hourly schedule invoking the freshness check's {@code live} alias with {@code {tenant}}, as a role that may
   * invoke only that alias. A check is worth little once the next one is due: two retries within the hour at most.
   */
  private software.amazon.awscdk.services.scheduler.Schedule freshnessCheck(TenantPipelineProps props,
      Map<String, Object> conditions) {
    Role role = Role.Builder.create(this, "FreshnessSchedulerRole")
        .description("Lets scheduler.amazonaws.com invoke the freshness check, and nothing else")
        .assumedBy(new ServicePrincipal("scheduler.amazonaws.com").withConditions(Map.of("StringEquals", conditions)))
        .build();
    freshness.alias().grantInvoke(role);
    NagReasons.suppress(role, List.of(NagReasons.ROLE_POLICY));
    return software.amazon.awscdk.services.scheduler.Schedule.Builder.create(this, "FreshnessCheck")
        .scheduleName(FRESHNESS_CHECK)
        .scheduleGroup(scheduleGroup)
        .description("Reports how long ago each product with a freshness SLA was published")
        .schedule(ScheduleExpression.expression(FRESHNESS_CHECK_SCHEDULE, props.timeZone()))
        .target(new LambdaInvoke(freshness.alias(), ScheduleTargetBaseProps.builder()
            .role(role)
            .input(ScheduleTargetInput.fromObject(Map.of("tenant", props.tenantId())))
            .retryAttempts(2)
            .maxEventAge(Duration.hours(1))
            .build()))
        .build();
  }

  /**
   * Lets CloudWatch Logs encrypt the pipeline's log groups, and CloudWatch alarms publish to the encrypted topic, with
   * the operations key (a key created here; an imported key's policy is the caller's to set).
   */
  private void allowLogsAndAlarms(Stack stack, String prefix) {
    String logGroups = "arn:" + stack.getPartition() + ":logs:" + stack.getRegion() + ":" + stack.getAccount()
        + ":log-group:";
    operationsKey.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("EncryptPipelineLogs")
        .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
        .actions(List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"))
        .resources(List.of("*"))
        .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn", List.of(
            logGroups + "/aws/lambda/" + prefix + "-*",
            logGroups + "/aws/vendedlogs/states/" + prefix + "-*"))))
        .build());
    operationsKey.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("AlarmsNotifyEncryptedTopic")
        .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
        .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
        .resources(List.of("*"))
        .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", stack.getAccount())))
        .build());
  }

  private void addSchedules(TenantPipelineProps props, Role role) {
    List<Diagnostic> problems = new ArrayList<>();
    for (PlannedProduct product : props.plan().products()) {
      Optional<Schedule> schedule = product.schedule();
      if (schedule.isEmpty()) {
        continue;
      }
      // The parser already checks schedules; a plan built another way must not reach Scheduler unchecked.
      Optional<String> problem = CronExpressions.problem(schedule.get().expression());
      if (problem.isPresent()) {
        problems.add(new Diagnostic(schedule.get().location(), "Invalid schedule '" + schedule.get().expression()
            + "' of " + product.name() + ": " + problem.get()));
        continue;
      }
      schedules.put(product.name(), software.amazon.awscdk.services.scheduler.Schedule.Builder.create(this,
              "Schedule-" + product.name())
          .scheduleName(product.name())
          .scheduleGroup(scheduleGroup)
          .description("Refreshes " + product.name() + " and what it reads")
          .schedule(ScheduleExpression.expression(schedule.get().expression(), props.timeZone()))
          .target(new StepFunctionsStartExecution(refresh.stateMachine(), ScheduleTargetBaseProps.builder()
              .role(role)
              .input(ScheduleTargetInput.fromObject(OrderedMaps.of("tenant", props.tenantId(),
                  "product", product.name())))
              .build()))
          .build());
    }
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(problems);
    }
  }

  /** The planned products and sources that a planned product reads. */
  private static Set<String> readByOthers(TenantPlan tenantPlan) {
    Set<String> read = new TreeSet<>();
    tenantPlan.products().forEach(product -> product.inputs().forEach(input -> read.add(input.name())));
    return read;
  }

  /**
   * The rule refreshing the dependents of {@code read} products and sources after a product refresh or a delivery
   * (the Ingest function's event carries {@code request.source}) published one.
   */
  private Rule dependentsRule(String tenant, Set<String> read, Role role) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("tenant", List.of(tenant));
    detail.put("product", List.copyOf(read));
    detail.put("$or", List.of(
        Map.of("request", Map.of("product", List.of(Map.of("exists", true)))),
        Map.of("request", Map.of("source", List.of(Map.of("exists", true))))));
    Rule rule = Rule.Builder.create(this, "DependentsRule")
        .description("Refreshes the dependents of a product or source that a product refresh or a delivery of "
            + tenant + " published")
        .eventPattern(EventPattern.builder()
            .source(List.of(RefreshStateMachine.EVENT_SOURCE))
            .detailType(List.of(RefreshStateMachine.EVENT_DETAIL_TYPE))
            .detail(detail)
            .build())
        .build();
    rule.addTarget(new SfnStateMachine(refresh.stateMachine(), SfnStateMachineProps.builder()
        .role(role)
        .input(RuleTargetInput.fromObject(OrderedMaps.of("tenant", tenant,
            "dependentsOf", EventField.fromPath("$.detail.product"))))
        .build()));
    return rule;
  }

  private void addFreshnessAlarms(String tenant, TenantPlan tenantPlan, SnsAction notify) {
    for (PlannedProduct product : tenantPlan.products()) {
      product.product().sla().freshness().ifPresent(freshness -> {
        FreshnessThreshold threshold = new FreshnessThreshold(freshness);
        Alarm alarm = Alarm.Builder.create(this, "Freshness-" + product.name())
            .alarmName("meshwork-" + tenant + "-" + product.name() + "-freshness")
            .alarmDescription(product.name() + " of tenant " + tenant + " breaches its freshness SLA of "
                + threshold.iso() + ": published more than " + threshold.hoursText() + " hours ago, never published, or"
                + " not reported by the hourly freshness check (meshwork-" + tenant + "-freshness).")
            .metric(Metric.Builder.create()
                .namespace(METRIC_NAMESPACE)
                .metricName(FRESHNESS_METRIC)
                .dimensionsMap(new TreeMap<>(Map.of("Tenant", tenant, "Product", product.name())))
                .statistic("Maximum")
                .period(Duration.hours(1))
                .build())
            .threshold(threshold.hours())
            .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
            .evaluationPeriods(FRESHNESS_PERIODS)
            .datapointsToAlarm(FRESHNESS_PERIODS)
            .treatMissingData(TreatMissingData.BREACHING)
            .build();
        alarm.addAlarmAction(notify);
        Tags.of(alarm).add(RuntimeNames.PRODUCT_TAG, product.name());
        freshnessAlarms.put(product.name(), alarm);
      });
    }
  }

  /** The key encrypting the pipeline's logs and its notification topic. */
  public IKey operationsKey() {
    return operationsKey;
  }

  /** Failed products and alarms are published here; subscribe operators to it. */
  public Topic notifications() {
    return notifications;
  }

  public PipelineFunction plan() {
    return plan;
  }

  public PipelineFunction compute() {
    return compute;
  }

  /** The large Compute without SnapStart, for products the plan sizes {@code large}. */
  public PipelineFunction computeLarge() {
    return computeLarge;
  }

  /** Athena's Prepare step; absent when no planned product runs on Athena. */
  public Optional<PipelineFunction> prepareAthena() {
    return Optional.ofNullable(prepareAthena);
  }

  /** Athena's Commit step; absent with {@link #prepareAthena()}. */
  public Optional<PipelineFunction> commitAthena() {
    return Optional.ofNullable(commitAthena);
  }

  /** The workgroup Athena runs the products' queries in; absent with {@link #prepareAthena()}. */
  public Optional<QueryWorkGroup> pipelineWorkGroup() {
    return Optional.ofNullable(pipelineWorkGroup);
  }

  public PipelineFunction validate() {
    return validate;
  }

  public PipelineFunction publish() {
    return publish;
  }

  /**
   * The hourly freshness check {@code meshwork-<tenant>-freshness}; absent when no planned product has a freshness
   * SLA.
   */
  public Optional<PipelineFunction> freshness() {
    return Optional.ofNullable(freshness);
  }

  /** The tables of the planned products with a freshness SLA, in plan order: all the freshness check reads. */
  public List<TableName> freshnessTables() {
    return freshnessTables;
  }

  /** The schedule invoking the freshness check, absent with the check. */
  public Optional<software.amazon.awscdk.services.scheduler.Schedule> freshnessCheck() {
    return Optional.ofNullable(freshnessCheck);
  }

  /** The landing prefix's rule and the Ingest function; absent when the plan reads no source. */
  public Optional<SourceDeliveries> deliveries() {
    return Optional.ofNullable(deliveries);
  }

  public RefreshStateMachine refresh() {
    return refresh;
  }

  public ScheduleGroup scheduleGroup() {
    return scheduleGroup;
  }

  /** The schedules by product name, in plan order. */
  public Map<String, software.amazon.awscdk.services.scheduler.Schedule> schedules() {
    return Collections.unmodifiableMap(schedules);
  }

  /** The dependents rule, absent when no planned product reads another. */
  public Optional<Rule> dependentsRule() {
    return Optional.ofNullable(dependentsRule);
  }

  public Alarm failedRunsAlarm() {
    return failedRunsAlarm;
  }

  /** The freshness alarms by product name, in plan order. */
  public Map<String, Alarm> freshnessAlarms() {
    return Collections.unmodifiableMap(freshnessAlarms);
  }
}
