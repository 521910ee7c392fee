package io.meshwork.cdk.constructs;

import io.meshwork.model.plan.ComputeClass;
import io.meshwork.model.runtime.RuntimeNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.CustomState;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.IChainable;
import software.amazon.awscdk.services.stepfunctions.JitterType;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Parallel;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.tasks.EventBridgePutEvents;
import software.amazon.awscdk.services.stepfunctions.tasks.EventBridgePutEventsEntry;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.amazon.awscdk.services.stepfunctions.tasks.SnsPublish;
import software.constructs.Construct;

/**
 * The tenant's refresh workflow, one STANDARD state machine {@code meshwork-<tenant>-refresh}:
 *
 * <pre>
 * Scope of refresh ─ dependentsOf → Plan dependents / product → Plan product / else → Plan everything
 * → Plan → Anything to refresh? ─ no → Nothing to refresh
 *   └ yes → Waves (Map over $.waves, one wave at a time)
 *             └ Products (Map over the wave, up to maxConcurrency at a time)
 *                 └ Refresh product (Parallel of one branch, so one Catch covers the product's whole chain)
 *                     Where does it run? ($.compute from Plan) ─ standard → Compute / large → Compute (large)
 *                       │  / athena → Prepare Athena run → Prepare status ─ PREPARED → Run on Athena (.sync)
 *                       │        → Commit Athena output → Remove staging table → Validate …
 *                       │        (failure of either → Remove staging table after failure → Athena run failed)
 *                       │   ─ COMPUTED → Already committed → Validate / UP_TO_DATE… → Nothing to publish
 *                       │  / otherwise (too-large) → Does not fit (Fail, cause: the plan's size reason)
 *                     Compute → Compute status ─ COMPUTED* → Validate → Checks passed? ─ no → Blocked
 *                       │                                                 └ yes → Publish → Publish status
 *                       │       ─ PUBLISHED → Announce publication → Count publication → Published
 *                       │       ─ UNCHANGED/SKIPPED/CONFLICT/BLOCKED → Not published
 *                       │       ─ anything else → Unexpected publish status (Fail)
 *                       ├ UP_TO_DATE/ALREADY_PUBLISHED/UPSTREAM_FAILED → Nothing to publish
 *                       └ anything else → Unexpected compute status (Fail)
 *                     Catch States.ALL → Record failure → Notify failure
 *           → Summarise run → Any product failed? ─ FAILED or BLOCKED → Refresh failed (Fail)
 *                                                 └ else → Refresh succeeded
 * </pre>
 *
 * <p>* and REJECTED: rows left a required column empty, so Compute committed nothing; Validate records the failed
 * required checks and fails, and the product ends Blocked.
 *
 * <p>The input is {@code {tenant, product?, dependentsOf?}} (dependentsOf wins if both are given); the Pass states
 * build Plan's request with the execution name as run id. Each product ends as one record
 * {@code {product, outcome, ...}}, so a failed product does not stop the others; its dependents in later waves learn
 * of it from Compute ({@code UPSTREAM_FAILED}). The run fails at the end when any product failed or was blocked,
 * which is what the ExecutionsFailed alarm watches. Only classic JSONPath and widely supported states are used, so
 * emulators run the same definition. Lambda tasks invoke the functions' {@code live} aliases with the handler's JSON
 * as the whole task output ({@code payloadResponseOnly}).
 */
public final class RefreshStateMachine extends Construct {

