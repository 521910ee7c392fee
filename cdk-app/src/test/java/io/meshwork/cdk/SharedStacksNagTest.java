package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.meshwork.model.definition.Catalog;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** The organisation and provider stacks pass the AwsSolutions and HIPAA Security packs of cdk-nag. */
class SharedStacksNagTest {

  @Test
  void organizationAndProviderStacksHaveNoUnsuppressedFindings() {
    App app = MeshworkApp.newApp();
    Catalog catalog = DemoTenants.catalog();
    OrganizationStack organization = new OrganizationStack(app, catalog.tenants(), Optional.of("123456789012"), 10);
    List<Stack> stacks = new java.util.ArrayList<>(List.of(organization,
        new ProviderStack(app, catalog.tenants(),
            Environment.builder().account("123456789012").region("eu-central-2").build())));
    stacks.addAll(organization.accounts());
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    Aspects.of(app).add(new HIPAASecurityChecks(NagPackProps.builder().verbose(true).build()));

    for (Stack stack : stacks) {
      List<SynthesisMessage> findings = new java.util.ArrayList<>();
      findings.addAll(Annotations.fromStack(stack).findError("*",
          Match.stringLikeRegexp("AwsSolutions-.*|HIPAA.Security-.*")));
      findings.addAll(Annotations.fromStack(stack).findWarning("*",
          Match.stringLikeRegexp("AwsSolutions-.*|HIPAA.Security-.*")));
      assertThat(findings).as(stack.getStackName())
          .extracting(message -> message.getId() + " " + message.getEntry().getData()).isEmpty();
    }
  }
}
