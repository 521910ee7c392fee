package io.meshwork.cdk;

import io.meshwork.cdk.constructs.AccessReconciler;
import io.meshwork.cdk.constructs.AccessReconcilerProps;
import io.meshwork.cdk.constructs.AccessAudit;
import io.meshwork.cdk.constructs.DataBucket;
import io.meshwork.cdk.constructs.DataBucketProps;
import io.meshwork.cdk.constructs.DataProductTable;
import io.meshwork.cdk.constructs.DataProductTableProps;
import io.meshwork.cdk.constructs.PipelineFunction;
import io.meshwork.cdk.constructs.GlueIdentifiers;
import io.meshwork.cdk.constructs.QueryWorkGroup;
import io.meshwork.cdk.constructs.QueryWorkGroupProps;
import io.meshwork.cdk.constructs.RunEventForwarding;
import io.meshwork.cdk.constructs.RunEventForwardingProps;
import io.meshwork.cdk.constructs.ScheduledMaintenance;
import io.meshwork.cdk.constructs.ScheduledMaintenanceProps;
import io.meshwork.cdk.constructs.TenantAccess;
import io.meshwork.cdk.constructs.TenantAccessProps;
import io.meshwork.cdk.constructs.TenantPipeline;
import io.meshwork.cdk.constructs.TenantPipelineProps;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.CronExpressions;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.Engine;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.TenantPlan;
import io.meshwork.model.runtime.RuntimeNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.constructs.Construct;

/**
 * Everything one tenant's account holds for its plan: the customer-managed key, the data bucket, a Glue database per
 * domain the plan touches, an Iceberg table per planned product and source, the Athena workgroup, and the refresh
 * pipeline (functions, state machine, schedules, alarms; see {@link TenantPipeline}). Deployed into
 * the tenant's own account and region.
 */
public final class TenantStack extends Stack {

  /** Prefix of every tenant stack's id and name. */
  public static final String NAME_PREFIX = "meshwork-tenant-";
  /** CDK context key overriding when the daily table maintenance runs, e.g. {@code cron(30 1 * * ? *)}. */
  public static final String MAINTENANCE_SCHEDULE = "meshwork:maintenanceSchedule";

  private final DataBucket dataBucket;
  private final Key key;
  private final TenantAccess access;
  private final TenantPipeline pipeline;
  private final AccessReconciler reconciler;
  private final ScheduledMaintenance maintenance;

