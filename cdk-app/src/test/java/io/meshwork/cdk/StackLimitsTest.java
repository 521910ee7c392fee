package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnWaitConditionHandle;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

/** A stack over CloudFormation's limits is one clear error naming the stack and the count, before synthesis. */
class StackLimitsTest {

  @Test
  void tooManyResourcesNameTheStackAndTheCount() {
    App app = new App();
    Stack stack = new Stack(app, "meshwork-tenant-alpina", StackProps.builder().stackName("meshwork-tenant-alpina")
        .build());
    IntStream.range(0, 501).forEach(number -> new CfnWaitConditionHandle(stack, "Handle" + number));

    assertThatThrownBy(() -> StackLimits.checkCounts(app))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CloudFormation limits exceeded: stack meshwork-tenant-alpina would have 501 resources;"
            + " CloudFormation allows 500 per stack.");
  }

  @Test
  void tooManyOutputsNameTheStackAndTheCount() {
    App app = new App();
    Stack stack = new Stack(app, "meshwork-organization-accounts-03");
    IntStream.range(0, 201).forEach(number -> CfnOutput.Builder.create(stack, "Output" + number).value("x").build());

    assertThatThrownBy(() -> StackLimits.checkCounts(app))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CloudFormation limits exceeded: stack meshwork-organization-accounts-03 would have 201 outputs;"
            + " CloudFormation allows 200 per stack.");
  }

  @Test
  void stackAtTheLimitPasses() {
    App app = new App();
    Stack stack = new Stack(app, "meshwork-tenant-lemanic");
    IntStream.range(0, 500).forEach(number -> new CfnWaitConditionHandle(stack, "Handle" + number));

    assertThatCode(() -> StackLimits.checkCounts(app)).doesNotThrowAnyException();
  }
}