  public static final String SCOPE_OF_REFRESH = "Scope of refresh";
  public static final String PLAN_DEPENDENTS = "Plan dependents";
  public static final String PLAN_PRODUCT = "Plan product";
  public static final String PLAN_EVERYTHING = "Plan everything";
  public static final String PLAN = "Plan";
  public static final String ANYTHING_TO_REFRESH = "Anything to refresh?";
  public static final String NOTHING_TO_REFRESH = "Nothing to refresh";
  public static final String WAVES = "Waves";
  public static final String PRODUCTS = "Products";
  public static final String REFRESH_PRODUCT = "Refresh product";
  public static final String WHERE_IT_RUNS = "Where does it run?";
  public static final String COMPUTE = "Compute";
  public static final String COMPUTE_LARGE = "Compute (large)";
  public static final String DOES_NOT_FIT = "Does not fit";
  public static final String PREPARE_ATHENA = "Prepare Athena run";
  public static final String PREPARE_STATUS = "Prepare status";
  public static final String ALREADY_COMMITTED = "Already committed";
  public static final String RUN_ON_ATHENA = "Run on Athena";
  public static final String COMMIT_ATHENA = "Commit Athena output";
  public static final String REMOVE_STAGING = "Remove staging table";
  public static final String REMOVE_STAGING_AFTER_FAILURE = "Remove staging table after failure";
  public static final String ATHENA_RUN_FAILED = "Athena run failed";
  public static final String COMPUTE_STATUS = "Compute status";
  public static final String NOTHING_TO_PUBLISH = "Nothing to publish";
  public static final String UNEXPECTED_COMPUTE_STATUS = "Unexpected compute status";
  public static final String VALIDATE = "Validate";
  public static final String CHECKS_PASSED = "Checks passed?";
  public static final String BLOCKED = "Blocked";
  public static final String PUBLISH = "Publish";
  public static final String PUBLISH_STATUS = "Publish status";
  public static final String NOT_PUBLISHED = "Not published";
  public static final String UNEXPECTED_PUBLISH_STATUS = "Unexpected publish status";
  public static final String ANNOUNCE_PUBLICATION = "Announce publication";
  public static final String COUNT_PUBLICATION = "Count publication";
  public static final String PUBLISHED = "Published";
  public static final String RECORD_FAILURE = "Record failure";
  public static final String NOTIFY_FAILURE = "Notify failure";
  public static final String SUMMARISE_RUN = "Summarise run";
  public static final String ANY_PRODUCT_FAILED = "Any product failed?";
  public static final String REFRESH_FAILED = "Refresh failed";
  public static final String REFRESH_SUCCEEDED = "Refresh succeeded";

  /** The source and detail type of the event announcing a publication. */
  public static final String EVENT_SOURCE = RuntimeNames.PIPELINE_EVENT_SOURCE;
  public static final String EVENT_DETAIL_TYPE = RuntimeNames.PRODUCT_PUBLISHED;
  /**
   * The metric counting publications, per Tenant and Product, for dashboards of publication rates. Freshness alarms
   * watch the freshness check's {@value TenantPipeline#FRESHNESS_METRIC} instead, which works for SLAs of any length.
   */
  public static final String PUBLISHED_METRIC = RuntimeNames.PUBLISHED_METRIC;

  /** Errors of Athena's query worth another attempt: throttling and Athena's own failures. */
  public static final List<String> ATHENA_TRANSIENT_ERRORS = List.of("Athena.TooManyRequestsException",
      "Athena.InternalServerException");

  /** Errors of a Lambda task worth another attempt: the Lambda service's own, and a lost commit race. */
  public static final List<String> TRANSIENT_ERRORS = List.of("Lambda.ServiceException",
      "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException",
      RuntimeNames.CONFLICT_ERROR);

  private final StateMachine stateMachine;
  private final LogGroup logGroup;

