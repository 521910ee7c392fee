package io.meshwork.cdk.constructs;

import io.meshwork.model.runtime.RuntimeNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.constructs.Construct;

/**
 * The tenant's access, reconciled instead of templated: the function {@code meshwork-<tenant>-access}
 * ({@code io.meshwork.functions.AccessFunction}) brings Lake Formation to the tenant's compiled policy — tags, data
 * cells filters and grants, revoking what Meshwork granted earlier and the policy no longer asks for — invoked by
 * <ul>
 *   <li>the custom resource {@code Policy} on every deploy whose policy changed: its only properties are the policy's
 *       fingerprint and the tenant, so an unchanged policy leaves the resource unchanged and CloudFormation does not
 *       call the function; the function compiles the same policy from the catalogue packaged with it and refuses a
 *       different fingerprint;</li>
 *   <li>the schedule {@value #DRIFT_REPAIR} ({@link AccessReconcilerProps#driftRepair()}), which repairs grants
 *       changed outside a deploy.</li>
 * </ul>
 * One resource instead of one per grant, tag association and filter keeps the stack's size independent of the
 * number of grants, and revocation possible. The function's role must be made a data lake administrator (see
 * {@link TenantAccessProps#reconciler()}); it may read the Glue catalog, change Lake Formation permissions, and read
 * and write two objects in the data bucket: the ledger and, beside it, the workspace a tenant admin last applied
 * ({@code RuntimeNames.appliedWorkspaceKey}), which every reconcile layers over the packaged catalogue.
 */
public final class AccessReconciler extends Construct {

  /** The name of the drift-repair schedule. */
  public static final String DRIFT_REPAIR = "access-drift-repair";

  private final PipelineFunction function;
  private final CustomResource policy;
  private final Schedule driftRepair;

  public AccessReconciler(Construct scope, String id, AccessReconcilerProps props) {
    super(scope, id);
    String tenantId = props.tenantId();
    Stack stack = Stack.of(this);
    String ledger = "s3://" + props.dataBucket().getBucketName() + "/" + props.ledgerKey();
    this.function = new PipelineFunction(this, "Function", new PipelineFunctionProps(
        RuntimeNames.accessFunction(tenantId), "io.meshwork.functions.AccessFunction", "Reconciles the tenant's Lake "
        + "Formation tags, filters and grants with its compiled access policy.", props.code(), props.size(), new TreeMap<>(Map.of(
            RuntimeNames.TENANT_VARIABLE, tenantId,
            RuntimeNames.CATALOG_ID_VARIABLE, stack.getAccount(),
            RuntimeNames.ACCESS_LEDGER_VARIABLE, ledger)), props.logRetention(), props.logKey(), Optional.empty(),
        FunctionInvoker.ACCESS));
    Role role = function.role();
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("ReconcileLakeFormation")
        .actions(List.of("lakeformation:ListPermissions", "lakeformation:BatchGrantPermissions",
            "lakeformation:BatchRevokePermissions", "lakeformation:GrantPermissions",
            "lakeformation:RevokePermissions", "lakeformation:ListLFTags", "lakeformation:CreateLFTag",
            "lakeformation:UpdateLFTag", "lakeformation:GetLFTag", "lakeformation:GetResourceLFTags",
            "lakeformation:AddLFTagsToResource", "lakeformation:ListDataCellsFilter",
            "lakeformation:CreateDataCellsFilter", "lakeformation:UpdateDataCellsFilter",
            "lakeformation:DeleteDataCellsFilter", "lakeformation:GetDataCellsFilter"))
        .resources(List.of("*"))
        .build());
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("ReadGlueCatalog")
        .actions(List.of("glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables"))
        .resources(List.of(
            stack.formatArn(ArnComponents.builder().service("glue").resource("catalog")
                .arnFormat(ArnFormat.NO_RESOURCE_NAME).build()),
            stack.formatArn(ArnComponents.builder().service("glue").resource("database")
                .resourceName("*").arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build()),
            stack.formatArn(ArnComponents.builder().service("glue").resource("table")
                .resourceName("*/*").arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())))
        .build());
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("KeepLedger")
        .actions(List.of("s3:GetObject", "s3:PutObject"))
        .resources(List.of(props.dataBucket().arnForObjects(props.ledgerKey()),
            props.dataBucket().arnForObjects(RuntimeNames.appliedWorkspaceKey(props.ledgerKey()))))
        .build());
    // Without ListBucket a missing object reads as AccessDenied, not NoSuchKey: the first run has neither object.
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("ListLedgerPrefix")
        .actions(List.of("s3:ListBucket"))
        .resources(List.of(props.dataBucket().getBucketArn()))
        .conditions(Map.of("StringEquals", Map.of("s3:prefix", List.of(props.ledgerKey(),
            RuntimeNames.appliedWorkspaceKey(props.ledgerKey())))))
        .build());
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("UseDataKeyThroughS3")
        .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
        .resources(List.of(props.dataKey().getKeyArn()))
        .conditions(Map.of("StringEquals", Map.of("kms:ViaService", "s3." + stack.getRegion() + ".amazonaws.com")))
        .build());
    NagReasons.suppress(role, List.of(new NagReasons.Reason("AwsSolutions-IAM5", "Lake Formation permission,"
        + " LF-Tag and data cells filter actions have no resource-level permissions, and reconciling reads every"
        + " database and table of the tenant's own catalog (the set Meshwork manages changes with the plan).",
        List.of("^Resource::\\*$", "^Resource::arn:<AWS::Partition>:glue:.*$"))));

    this.policy = CustomResource.Builder.create(this, "Policy")
        .serviceToken(function.alias().getFunctionArn())
        .resourceType("Custom::MeshworkAccess")
        .properties(new TreeMap<>(Map.of("Tenant", tenantId, "PolicyFingerprint", props.policy().fingerprint())))
        .build();

    Role scheduler = SchedulerRoles.invoking(this, "SchedulerRole", "the access reconciler", function.alias(),
        props.scheduleGroup());
    this.driftRepair = Schedule.Builder.create(this, "DriftRepair")
        .scheduleName(DRIFT_REPAIR)
        .scheduleGroup(props.scheduleGroup())
        .description("Repairs Lake Formation grants of the tenant changed outside a deploy")
        .schedule(props.driftRepair())
        .target(new LambdaInvoke(function.alias(), ScheduleTargetBaseProps.builder()
            .role(scheduler)
            .input(ScheduleTargetInput.fromObject(Map.of("tenant", tenantId)))
            .retryAttempts(2)
            .maxEventAge(Duration.hours(1))
            .build()))
        .build();
  }

  /** The reconciling function; its role must be a data lake administrator. */
  public PipelineFunction function() {
    return function;
  }

  /** The custom resource that reconciles on deploy when the policy changed. */
  public CustomResource policy() {
    return policy;
  }

  /** The schedule repairing drift. */
  public Schedule driftRepair() {
    return driftRepair;
  }
}
