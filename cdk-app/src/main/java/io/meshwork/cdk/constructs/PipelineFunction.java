package io.meshwork.cdk.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * One Java handler of the pipeline on Lambda's {@value #RUNTIME_NAME} runtime: the function with SnapStart on published versions (unless its size asks for more
 * /tmp than SnapStart allows), an alias {@code live} on its current version (what the state machine and schedules
 * invoke, so every invocation restores a snapshot), JSON logs in an encrypted log group with retention, and a role of
 * its own that may only write those logs until grants are added.
 *
 * <p>The cdk-nag findings this design accepts are suppressed here, each with its reason; the reasons for running
 * without a dead-letter queue and reserved concurrency depend on the {@link FunctionInvoker}.
 */
public final class PipelineFunction extends Construct {

  /**
   * The Lambda runtime of every Meshwork function: Java 25, the newest long-term-support Java that Lambda runs, with
   * SnapStart ({@code java17} functions can no longer be created; {@code java21} and {@code java25} both run on
   * Amazon Linux 2023 and are supported until 2029). The handlers are compiled for Java 17 and run unchanged on it.
   */
  public static final Runtime RUNTIME = Runtime.JAVA_25;
  /** The identifier of {@link #RUNTIME} in templates. */
  public static final String RUNTIME_NAME = "java25";

  /** The alias the state machine invokes. */
  public static final String ALIAS = io.meshwork.model.runtime.RuntimeNames.LIVE_ALIAS;

  private final Function function;
  private final Alias alias;
  private final Role role;
  private final LogGroup logGroup;

  public PipelineFunction(Construct scope, String id, PipelineFunctionProps props) {
    super(scope, id);
    this.logGroup = LogGroup.Builder.create(this, "Logs")
        .logGroupName("/aws/lambda/" + props.functionName())
        .retention(props.logRetention())
        .encryptionKey(props.logKey())
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    this.role = Role.Builder.create(this, "Role")
        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
        .description("Runs " + props.functionName() + "; may only use what the pipeline grants it")
        .build();
    logGroup.grantWrite(role);
    Function.Builder builder = Function.Builder.create(this, "Function")
        .functionName(props.functionName())
        .description(props.description())
        .runtime(RUNTIME)
        .architecture(Architecture.X86_64)
        .handler(props.handler())
        .code(props.code())
        .memorySize(props.size().memoryMiB())
        .timeout(props.size().timeout())
        .ephemeralStorageSize(Size.mebibytes(props.size().ephemeralStorageMiB()))
        .environment(new TreeMap<>(props.environment()))
        .role(role)
        .logGroup(logGroup)
        .loggingFormat(LoggingFormat.JSON)
        .applicationLogLevelV2(ApplicationLogLevel.INFO)
        .systemLogLevelV2(SystemLogLevel.WARN);
    if (props.size().snapStart()) {
      builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
    }
    props.reservedConcurrentExecutions().ifPresent(builder::reservedConcurrentExecutions);
    this.function = builder.build();
    this.alias = Alias.Builder.create(this, "Live")
        .aliasName(ALIAS)
        .version(function.getCurrentVersion())
        .build();
    Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
        "The live alias points at a published version, which is what runs with SnapStart.");
    List<NagReasons.Reason> reasons = new ArrayList<>(List.of(
        new NagReasons.Reason("HIPAA.Security-LambdaDLQ", props.invoker().withoutDeadLetterQueue()),
        new NagReasons.Reason("HIPAA.Security-LambdaInsideVPC", "The function reaches only AWS APIs (S3, Glue, KMS,"
            + " Lake Formation) over TLS, authorised by its role and the bucket policy; there is no private network"
            + " resource to reach, so a VPC would add endpoints without narrowing access.")));
    if (props.reservedConcurrentExecutions().isEmpty()) {
      reasons.add(new NagReasons.Reason("HIPAA.Security-LambdaConcurrency",
          props.invoker().withoutReservedConcurrency()));
    }
    NagReasons.suppress(function, reasons);
    NagReasons.suppress(role, List.of(NagReasons.ROLE_POLICY));
  }

  /** The function itself (its unqualified ARN). */
  public IFunction function() {
    return function;
  }

  /** The {@value #ALIAS} alias on the current version: what callers should invoke. */
  public Alias alias() {
    return alias;
  }

  /** The function's role, for grants. */
  public IGrantable grantPrincipal() {
    return role;
  }

  public Role role() {
    return role;
  }

  public LogGroup logGroup() {
    return logGroup;
  }
}
