package io.meshwork.cdk.constructs;

import static io.meshwork.model.runtime.RuntimeNames.LANDING_PREFIX;
import static io.meshwork.model.runtime.RuntimeNames.REJECTED_PREFIX;

import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.runtime.RuntimeNames;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.destinations.SnsDestination;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Source deliveries into a tenant's account: the landing prefix {@code landing/<source>/} of the data bucket, which
 * only the tenant's delivering principals may write (KMS with the data key, TLS), S3's EventBridge notifications, a
 * rule on {@code Object Created} under {@code landing/}, and the Ingest function it invokes
 * ({@code meshwork-<tenant>-ingest}).
 *
 * <p>The function may read and delete the landed objects of the planned sources, write under
 * {@code rejected/<source>/}, commit the sources' tables (their files and Glue entries only), append to the quality
 * results, put events on the default bus and publish to the pipeline's topic; nothing else.
 */
public final class SourceDeliveries extends Construct {

  /** The detail type S3 gives a new object's event on EventBridge. */
  public static final String OBJECT_CREATED = "Object Created";
  /** The source of S3's events on EventBridge. */
  public static final String S3_EVENT_SOURCE = "aws.s3";

  private final PipelineFunction ingest;
  private final Rule rule;

  SourceDeliveries(Construct scope, String id, Settings settings) {
    super(scope, id);
    Stack stack = Stack.of(this);
    IBucket bucket = settings.bucket();
    this.ingest = settings.function();
    enableEventBridge(bucket);
    restrictLanding(bucket, settings.deliveringPrincipals(), settings.dataKey().getKeyArn());
    allowDeliveringPrincipalsToEncrypt(settings, stack);

    List<String> sources = settings.sources().stream().map(Source::name).sorted().toList();
    ingest.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("TakeDeliveries")
        .actions(List.of("s3:GetObject", "s3:DeleteObject"))
        .resources(sources.stream().map(source -> bucket.arnForObjects(LANDING_PREFIX + source + "/*")).toList())
        .build());
    ingest.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("SetAsideRejectedDeliveries")
        .actions(List.of("s3:PutObject"))
        .resources(sources.stream().map(source -> bucket.arnForObjects(REJECTED_PREFIX + source + "/*")).toList())
        .build());
    settings.warehouse().grantTableCommits(ingest.role(), settings.sources().stream().map(Source::tableName)
        .toList());
    // Each delivery also appends its usage record to the usage table (and creates it on first use).
    List<TableName> records = List.of(settings.qualityResults(), RuntimeNames.USAGE);
    settings.warehouse().grantRead(ingest.role(), records);
    settings.warehouse().grantWrite(ingest.role(), records);
    settings.warehouse().grantCreate(ingest.role(), records);
    ingest.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("AnnouncePublishedDeliveries")
        .actions(List.of("events:PutEvents"))
        .resources(List.of(stack.formatArn(ArnComponents.builder().service("events")
            .resource("event-bus").resourceName("default").arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())))
        .build());
    settings.notifications().grantPublish(ingest.role());
    NagReasons.suppress(ingest.role(), List.of(new NagReasons.Reason("AwsSolutions-IAM5", "Delivered files keep"
        + " the names the tenant gives them, so the function reads and deletes under each planned source's landing"
        + " prefix and writes under the same source's rejected prefix, never elsewhere in the bucket.",
        List.of("^Resource::<[^>]+\\.Arn>/(" + LANDING_PREFIX + "|" + REJECTED_PREFIX + ")[a-z0-9_]+/\\*$")),
        new NagReasons.Reason("AwsSolutions-IAM5", "Publishing to the encrypted topic (the handler's rejection notices"
            + " and Lambda's on-failure destination) needs kms:GenerateDataKey* on the operations key, which is what"
            + " CDK's topic grant gives; the key encrypts only the pipeline's logs and notifications.",
            List.of("^Action::kms:GenerateDataKey\\*$"))));

    ingest.alias().configureAsyncInvoke(EventInvokeConfigOptions.builder()
        .retryAttempts(2)
        .maxEventAge(Duration.hours(6))
        .onFailure(new SnsDestination(settings.notifications()))
        .build());
    this.rule = Rule.Builder.create(this, "Rule")
        .description("Ingests each file delivered under " + LANDING_PREFIX + " of tenant " + settings.tenantId()
            + "'s data bucket")
        .eventPattern(EventPattern.builder()
            .source(List.of(S3_EVENT_SOURCE))
            .detailType(List.of(OBJECT_CREATED))
            .detail(Map.of(
                "bucket", Map.of("name", List.of(bucket.getBucketName())),
                "object", Map.of("key", List.of(Map.of("prefix", LANDING_PREFIX)))))
            .build())
        .build();
    rule.addTarget(new LambdaFunction(ingest.alias(), LambdaFunctionProps.builder()
        .retryAttempts(8)
        .maxEventAge(Duration.hours(6))
        .build()));
  }

  /** S3 sends every object event of the bucket to the account's default bus (CloudFormation, no custom resource). */
  private static void enableEventBridge(IBucket bucket) {
    if (!(bucket.getNode().getDefaultChild() instanceof CfnBucket cfn)) {
      throw new IllegalArgumentException("The data bucket must be defined in this app, not imported: its EventBridge"
          + " notifications are switched on here.");
    }
    cfn.addPropertyOverride("NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled", true);
  }

  /**
   * Only the delivering principals may put objects under {@code landing/}, and only encrypted with the data key:
   * explicit denies, which no identity policy of the account can override.
   */
  private static void restrictLanding(IBucket bucket, List<String> principals, String dataKeyArn) {
    String landing = bucket.arnForObjects(LANDING_PREFIX + "*");
    PolicyStatement.Builder others = PolicyStatement.Builder.create()
        .sid("OnlyDeliveringPrincipalsWriteLanding")
        .effect(Effect.DENY)
        .principals(List.of(new AnyPrincipal()))
        .actions(List.of("s3:PutObject"))
        .resources(List.of(landing));
    if (!principals.isEmpty()) {
      others.conditions(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", principals)));
    }
    bucket.addToResourcePolicy(others.build());
    // Two statements: the keys of one condition block must all match for a deny, so one block would let an upload
    // with SSE-KMS under another key through.
    bucket.addToResourcePolicy(denyLandingUnless(landing, "LandingOnlyWithKms", "s3:x-amz-server-side-encryption",
        "aws:kms"));
    bucket.addToResourcePolicy(denyLandingUnless(landing, "LandingOnlyWithTheDataKey",
        "s3:x-amz-server-side-encryption-aws-kms-key-id", dataKeyArn));
    if (!principals.isEmpty()) {
      List<IPrincipal> delivering = principals.stream().<IPrincipal>map(ArnPrincipal::new).toList();
      bucket.addToResourcePolicy(PolicyStatement.Builder.create()
          .sid("DeliveringPrincipalsWriteLanding")
          .principals(delivering)
          .actions(List.of("s3:PutObject", "s3:AbortMultipartUpload"))
          .resources(List.of(landing))
          .build());
    }
  }

  /** Denies putting objects under {@code landing} whose request names a {@code header} other than {@code value}. */
  private static PolicyStatement denyLandingUnless(String landing, String sid, String header, String value) {
    return PolicyStatement.Builder.create()
        .sid(sid)
        .effect(Effect.DENY)
        .principals(List.of(new AnyPrincipal()))
        .actions(List.of("s3:PutObject"))
        .resources(List.of(landing))
        .conditions(Map.of("StringNotEqualsIfExists", Map.of(header, value)))
        .build();
  }

  /**
   * The delivering principals may encrypt with the data key, through S3 only (the key encrypts nothing but the data
   * bucket; a condition on the bucket's ARN would make key and bucket depend on each other).
   */
  private static void allowDeliveringPrincipalsToEncrypt(Settings settings, Stack stack) {
    if (settings.deliveringPrincipals().isEmpty()) {
      return;
    }
    settings.dataKey().addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("DeliverSourceFiles")
        .principals(settings.deliveringPrincipals().stream().<IPrincipal>map(ArnPrincipal::new).toList())
        .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
        .resources(List.of("*"))
        .conditions(Map.of("StringEquals", Map.of(
            "kms:ViaService", "s3." + stack.getRegion() + ".amazonaws.com",
            "kms:CallerAccount", stack.getAccount())))
        .build());
  }

  /** The Ingest function. */
  public PipelineFunction ingest() {
    return ingest;
  }

  /** The rule invoking it for every object created under {@code landing/}. */
  public Rule rule() {
    return rule;
  }

  /** What the pipeline hands over; the function is built by the pipeline like its other steps. */
  record Settings(String tenantId, List<Source> sources, IBucket bucket, IKey dataKey,
      List<String> deliveringPrincipals, PipelineFunction function, WarehouseAccess warehouse, ITopic notifications,
      TableName qualityResults) {
  }
}
