package io.meshwork.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.constructs.IConstruct;

/**
 * CloudFormation's per-stack limits, checked before and after synthesis so that a breach is one line naming the
 * stack (and so the tenant) and the count, instead of a stack trace from CDK or a failed deploy.
 */
final class StackLimits {

  /** The most resources CloudFormation accepts in one stack. */
  static final int MOST_RESOURCES = 500;
  /** The most outputs CloudFormation accepts in one stack. */
  static final int MOST_OUTPUTS = 200;
  /** The largest template CloudFormation accepts from S3, where the CDK CLI uploads it. */
  static final long MOST_TEMPLATE_BYTES = 1_000_000;

  private StackLimits() {
  }

  /** Throws {@link IllegalArgumentException} naming every stack of {@code app} with too many resources or outputs. */
  static void checkCounts(App app) {
    List<String> breaches = new ArrayList<>();
    for (IConstruct child : app.getNode().getChildren().stream().map(IConstruct.class::cast).toList()) {
      if (child instanceof Stack stack) {
        // The app adds no AWS::CDK::Metadata resource (MeshworkApp.appProps turns usage reporting off).
        long resources = count(stack, CfnResource.class);
        long outputs = count(stack, CfnOutput.class);
        if (resources > MOST_RESOURCES) {
          breaches.add("stack " + stack.getStackName() + " would have " + resources + " resources; CloudFormation"
              + " allows " + MOST_RESOURCES + " per stack");
        }
        if (outputs > MOST_OUTPUTS) {
          breaches.add("stack " + stack.getStackName() + " would have " + outputs + " outputs; CloudFormation allows "
              + MOST_OUTPUTS + " per stack");
        }
      }
    }
    throwIfAny(breaches);
  }

  /** Throws {@link IllegalArgumentException} naming every template of {@code assembly} that is too large. */
  static void checkTemplateSizes(CloudAssembly assembly) {
    List<String> breaches = new ArrayList<>();
    for (CloudFormationStackArtifact stack : assembly.getStacks()) {
      try {
        long bytes = Files.size(Path.of(stack.getTemplateFullPath()));
        if (bytes > MOST_TEMPLATE_BYTES) {
          breaches.add("the template of stack " + stack.getStackName() + " has " + bytes + " bytes; CloudFormation"
              + " allows " + MOST_TEMPLATE_BYTES + " bytes");
        }
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    }
    throwIfAny(breaches);
  }

  private static long count(Stack stack, Class<?> type) {
    return stack.getNode().findAll().stream()
        .filter(type::isInstance)
        .filter(construct -> Stack.of(construct) == stack)
        .count();
  }

  private static void throwIfAny(List<String> breaches) {
    if (!breaches.isEmpty()) {
      throw new IllegalArgumentException("CloudFormation limits exceeded: " + String.join("; ", breaches) + ".");
    }
  }
}
