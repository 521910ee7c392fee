package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.meshwork.model.definition.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** The AwsSolutions and HIPAA Security rule packs of cdk-nag pass on every demo tenant's stack. */
class TenantStackNagTest {

  private static List<TenantStack> stacks;

  @BeforeAll
  static void synthesizeWithNagPacks() {
    App app = MeshworkApp.newApp();
    Catalog catalog = DemoTenants.catalog();
    stacks = MeshworkApp.addTenantStacks(app, catalog, catalog.tenants(), Optional.empty());
    stacks.forEach(stack -> stack.forwardRunEventsTo("arn:aws:events:eu-central-2:123456789012:event-bus/meshwork-runs"));
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    Aspects.of(app).add(new HIPAASecurityChecks(NagPackProps.builder().verbose(true).build()));
  }

  @Test
  void noUnsuppressedErrorsOrWarnings() {
    for (TenantStack stack : stacks) {
      List<SynthesisMessage> errors = Annotations.fromStack(stack)
          .findError("*", Match.stringLikeRegexp("AwsSolutions-.*|HIPAA.Security-.*"));
      List<SynthesisMessage> warnings = Annotations.fromStack(stack)
          .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*|HIPAA.Security-.*"));
      assertThat(errors).as(stack.getStackName() + " errors").extracting(TenantStackNagTest::describe).isEmpty();
      assertThat(warnings).as(stack.getStackName() + " warnings").extracting(TenantStackNagTest::describe).isEmpty();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everySuppressionCarriesAWrittenReason() {
    for (TenantStack stack : stacks) {
      List<Map<String, Object>> suppressions = Template.fromStack(stack).findResources("AWS::S3::Bucket").values()
          .stream()
          .map(resource -> (Map<String, Object>) resource.get("Metadata"))
          .filter(metadata -> metadata != null && metadata.containsKey("cdk_nag"))
          .flatMap(metadata -> ((List<Map<String, Object>>) ((Map<String, Object>) metadata.get("cdk_nag"))
              .get("rules_to_suppress")).stream())
          .toList();
      assertThat(suppressions).extracting(suppression -> suppression.get("id")).containsExactlyInAnyOrder(
          "HIPAA.Security-S3DefaultEncryptionKMS", "HIPAA.Security-S3BucketReplicationEnabled",
          "HIPAA.Security-S3BucketReplicationEnabled", "HIPAA.Security-S3BucketReplicationEnabled");
      assertThat(suppressions).allSatisfy(suppression ->
          assertThat((String) suppression.get("reason")).hasSizeGreaterThan(60));
    }
  }

  private static String describe(SynthesisMessage message) {
    return message.getId() + " " + message.getEntry().getData();
  }
}
