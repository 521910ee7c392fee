package io.meshwork.localstack.deployment;

import io.meshwork.localstack.emulators.EmulatorAccount;
import io.meshwork.localstack.emulators.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * A stack created through the emulator's CloudFormation, with its resources as DescribeStackResources lists them.
 *
 * @param resources by logical id
 */
record DeployedStack(String name, StackStatus status, Map<String, StackResource> resources) {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /**
   * Deploys {@code template} of {@code stack} into {@code account} as {@code cdk deploy} would: bootstrap parameter,
   * assets and template uploaded first (see {@link CdkBootstrap}), then CreateStack from the uploaded template.
   */
  static DeployedStack deploy(EmulatorAccount account, AssemblyStack stack, EmulatorTemplate template) {
    String templateUrl = new CdkBootstrap(account, account.endpoints().region().id()).prepare(stack, template);
    try (CloudFormationClient cloudFormation = account.client(CloudFormationClient.builder()).build()) {
      return create(cloudFormation, stack.name(), templateUrl);
    }
  }

  /** Creates the stack from {@code templateUrl} and waits until CloudFormation has finished with it. */
  static DeployedStack create(CloudFormationClient cloudFormation, String name, String templateUrl) {
    cloudFormation.createStack(request -> request.stackName(name).templateURL(templateUrl)
        .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM));
    StackStatus status = Eventually.within(TIMEOUT, "stack " + name + " to be created", () -> {
      StackStatus current = cloudFormation.describeStacks(request -> request.stackName(name)).stacks().get(0)
          .stackStatus();
      return current == StackStatus.CREATE_IN_PROGRESS ? Optional.empty() : Optional.of(current);
    });
    if (status != StackStatus.CREATE_COMPLETE) {
      String failures = cloudFormation.describeStackEvents(request -> request.stackName(name)).stackEvents().stream()
          .filter(event -> event.resourceStatusAsString().endsWith("FAILED"))
          .map(event -> event.logicalResourceId() + " (" + event.resourceType() + "): " + event.resourceStatusReason())
          .collect(Collectors.joining("\n"));
      throw new AssertionError("Stack " + name + " ended " + status + ":\n" + failures);
    }
    Map<String, StackResource> resources = cloudFormation.describeStackResources(request -> request.stackName(name))
        .stackResources().stream().collect(Collectors.toMap(StackResource::logicalResourceId, Function.identity()));
    return new DeployedStack(name, status, resources);
  }

  /** The physical id of the one resource of {@code type} whose logical id starts with {@code logicalIdPrefix}. */
  String physicalId(String type, String logicalIdPrefix) {
    List<StackResource> matching = resources.values().stream()
        .filter(resource -> resource.resourceType().equals(type)
            && resource.logicalResourceId().startsWith(logicalIdPrefix))
        .toList();
    if (matching.size() != 1) {
      throw new AssertionError("Expected one " + type + " named " + logicalIdPrefix + "...; found " + matching);
    }
    return matching.get(0).physicalResourceId();
  }

  /** The physical ids of every resource of {@code type}. */
  List<String> physicalIds(String type) {
    return resources.values().stream().filter(resource -> resource.resourceType().equals(type))
        .map(StackResource::physicalResourceId).sorted().toList();
  }
}