  public RefreshStateMachine(Construct scope, String id, RefreshStateMachineProps props) {
    super(scope, id);
    String name = "meshwork-" + props.tenantId() + "-refresh";
    this.logGroup = LogGroup.Builder.create(this, "Logs")
        .logGroupName("/aws/vendedlogs/states/" + name)
        .retention(props.logRetention())
        .encryptionKey(props.logKey())
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    this.stateMachine = StateMachine.Builder.create(this, "StateMachine")
        .stateMachineName(name)
        .stateMachineType(StateMachineType.STANDARD)
        .comment("Refreshes the data products of tenant " + props.tenantId() + ": plan, then wave by wave compute,"
            + " validate and publish each product.")
        .definitionBody(DefinitionBody.fromChainable(definition(props)))
        .logs(LogOptions.builder().destination(logGroup).level(LogLevel.ALL).includeExecutionData(true).build())
        .tracingEnabled(true)
        .build();
    stateMachine.addToRolePolicy(PolicyStatement.Builder.create()
        .sid("PublishEncryptedNotifications")
        .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
        .resources(List.of(props.notificationKey().getKeyArn()))
        .build());
    stateMachine.addToRolePolicy(PolicyStatement.Builder.create()
        .sid("CountPublications")
        .actions(List.of("cloudwatch:PutMetricData"))
        .resources(List.of("*"))
        .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", props.metricNamespace())))
        .build());
    NagReasons.suppress(stateMachine, List.of(new NagReasons.Reason("AwsSolutions-IAM5", "CloudWatch Logs"
        + " delivery, X-Ray tracing and cloudwatch:PutMetricData have no resource-level permissions; the metric"
        + " statement is limited to the Meshwork namespace by condition.", List.of("^Resource::\\*$")),
        NagReasons.ROLE_POLICY));
  }

  private IChainable definition(RefreshStateMachineProps props) {
    String tenant = props.tenantId();
    LambdaInvoke plan = invoke("Plan", PLAN, props.plan());
    Choice scope = Choice.Builder.create(this, "ScopeOfRefresh").stateName(SCOPE_OF_REFRESH)
        .comment("Builds Plan's request from the input; the run id is the execution name.")
        .build()
        .when(Condition.isPresent("$.dependentsOf"), planRequest("PlanDependents", PLAN_DEPENDENTS, "dependentsOf")
            .next(plan))
        .when(Condition.isPresent("$.product"), planRequest("PlanProduct", PLAN_PRODUCT, "product").next(plan))
        .otherwise(planRequest("PlanEverything", PLAN_EVERYTHING, null).next(plan));

    software.amazon.awscdk.services.stepfunctions.Map products =
        software.amazon.awscdk.services.stepfunctions.Map.Builder.create(this, "Products").stateName(PRODUCTS)
            .itemsPath("$.wave")
            .maxConcurrency(props.maxConcurrency())
            .build();
    products.itemProcessor(refreshProduct(props));
    software.amazon.awscdk.services.stepfunctions.Map waves =
        software.amazon.awscdk.services.stepfunctions.Map.Builder.create(this, "Waves").stateName(WAVES)
            .comment("A wave only reads products of earlier waves, so waves run one after the other.")
            .itemsPath("$.waves")
            .itemSelector(Map.of("wave", JsonPath.objectAt("$$.Map.Item.Value")))
            .maxConcurrency(1)
            .resultSelector(OrderedMaps.of(
                "products", JsonPath.listAt("$[*][*]"),
                "outcomes", JsonPath.listAt("$[*][*].outcome")))
            .resultPath("$.results")
            .build();
    waves.itemProcessor(products);

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("tenant", JsonPath.stringAt("$.tenant"));
    summary.put("runId", JsonPath.stringAt("$.runId"));
    summary.put("products", JsonPath.listAt("$.results.products"));
    summary.put("failed", JsonPath.arrayContains(JsonPath.listAt("$.results.outcomes"), "FAILED"));
    summary.put("blocked", JsonPath.arrayContains(JsonPath.listAt("$.results.outcomes"), "BLOCKED"));
    Pass summarise = Pass.Builder.create(this, "SummariseRun").stateName(SUMMARISE_RUN).parameters(summary).build();
    Choice anyFailed = Choice.Builder.create(this, "AnyProductFailed").stateName(ANY_PRODUCT_FAILED).build()
        .when(Condition.or(Condition.booleanEquals("$.failed", true), Condition.booleanEquals("$.blocked", true)),
            Fail.Builder.create(this, "RefreshFailed").stateName(REFRESH_FAILED)
                .error("ProductsFailed")
                .causePath(JsonPath.jsonToString(JsonPath.objectAt("$.products")))
                .build())
        .otherwise(Succeed.Builder.create(this, "RefreshSucceeded").stateName(REFRESH_SUCCEEDED).build());

    Choice anything = Choice.Builder.create(this, "AnythingToRefresh").stateName(ANYTHING_TO_REFRESH).build()
        .when(Condition.isPresent("$.waves[0]"), waves.next(summarise).next(anyFailed))
        .otherwise(Succeed.Builder.create(this, "NothingToRefresh").stateName(NOTHING_TO_REFRESH).build());
    plan.next(anything);
    return scope;
  }

