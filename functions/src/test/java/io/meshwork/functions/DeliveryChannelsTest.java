package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Ingest function's settings, read from the function's environment when Lambda starts it. */
class DeliveryChannelsTest {

  private static DeliveryChannels channels(Map<String, Object> properties) {
    try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
      return DeliveryChannels.fromEnvironment(context.getEnvironment());
    }
  }

  @Test
  void theDataBucketIsTheWarehousesBucket() {
    DeliveryChannels channels = channels(Map.of("meshwork.warehouse", "s3://meshwork-lemanic-data/warehouse",
        "meshwork.notifications.topic", "arn:aws:sns:eu-central-2:111122223333:meshwork-lemanic-notifications",
        "aws.region", "eu-central-2"));

    assertThat(channels.bucket()).isEqualTo("meshwork-lemanic-data");
  }

  @Test
  void withoutTheWarehouse_orTheTopic_theFunctionDoesNotStart_sayingWhichSettingIsMissing() {
    assertThatThrownBy(() -> channels(Map.of("meshwork.notifications.topic", "arn:aws:sns:eu-central-2:1:t")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The Ingest function needs MESHWORK_WAREHOUSE, s3://<data bucket>/warehouse; got ''.");
    assertThatThrownBy(() -> channels(Map.of("meshwork.warehouse", "s3://meshwork-lemanic-data/warehouse")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The Ingest function needs MESHWORK_NOTIFICATIONS_TOPIC, the ARN of the pipeline's topic; got ''.");
  }
}