  /**
   * @param defaultAccount the account to deploy into when the tenant's account has no id yet (the CLI's
   *     {@code CDK_DEFAULT_ACCOUNT}); empty leaves the stack account-agnostic
   */
  public TenantStack(Construct scope, Tenant tenant, TenantPlan plan, Optional<String> defaultAccount) {
    super(scope, NAME_PREFIX + tenant.id(), StackProps.builder()
        .stackName(NAME_PREFIX + tenant.id())
        .description("Meshwork data products of tenant " + tenant.id() + " (" + tenant.displayName() + ")")
        .env(Environment.builder()
            .account(tenant.account().id().or(() -> defaultAccount).orElse(null))
            .region(tenant.account().region())
            .build())
        .build());
    // Cost allocation: every taggable resource of the stack carries its tenant (activate the tag in Billing).
    Tags.of(this).add(RuntimeNames.TENANT_TAG, tenant.id());
    List<PlannedTable> tables = tables(plan);
    this.key = Key.Builder.create(this, "DataKey")
        .description("Encrypts the Meshwork data of tenant " + tenant.id())
        .alias("alias/meshwork/data")
        .enableKeyRotation(true)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    this.dataBucket = new DataBucket(this, "Data", DataBucketProps.of(key));
    String warehouse = "s3://" + dataBucket.bucket().getBucketName() + "/warehouse";
    Map<String, CfnDatabase> databases = new LinkedHashMap<>();
    Map<TableName, CfnTable> glueTables = new LinkedHashMap<>();
    for (PlannedTable table : tables) {
      String domain = table.name().namespace();
      CfnDatabase database = databases.computeIfAbsent(domain, name -> database(name, "Meshwork domain " + name,
          warehouse));
      DataProductTable glueTable = new DataProductTable(this, "Table-" + domain + "-" + table.name().table(),
          new DataProductTableProps(domain, table.name().table(), table.contract().columns(), warehouse,
              table.contract().partitioning(), table.description()));
      glueTable.table().addResourceDependency(database);
      glueTables.put(table.name(), glueTable.table());
    }
    // The pipeline's own database: Validate creates the quality results table in it on its first run.
    databases.put(TenantPipeline.QUALITY_RESULTS.namespace(), database(TenantPipeline.QUALITY_RESULTS.namespace(),
        "Meshwork pipeline records: quality results of every validation", warehouse));
    if (plan.products().stream().anyMatch(product -> product.engine() == Engine.ATHENA)) {
      // Athena writes each such product's run into a staging table here (under the product's own location).
      databases.put(RuntimeNames.STAGING_DATABASE, database(RuntimeNames.STAGING_DATABASE, "Meshwork staging tables:"
          + " one per product on Athena and run, removed when the run's files are committed or the run failed",
          warehouse));
    }
    new QueryWorkGroup(this, "Athena", QueryWorkGroupProps.of(dataBucket.bucket(), key));
    new AccessAudit(this, "AccessAudit", tenant.id(), key, dataBucket.bucket(), dataBucket.accessLogs());
    // One asset for every function of the stack: the jar is staged and hashed once.
    Code code = FunctionsJar.code(System.getenv());
    this.pipeline = new TenantPipeline(this, "Pipeline", TenantPipelineProps.builder(tenant.id(), plan,
        dataBucket.bucket(), key, code)
        .deliveringPrincipals(deliveringPrincipals(tenant, tenant.account().id().or(() -> defaultAccount)))
        .build());
    LakeFormationPolicy policy = LakeFormationPolicy.of(tenant, plan, tenant.account().id().or(() -> defaultAccount));
    this.reconciler = new AccessReconciler(this, "Access", AccessReconcilerProps.of(tenant.id(), policy,
        code, dataBucket.bucket(), key, pipeline.operationsKey(),
        pipeline.scheduleGroup()));
    // The tenant's admins apply their workspace through the Access function (mesh workspace package).
    tenant.delegation().admins().forEach(admin -> admin.arn().ifPresent(arn -> reconciler.function().alias()
        .grantInvoke(new software.amazon.awscdk.services.iam.ArnPrincipal(arn))));
    this.access = new TenantAccess(this, "LakeFormation", TenantAccessProps.of(dataBucket.bucket(), key, databases,
        glueTables).withReconciler(reconciler.function().role()));
    List<PipelineFunction> steps = new ArrayList<>(pipeline.computeSteps());
    steps.addAll(List.of(pipeline.validate(), pipeline.publish()));
    for (PipelineFunction step : steps) {
      access.grantPipeline(step.role());
    }
    // Validate creates the quality results table; every step may create the usage table it appends to.
    for (PipelineFunction step : steps) {
      access.grantCreateTables(step.role(), TenantPipeline.QUALITY_RESULTS.namespace());
    }
    // Plan measures each product's inputs from their current snapshots.
    access.grantMetadataRead(pipeline.plan().role(), readableTables(plan));
    pipeline.prepareAthena().ifPresent(prepare -> {
      access.grantCreateTables(prepare.role(), RuntimeNames.STAGING_DATABASE);
      access.grantStagingDrops(prepare.role());
      // Athena runs each query as the state machine's role: it reads the inputs, inserts into the staging table
      // and the state machine removes that table afterwards.
      IRole queries = pipeline.refresh().stateMachine().getRole();
      access.grantPipeline(queries);
      access.grantStagingDrops(queries);
    });
    pipeline.freshness().ifPresent(check -> access.grantMetadataRead(check.role(), pipeline.freshnessTables()));
    ScheduledMaintenanceProps maintenanceProps = ScheduledMaintenanceProps.of(tenant.id(), plan, code,
        dataBucket.bucket(), key, pipeline.operationsKey(), pipeline.scheduleGroup(), pipeline.notifications());
    this.maintenance = new ScheduledMaintenance(this, "Maintenance", maintenanceSchedule(scope)
        .map(maintenanceProps::withSchedule).orElse(maintenanceProps));
    access.grantMaintenance(maintenance.function().role(), maintenance.databases());
    pipeline.deliveries().ifPresent(deliveries -> {
      access.grantTableCommits(deliveries.ingest().role(), plan.sources().stream().map(source -> source.tableName())
          .toList());
      access.grantRecords(deliveries.ingest().role(), TenantPipeline.QUALITY_RESULTS.namespace());
    });
    // The policy is applied once the tables exist, the reconciler is an administrator, and the stack's own Lake
    // Formation changes are done (Lake Formation refuses concurrent permission changes).
    CfnResource policyResource = (CfnResource) reconciler.policy().getNode().getDefaultChild();
    databases.values().forEach(policyResource::addResourceDependency);
    glueTables.values().forEach(policyResource::addResourceDependency);
    access.afterChanges(policyResource);
  }

  /**
   * Forwards this tenant's run events (its refresh executions' status changes and {@code ProductPublished}) to the
   * provider's central bus {@code centralBusArn}, where the pipeline's steps also send their usage records.
   */
  public RunEventForwarding forwardRunEventsTo(String centralBusArn) {
    pipeline.sendUsageTo(centralBusArn);
    return new RunEventForwarding(this, "RunEvents", new RunEventForwardingProps(centralBusArn,
        pipeline.refresh().stateMachine().getStateMachineArn()));
  }

