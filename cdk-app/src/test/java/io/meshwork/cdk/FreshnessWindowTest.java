package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cdk.constructs.FreshnessWindow;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Freshness SLAs become alarm windows that CloudWatch accepts, or none when it cannot evaluate that long. */
class FreshnessWindowTest {

  @ParameterizedTest
  @CsvSource({"PT30H, PT1H, 30", "PT90M, PT1H, 2", "PT1H, PT1H, 1", "P7D, PT1H, 168", "PT45M, PT1M, 45",
      "PT10M30S, PT1M, 11"})
  void windowCoversTheSlaInWholePeriods(String sla, String period, int periods) {
    assertThat(FreshnessWindow.of(Duration.parse(sla)))
        .contains(new FreshnessWindow(Duration.parse(period), periods));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT30H", "PT59M", "P7D", "PT1M"})
  void windowStaysWithinWhatCloudWatchEvaluates(String sla) {
    FreshnessWindow window = FreshnessWindow.of(Duration.parse(sla)).orElseThrow();
    Duration limit = window.period().compareTo(Duration.ofHours(1)) < 0 ? Duration.ofDays(1) : Duration.ofDays(7);
    assertThat(window.span()).isLessThanOrEqualTo(limit).isGreaterThanOrEqualTo(Duration.parse(sla));
  }

  @ParameterizedTest
  @CsvSource({"P35D, P35D", "PT30H, PT30H", "PT48H, P2D", "PT45M, PT45M"})
  void slaIsShownAsDefinitionsWriteIt(String sla, String shown) {
    assertThat(FreshnessWindow.iso(Duration.parse(sla))).isEqualTo(shown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"P8D", "P32D", "P35D", "PT0S"})
  void slaLongerThanSevenDaysHasNoWindow(String sla) {
    assertThat(FreshnessWindow.of(Duration.parse(sla))).isEmpty();
  }
}
