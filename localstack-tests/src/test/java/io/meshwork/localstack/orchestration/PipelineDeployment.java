package io.meshwork.localstack.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.cdk.TenantStack;
import io.meshwork.cdk.constructs.PipelineFunction;
import io.meshwork.cdk.constructs.TenantPipeline;
import io.meshwork.localstack.lambda.JavaRuntimeBootstrap;
import software.amazon.awscdk.services.events.Rule;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TracingMode;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * The tenant's pipeline created in the emulator from its synthesized template: the data bucket (with its EventBridge
 * notifications), the notification topic, the four step functions and the Ingest function with their {@code live}
 * alias, the refresh state machine and the schedule group (and the rules a test asks for), with the
 * template's names, settings and environment. {@link #tokens()} resolves the template's references to them, for the
 * schedules and the rule the tests create later.
 *
 * <p>What differs from the template, and why:
 * <ul>
 *   <li>Functions run {@value JavaRuntimeBootstrap#RUNTIME} with {@link JavaRuntimeBootstrap} instead of
 *       {@code java17} (which MiniStack only mocks), without SnapStart (a {@code java*} feature), and with active
 *       tracing: MiniStack sends the Runtime API's {@code Lambda-Runtime-Trace-Id} header only then, and the runtime
 *       interface client's native code crashes (SIGSEGV in {@code NativeClient.next}) without it; AWS always sends
 *       it.</li>
 *   <li>Their environment adds {@code MESHWORK_S3_PATH_STYLE=true} and {@code AWS_ENDPOINT_URL}: the emulator has no
 *       virtual-host bucket names, and the handlers' Glue and S3 clients must call it.</li>
 *   <li>Roles are not created: MiniStack does not evaluate them here; role references resolve to well-formed role
 *       ARNs named after their logical ids. The topic has no KMS key, log groups are not created.</li>
 * </ul>
 */
final class PipelineDeployment implements AutoCloseable {

  private final TenantAccount account;
  private final TemplateTokens tokens;
  private final String bucket;
  /** Alias ARN by function name. */
  private final Map<String, String> functions = new LinkedHashMap<>();
  private final List<String> scheduleGroups = new ArrayList<>();
  /** Target id by rule name. */
  private final Map<String, String> rules = new LinkedHashMap<>();
  private String topicArn;
  private String stateMachineArn;

  private PipelineDeployment(TenantAccount account, TemplateTokens tokens, String bucket) {
    this.account = account;
    this.tokens = tokens;
    this.bucket = bucket;
  }

  /** Creates the pipeline of {@code template} in {@code account}, with the data bucket {@code bucket}. */
  static PipelineDeployment create(TenantAccount account, TenantTemplate template, JavaRuntimeBootstrap bootstrap,
      URI endpoint, String bucket) {
    TemplateTokens tokens = new TemplateTokens()
        .reference("AWS::Partition", "aws")
        .reference("AWS::Region", account.region())
        .reference("AWS::AccountId", account.accountId())
        .reference("AWS::URLSuffix", "amazonaws.com");
    template.resources("AWS::IAM::Role").keySet()
        .forEach(role -> tokens.attribute(role, "Arn", account.arn("iam", "role/" + role)));
    PipelineDeployment deployment = new PipelineDeployment(account, tokens, bucket);
    try {
      deployment.deploy(template, bootstrap, endpoint);
    } catch (RuntimeException e) {
      deployment.close();
      throw e;
    }
    return deployment;
  }

  private void deploy(TenantTemplate template, JavaRuntimeBootstrap bootstrap, URI endpoint) {
    TenantStack stack = template.stack();
    TenantPipeline pipeline = stack.pipeline();
    account.s3().createBucket(request -> request.bucket(bucket));
    tokens.reference(template.logicalId(stack.dataBucket().bucket()), bucket);

    String topicId = template.logicalId(pipeline.notifications());
    String topicName = template.properties(topicId).path("TopicName").asText();
    topicArn = account.sns().createTopic(request -> request.name(topicName)).topicArn();
    tokens.reference(topicId, topicArn);

    byte[] code = bootstrap.zip();
    for (PipelineFunction step : List.of(pipeline.plan(), pipeline.compute(), pipeline.computeLarge(),
        pipeline.validate(), pipeline.publish())) {
      createFunction(template, step, code, endpoint);
    }
    if (pipeline.deliveries().isPresent()) {
      createFunction(template, pipeline.deliveries().get().ingest(), code, endpoint);
      enableEventBridge(template, stack);
    }

    String machineId = template.logicalId(pipeline.refresh().stateMachine());
    JsonNode machine = template.properties(machineId);
    String definition = tokens.text(machine.get("DefinitionString"), machineId + ".DefinitionString");
    stateMachineArn = account.sfn().createStateMachine(request -> request
        .name(machine.path("StateMachineName").asText())
        .type(StateMachineType.fromValue(machine.path("StateMachineType").asText()))
        .roleArn(tokens.text(machine.get("RoleArn"), machineId + ".RoleArn"))
        .tracingConfiguration(tracing -> tracing.enabled(machine.path("TracingConfiguration").path("Enabled")
            .asBoolean()))
        .definition(definition)).stateMachineArn();
    tokens.reference(machineId, stateMachineArn);

    String groupId = template.logicalId(pipeline.scheduleGroup());
    String group = template.properties(groupId).path("Name").asText();
    account.scheduler().createScheduleGroup(request -> request.name(group));
    scheduleGroups.add(group);
    tokens.reference(groupId, group);
  }

  private void createFunction(TenantTemplate template, PipelineFunction step, byte[] code, URI endpoint) {
    String functionId = template.logicalId(step.function());
    JsonNode properties = template.properties(functionId);
    String name = properties.path("FunctionName").asText();
    Map<String, String> environment = new TreeMap<>();
    tokens.resolve(properties.path("Environment").path("Variables"), functionId + ".Environment.Variables")
        .fields().forEachRemaining(variable -> environment.put(variable.getKey(), variable.getValue().asText()));
    environment.put("MESHWORK_S3_PATH_STYLE", "true");
    environment.put("AWS_ENDPOINT_URL", endpoint.toString());
    account.lambda().createFunction(request -> request
        .functionName(name)
        .description(properties.path("Description").asText())
        .runtime(Runtime.fromValue(JavaRuntimeBootstrap.RUNTIME))
        .handler(properties.path("Handler").asText())
        .role(tokens.text(properties.get("Role"), functionId + ".Role"))
        .memorySize(properties.path("MemorySize").asInt())
        .timeout(properties.path("Timeout").asInt())
        .environment(variables -> variables.variables(environment))
        .tracingConfig(tracing -> tracing.mode(TracingMode.ACTIVE))
        .code(zip -> zip.zipFile(SdkBytes.fromByteArray(code))));
    functions.put(name, null);
    tokens.reference(functionId, name);
    String version = account.lambda().publishVersion(request -> request.functionName(name)).version();
    String aliasId = template.logicalId(step.alias());
    String aliasArn = account.lambda().createAlias(request -> request.functionName(name)
        .name(template.properties(aliasId).path("Name").asText())
        .functionVersion(version)).aliasArn();
    functions.put(name, aliasArn);
    tokens.reference(aliasId, aliasArn);
  }

  /**
   * Sends the bucket's object events to EventBridge, as the template's {@code NotificationConfiguration} says (the
   * bucket is created through the API here, so the template's property is applied through the API too).
   */
  private void enableEventBridge(TenantTemplate template, TenantStack stack) {
    JsonNode configuration = template.properties(template.logicalId(stack.dataBucket().bucket()))
        .path("NotificationConfiguration").path("EventBridgeConfiguration");
    if (configuration.path("EventBridgeEnabled").asBoolean()) {
      account.s3().putBucketNotificationConfiguration(request -> request.bucket(bucket)
          .notificationConfiguration(notifications -> notifications.eventBridgeConfiguration(
              EventBridgeConfiguration.builder().build())));
    }
  }

  /**
   * Creates the template's {@code rule} on the account's default bus with its first target (role, input transformer
   * and retry policy as synthesized); it is deleted on {@link #close()}.
   */
  void createRule(TenantTemplate template, Rule rule) {
    String ruleId = template.logicalId(rule);
    JsonNode properties = tokens.resolve(template.properties(ruleId), ruleId);
    account.events().putRule(request -> request.name(ruleId).description(properties.path("Description").asText())
        .eventPattern(properties.path("EventPattern").toString()).state(properties.path("State").asText()));
    JsonNode target = properties.path("Targets").get(0);
    account.events().putTargets(request -> request.rule(ruleId).targets(ruleTarget -> {
      ruleTarget.id(target.path("Id").asText()).arn(target.path("Arn").asText());
      if (target.has("RoleArn")) {
        ruleTarget.roleArn(target.path("RoleArn").asText());
      }
      if (target.has("InputTransformer")) {
        Map<String, String> paths = new LinkedHashMap<>();
        target.path("InputTransformer").path("InputPathsMap").fields()
            .forEachRemaining(path -> paths.put(path.getKey(), path.getValue().asText()));
        ruleTarget.inputTransformer(transformer -> transformer.inputPathsMap(paths)
            .inputTemplate(target.path("InputTransformer").path("InputTemplate").asText()));
      }
      if (target.has("RetryPolicy")) {
        ruleTarget.retryPolicy(retry -> retry
            .maximumRetryAttempts(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt())
            .maximumEventAgeInSeconds(target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt()));
      }
    }));
    rules.put(ruleId, target.path("Id").asText());
  }

  /** Resolves the template's references to what was created here (and what the tests register later). */
  TemplateTokens tokens() {
    return tokens;
  }

  String bucket() {
    return bucket;
  }

  String warehouse() {
    return "s3://" + bucket + "/warehouse";
  }

  /** The ARN of the {@code live} alias of the function {@code name}. */
  String aliasArn(String name) {
    String arn = functions.get(name);
    if (arn == null) {
      throw new IllegalArgumentException("No alias of a function " + name + " was created; functions: "
          + functions.keySet());
    }
    return arn;
  }

  String topicArn() {
    return topicArn;
  }

  String stateMachineArn() {
    return stateMachineArn;
  }

  /**
   * Deletes the rules, the functions (MiniStack then stops their runtime processes), the state machine, the schedule
   * group with its schedules, and the topic; the bucket and tables stay for inspection until the emulator stops.
   */
  @Override
  public void close() {
    rules.forEach((rule, target) -> {
      account.events().removeTargets(request -> request.rule(rule).ids(target));
      account.events().deleteRule(request -> request.name(rule));
    });
    functions.keySet().forEach(name -> account.lambda().deleteFunction(request -> request.functionName(name)));
    if (stateMachineArn != null) {
      account.sfn().deleteStateMachine(request -> request.stateMachineArn(stateMachineArn));
    }
    scheduleGroups.forEach(group -> account.scheduler().deleteScheduleGroup(request -> request.name(group)));
    if (topicArn != null) {
      account.sns().deleteTopic(request -> request.topicArn(topicArn));
    }
  }
}