  /** A Pass building Plan's request: tenant and run id, and {@code field} of the input if not null. */
  private Pass planRequest(String id, String stateName, String field) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("tenant", JsonPath.stringAt("$.tenant"));
    request.put("runId", JsonPath.getExecutionName());
    if (field != null) {
      request.put(field, JsonPath.stringAt("$." + field));
    }
    return Pass.Builder.create(this, id).stateName(stateName).parameters(request).build();
  }

  /** One product's chain inside a single-branch Parallel, whose Catch turns any failure into a record. */
  private IChainable refreshProduct(RefreshStateMachineProps props) {
    LambdaInvoke compute = invokeWithRequest("Compute", COMPUTE, props.compute());
    LambdaInvoke computeLarge = invokeWithRequest("ComputeLarge", COMPUTE_LARGE, props.computeLarge());
    LambdaInvoke validate = invoke("Validate", VALIDATE, props.validate());
    LambdaInvoke publish = invoke("Publish", PUBLISH, props.publish());

    Pass published = Pass.Builder.create(this, "Published").stateName(PUBLISHED)
        .parameters(OrderedMaps.of(
            "product", JsonPath.stringAt("$.validation.compute.request.product"),
            "outcome", "PUBLISHED",
            "snapshotId", JsonPath.stringAt("$.snapshotId")))
        .build();
    Choice publishStatus = Choice.Builder.create(this, "PublishStatus").stateName(PUBLISH_STATUS).build()
        .when(status("PUBLISHED"), announce().next(count(props)).next(published))
        .when(status("UNCHANGED", "SKIPPED", "CONFLICT", "BLOCKED"),
            Pass.Builder.create(this, "NotPublished").stateName(NOT_PUBLISHED)
                .parameters(OrderedMaps.of(
                    "product", JsonPath.stringAt("$.validation.compute.request.product"),
                    "outcome", JsonPath.stringAt("$.status")))
                .build())
        .otherwise(unexpected("UnexpectedPublishStatus", UNEXPECTED_PUBLISH_STATUS, "Publish"));
    Choice checksPassed = Choice.Builder.create(this, "ChecksPassed").stateName(CHECKS_PASSED).build()
        .when(Condition.booleanEquals("$.passed", true), publish.next(publishStatus))
        .otherwise(Pass.Builder.create(this, "Blocked").stateName(BLOCKED)
            .comment("A check of severity error failed: main stays as it was, so there is nothing to publish.")
            .parameters(OrderedMaps.of(
                "product", JsonPath.stringAt("$.compute.request.product"),
                "outcome", "BLOCKED"))
            .build());
    validate.next(checksPassed);
    Pass nothingToPublish = Pass.Builder.create(this, "NothingToPublish").stateName(NOTHING_TO_PUBLISH)
        .parameters(OrderedMaps.of(
            "product", JsonPath.stringAt("$.request.product"),
            "outcome", JsonPath.stringAt("$.status")))
        .build();
    Fail unexpectedCompute = unexpected("UnexpectedComputeStatus", UNEXPECTED_COMPUTE_STATUS, "Compute");
    Choice computeStatus = Choice.Builder.create(this, "ComputeStatus").stateName(COMPUTE_STATUS).build()
        .when(status("COMPUTED", "REJECTED"), validate)
        .when(status("UP_TO_DATE", "ALREADY_PUBLISHED", "UPSTREAM_FAILED"), nothingToPublish)
        .otherwise(unexpectedCompute);
    compute.next(computeStatus);
    computeLarge.next(computeStatus);

    Choice whereItRuns = Choice.Builder.create(this, "WhereDoesItRun").stateName(WHERE_IT_RUNS)
        .comment("The plan sized each product: standard and large run in a Compute, athena on Athena.")
        .build()
        .when(Condition.stringEquals("$.compute", ComputeClass.STANDARD.id()), compute)
        .when(Condition.stringEquals("$.compute", ComputeClass.LARGE.id()), computeLarge);
    props.athena().ifPresent(athena -> whereItRuns.when(Condition.stringEquals("$.compute", ComputeClass.ATHENA.id()),
        athenaBranch(athena, validate, nothingToPublish, unexpectedCompute)));
    whereItRuns.otherwise(Fail.Builder.create(this, "DoesNotFit").stateName(DOES_NOT_FIT)
        .comment("Too large for any Compute, or on an engine this state machine has no branch for.")
        .error("ProductDoesNotFit")
        .causePath("$.sizeReason")
        .build());

    Parallel refresh = Parallel.Builder.create(this, "RefreshProduct").stateName(REFRESH_PRODUCT)
        .comment("One branch: the Catch below covers every step of the product.")
        .outputPath("$[0]")
        .build();
    refresh.branch(whereItRuns);
    refresh.addCatch(recordFailure().next(notifyFailure(props)), CatchProps.builder()
        .errors(List.of("States.ALL"))
        .resultPath("$.failure")
        .build());
    return refresh;
  }

  /**
   * A product on Athena: Prepare creates the staging table and renders the query (or settles the product as Compute
   * would), Athena runs the query in the pipeline workgroup and the task waits for it ({@code .sync}), Commit puts
   * the staging files on the product's audit branch, and the staging table is removed (its files now belong to the
   * branch) before Validate. After a failed query or commit, the staging table is removed and the failure goes on to
   * the product's Catch; {@code main} was never touched.
   */
  private IChainable athenaBranch(RefreshStateMachineProps.AthenaSteps athena, IChainable validate,
      IChainable nothingToPublish, IChainable unexpected) {
    LambdaInvoke prepare = invokeWithRequest("PrepareAthena", PREPARE_ATHENA, athena.prepare());
    LambdaInvoke commit = LambdaInvoke.Builder.create(this, "CommitAthena").stateName(COMMIT_ATHENA)
        .lambdaFunction(athena.commit())
        .payloadResponseOnly(true)
        .retryOnServiceExceptions(false)
        .resultPath("$.computed")
        .build();
    commit.addRetry(retry(TRANSIENT_ERRORS, 2, 4));

    Fail failed = Fail.Builder.create(this, "AthenaRunFailed").stateName(ATHENA_RUN_FAILED)
        .errorPath("$.failure.Error")
        .causePath("$.failure.Cause")
        .build();
    CustomState removeAfterFailure = removeStaging("RemoveStagingAfterFailure", REMOVE_STAGING_AFTER_FAILURE,
        "$.cleanup", null);
    removeAfterFailure.addCatch(failed, CatchProps.builder().errors(List.of("States.ALL"))
        .resultPath("$.cleanupFailure").build());
    removeAfterFailure.next(failed);
    CatchProps toCleanup = CatchProps.builder().errors(List.of("States.ALL")).resultPath("$.failure").build();

    Map<String, Object> query = new LinkedHashMap<>();
    query.put("QueryString.$", "$.query");
    query.put("WorkGroup", athena.workGroup());
    query.put("QueryExecutionContext", OrderedMaps.of("Catalog", "AwsDataCatalog",
        "Database.$", "$.stagingDatabase"));
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Type", "Task");
    state.put("Comment", "The workgroup enforces its configuration: results encrypted with the tenant's key.");
    state.put("Resource", "arn:" + Stack.of(this).getPartition() + ":states:::athena:startQueryExecution.sync");
    state.put("Parameters", query);
    state.put("ResultSelector", OrderedMaps.of(
        "queryExecutionId.$", "$.QueryExecution.QueryExecutionId",
        "bytesScanned.$", "$.QueryExecution.Statistics.DataScannedInBytes"));
    state.put("ResultPath", "$.athena");
    CustomState run = CustomState.Builder.create(this, RUN_ON_ATHENA).stateJson(state).build();
    run.addRetry(retry(ATHENA_TRANSIENT_ERRORS, 5, 5));
    run.addCatch(removeAfterFailure, toCleanup);
    commit.addCatch(removeAfterFailure, toCleanup);

    CustomState remove = removeStaging("RemoveStaging", REMOVE_STAGING, "$.removed", "$.computed");
    run.next(commit).next(remove).next(validate);

    Choice prepared = Choice.Builder.create(this, "PrepareStatus").stateName(PREPARE_STATUS).build()
        .when(status("PREPARED"), run)
        .when(status("COMPUTED"), Pass.Builder.create(this, "AlreadyCommitted").stateName(ALREADY_COMMITTED)
            .comment("A retry found this run's commit on the audit branch: validate it.")
            .inputPath("$.settled")
            .build().next(validate))
        .when(status("UP_TO_DATE", "ALREADY_PUBLISHED", "UPSTREAM_FAILED"), nothingToPublish)
        .otherwise(unexpected);
    prepare.next(prepared);
    return prepare;
  }

  /**
   * Removes the staging table named in the state's input from Glue (Iceberg's files stay); its result goes to
   * {@code resultPath}, and the state's output is {@code outputPath} of that ({@code null}: all of it).
   */
  private CustomState removeStaging(String id, String stateName, String resultPath, String outputPath) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Type", "Task");
    state.put("Resource", "arn:" + Stack.of(this).getPartition() + ":states:::aws-sdk:glue:deleteTable");
    state.put("Parameters", OrderedMaps.of("DatabaseName.$", "$.stagingDatabase", "Name.$", "$.stagingTable"));
    state.put("ResultPath", resultPath);
    if (outputPath != null) {
      state.put("OutputPath", outputPath);
    }
    // A custom state takes its construct id as its name.
    CustomState task = CustomState.Builder.create(this, stateName).stateJson(state).build();
    task.addRetry(retry(List.of("Glue.ConcurrentModificationException", "Glue.InternalServiceException",
        "Glue.ThrottlingException"), 1, 3));
    return task;
  }

  /**
   * Invokes {@code function} with the product's step request ({@code tenant}, {@code product}, {@code runId}) out of
   * the planned item, which also carries where the product runs.
   */
  private LambdaInvoke invokeWithRequest(String id, String stateName, IFunction function) {
    LambdaInvoke task = LambdaInvoke.Builder.create(this, id).stateName(stateName)
        .lambdaFunction(function)
        .payload(TaskInput.fromObject(OrderedMaps.of(
            "tenant", JsonPath.stringAt("$.tenant"),
            "product", JsonPath.stringAt("$.product"),
            "runId", JsonPath.stringAt("$.runId"))))
        .payloadResponseOnly(true)
        .retryOnServiceExceptions(false)
        .build();
    task.addRetry(retry(TRANSIENT_ERRORS, 2, 4));
    return task;
  }

  /** Invokes {@code function} with the state's input; its JSON result is the state's output. */
  private LambdaInvoke invoke(String id, String stateName, IFunction function) {
    LambdaInvoke task = LambdaInvoke.Builder.create(this, id).stateName(stateName)
        .lambdaFunction(function)
        .payloadResponseOnly(true)
        .retryOnServiceExceptions(false)
        .build();
    task.addRetry(retry(TRANSIENT_ERRORS, 2, 4));
    return task;
  }

  /** Puts {@code ProductPublished} on the account's default bus; the task's output is its input. */
  private EventBridgePutEvents announce() {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("tenant", JsonPath.stringAt("$.validation.compute.request.tenant"));
    detail.put("product", JsonPath.stringAt("$.validation.compute.request.product"));
    detail.put("version", JsonPath.stringAt("$.validation.compute.version"));
    detail.put("table", JsonPath.stringAt("$.validation.compute.table"));
    detail.put("snapshotId", JsonPath.stringAt("$.snapshotId"));
    detail.put("runId", JsonPath.stringAt("$.validation.compute.request.runId"));
    // Which refresh published: the dependents rule only follows product refreshes (see TenantPipeline).
    detail.put("request", JsonPath.objectAt("$$.Execution.Input"));
    EventBridgePutEvents task = EventBridgePutEvents.Builder.create(this, "AnnouncePublication")
        .stateName(ANNOUNCE_PUBLICATION)
        .entries(List.of(EventBridgePutEventsEntry.builder()
            .source(EVENT_SOURCE)
            .detailType(EVENT_DETAIL_TYPE)
            .detail(TaskInput.fromObject(detail))
            .build()))
        .resultPath(JsonPath.DISCARD)
        .build();
    task.addRetry(serviceRetry());
    return task;
  }

  /**
   * Adds 1 to {@value #PUBLISHED_METRIC} for this tenant and product. A custom state, because CDK's CallAwsService
   * cannot put the namespace condition on the permission it grants; a custom state takes its construct id as name.
   */
  private CustomState count(RefreshStateMachineProps props) {
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("MetricName", PUBLISHED_METRIC);
    metric.put("Unit", "Count");
    metric.put("Value", 1);
    metric.put("Dimensions", List.of(
        OrderedMaps.of("Name", "Tenant", "Value", props.tenantId()),
        OrderedMaps.of("Name", "Product", "Value.$", "$.validation.compute.request.product")));
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Type", "Task");
    state.put("Resource", "arn:" + Stack.of(this).getPartition() + ":states:::aws-sdk:cloudwatch:putMetricData");
    state.put("Parameters", OrderedMaps.of("Namespace", props.metricNamespace(), "MetricData", List.of(metric)));
    state.put("ResultPath", "$.metric");
    CustomState task = CustomState.Builder.create(this, COUNT_PUBLICATION)
        .stateJson(state)
        .build();
    task.addRetry(serviceRetry());
    return task;
  }

  private Pass recordFailure() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("tenant", JsonPath.stringAt("$.tenant"));
    record.put("runId", JsonPath.stringAt("$.runId"));
    record.put("product", JsonPath.stringAt("$.product"));
    record.put("outcome", "FAILED");
    record.put("error", JsonPath.stringAt("$.failure.Error"));
    record.put("cause", JsonPath.stringAt("$.failure.Cause"));
    return Pass.Builder.create(this, "RecordFailure").stateName(RECORD_FAILURE).parameters(record).build();
  }

  private SnsPublish notifyFailure(RefreshStateMachineProps props) {
    SnsPublish task = SnsPublish.Builder.create(this, "NotifyFailure").stateName(NOTIFY_FAILURE)
        .topic(props.notifications())
        .subject("Meshwork refresh of tenant " + props.tenantId() + ": a product failed")
        .message(TaskInput.fromText(JsonPath.jsonToString(JsonPath.objectAt("$"))))
        .resultPath(JsonPath.DISCARD)
        .build();
    task.addRetry(serviceRetry());
    return task;
  }

  private Fail unexpected(String id, String stateName, String step) {
    return Fail.Builder.create(this, id).stateName(stateName)
        .error("UnexpectedStatus")
        .cause(step + " returned a status this state machine does not know: the functions and the state machine"
            + " are from different releases.")
        .build();
  }

  private static Condition status(String... values) {
    List<Condition> conditions = java.util.Arrays.stream(values)
        .map(value -> Condition.stringEquals("$.status", value))
        .toList();
    return conditions.size() == 1 ? conditions.get(0) : Condition.or(conditions.toArray(Condition[]::new));
  }

  /** Retries an AWS service call after a publication; repeating it is harmless. */
  private static RetryProps serviceRetry() {
    return retry(List.of("States.TaskFailed"), 1, 3);
  }

  /** Exponential backoff (rate 2) with full jitter, so parallel products do not retry in step. */
  private static RetryProps retry(List<String> errors, int intervalSeconds, int maxAttempts) {
    return RetryProps.builder()
        .errors(errors)
        .interval(Duration.seconds(intervalSeconds))
        .backoffRate(2)
        .maxAttempts(maxAttempts)
        .jitterStrategy(JitterType.FULL)
        .build();
  }

  public StateMachine stateMachine() {
    return stateMachine;
  }

  public LogGroup logGroup() {
    return logGroup;
  }
}