  private CfnDatabase database(String name, String description, String warehouse) {
    return CfnDatabase.Builder.create(this, "Database-" + name)
        .catalogId(getAccount())
        .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
            .name(name)
            .description(description)
            .locationUri(warehouse + "/" + name)
            .build())
        .build();
  }

  public DataBucket dataBucket() {
    return dataBucket;
  }

  public Key key() {
    return key;
  }

  /** Lake Formation of the tenant; {@link TenantAccess#grantPipeline} lets the pipeline's role maintain tables. */
  public TenantAccess access() {
    return access;
  }

  /** The function, custom resource and schedule that apply the tenant's access policy. */
  public AccessReconciler reconciler() {
    return reconciler;
  }

  /** The daily table maintenance: function, schedule and alarm. */
  public ScheduledMaintenance maintenance() {
    return maintenance;
  }

  /**
   * The maintenance schedule from the CDK context value {@value #MAINTENANCE_SCHEDULE} (a {@code cron(...)}
   * expression in Europe/Zurich time), when given; checked like product schedules.
   */
  private static Optional<ScheduleExpression> maintenanceSchedule(Construct scope) {
    Object value = scope.getNode().tryGetContext(MAINTENANCE_SCHEDULE);
    if (value == null || value.toString().isBlank()) {
      return Optional.empty();
    }
    String expression = value.toString().strip();
    CronExpressions.problem(expression).ifPresent(problem -> {
      throw new IllegalArgumentException("Invalid " + MAINTENANCE_SCHEDULE + " '" + expression + "': " + problem);
    });
    return Optional.of(ScheduleExpression.expression(expression, TimeZone.EUROPE_ZURICH));
  }

  /** The functions, state machine, schedules, rule and alarms that refresh the tenant's products. */
  public TenantPipeline pipeline() {
    return pipeline;
  }

  /** The stack id and name of tenant {@code tenantId}. */
  public static String nameOf(String tenantId) {
    return NAME_PREFIX + tenantId;
  }

  /**
   * The ARNs of the tenant's delivering principals, each checked against the account the stack deploys to (the
   * parser checks them against the tenant's account id when the tenant file has one).
   */
  static List<String> deliveringPrincipals(Tenant tenant, Optional<String> account) {
    List<Diagnostic> problems = new ArrayList<>();
    for (Tenant.DeliveringPrincipal principal : tenant.deliveringPrincipals()) {
      if (account.isEmpty()) {
        problems.add(new Diagnostic(principal.location(), "Delivering principal " + principal.arn() + " of tenant "
            + tenant.id() + " cannot be checked against the tenant's account: add the account id to the tenant"
            + " file, or set CDK_DEFAULT_ACCOUNT."));
      } else if (!principal.accountId().equals(account.get())) {
        problems.add(new Diagnostic(principal.location(), "Delivering principal " + principal.arn() + " of tenant "
            + tenant.id() + " belongs to account " + principal.accountId() + ", not to the account "
            + account.get() + " the tenant stack deploys to. Name a role of account " + account.get() + "."));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(problems);
    }
    return tenant.deliveringPrincipals().stream().map(Tenant.DeliveringPrincipal::arn).toList();
  }

  /** The tables of the plan's products and sources. */
  private static List<TableName> readableTables(TenantPlan plan) {
    List<TableName> tables = new ArrayList<>();
    plan.products().forEach(product -> tables.add(product.tableName()));
    plan.sources().forEach(source -> tables.add(source.tableName()));
    return tables;
  }

  /** The plan's products, then its sources, each checked for names Glue and Athena accept. */
  private static List<PlannedTable> tables(TenantPlan plan) {
    List<PlannedTable> tables = new ArrayList<>();
    plan.products().forEach(planned -> tables.add(new PlannedTable(planned.tableName(),
        planned.product().contract(), planned.product().description().purpose(), planned.product().location())));
    plan.sources().forEach(source -> tables.add(new PlannedTable(source.tableName(), source.contract(),
        source.description().purpose(), source.location())));
    List<Diagnostic> problems = new ArrayList<>();
    for (PlannedTable table : tables) {
      if (!GlueIdentifiers.isValid(table.name().namespace())) {
        problems.add(new Diagnostic(table.location(), "domain '" + table.name().namespace()
            + "' is not a valid Glue database name: use lowercase letters, digits and underscores, starting with a"
            + " letter."));
      }
      if (!GlueIdentifiers.isValid(table.name().table())) {
        problems.add(new Diagnostic(table.location(), "name '" + table.name().table()
            + "' does not give a valid Glue table name: use lowercase letters, digits and underscores, starting"
            + " with a letter."));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(problems);
    }
    return tables;
  }

  private record PlannedTable(TableName name, Contract contract, String description, Location location) {
  }
}
