package io.meshwork.localstack.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cdk.MeshworkApp;
import io.meshwork.cdk.ProviderStack;
import io.meshwork.localstack.emulators.EmulatorAccount;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The provider stack (central run bus, failure topic and alarm, dashboard, artifacts bucket) deployed through the
 * emulator's CloudFormation into an account of its own, without the bus's archive and its per-tenant bus policies
 * ({@link EmulatorTemplate#UNSUPPORTED}).
 */
@EmulatorTest
class ProviderStackDeploymentTest {

  @Test
  void providerStack_deploysThroughCloudFormation_withoutItsArchiveAndBusPolicies(EmulatorEndpoints endpoints)
      throws Exception {
    EmulatorAccount account = EmulatorAccount.fresh(endpoints);
    Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(Path.of("..", "product-definitions",
        "catalog")));
    App app = MeshworkApp.newApp();
    new ProviderStack(app, catalog.tenants(), Environment.builder().account(account.id())
        .region(endpoints.region().id()).build());

    try (SynthesizedApp synthesized = SynthesizedApp.synth(app)) {
      AssemblyStack stack = synthesized.stack(ProviderStack.NAME);
      EmulatorTemplate template = EmulatorTemplate.of(stack.template());

      DeployedStack deployed = DeployedStack.deploy(account, stack, template);

      assertThat(template.removedCounts()).containsOnlyKeys("AWS::Events::Archive", "AWS::Events::EventBusPolicy");
      DeployedChecks.everyKeptResourceCreated(deployed, template);
      try (KmsClient kms = account.client(KmsClient.builder()).build()) {
        DeployedChecks.key(kms, deployed.physicalId("AWS::KMS::Key", "ProviderKey"),
            "Encrypts Meshwork's artifacts, run events and notifications", "alias/meshwork/provider");
      }
      DeployedChecks.dataBucket(account, template, deployed, "Artifacts", "ProviderKey");
      try (EventBridgeClient events = account.client(EventBridgeClient.builder()).build()) {
        assertThat(events.describeEventBus(request -> request.name(ProviderStack.RUN_BUS_NAME)).name())
            .isEqualTo(ProviderStack.RUN_BUS_NAME);
        assertThat(events.listRules(request -> request.eventBusName(ProviderStack.RUN_BUS_NAME)).rules())
            .extracting(Rule::name).containsExactlyInAnyOrderElementsOf(deployed.physicalIds("AWS::Events::Rule"));
      }
      String topic = deployed.physicalId("AWS::SNS::Topic", "RunFailures");
      try (SnsClient sns = account.client(SnsClient.builder()).build()) {
        // MiniStack's AWS::SNS::Topic provisioner drops KmsMasterKeyId (the template sets the provider key).
        assertThat(sns.getTopicAttributes(request -> request.topicArn(topic)).attributes())
            .containsEntry("DisplayName", "Meshwork failed runs").doesNotContainKey("KmsMasterKeyId");
      }
      try (CloudWatchClient cloudWatch = account.client(CloudWatchClient.builder()).build()) {
        assertThat(cloudWatch.describeAlarms(request -> request.alarmNames(
            deployed.physicalId("AWS::CloudWatch::Alarm", "FailedRunsAlarm"))).metricAlarms())
            .singleElement().satisfies(alarm -> assertThat(alarm.alarmActions()).containsExactly(topic));
        assertThat(cloudWatch.getDashboard(request -> request.dashboardName("meshwork-runs")).dashboardBody())
            .contains("Failed tenant runs");
      }
    }
  }
}
