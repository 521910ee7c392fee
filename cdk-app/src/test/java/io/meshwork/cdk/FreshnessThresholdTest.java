package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.cdk.constructs.FreshnessThreshold;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Freshness SLAs of any length become alarm thresholds in hours, the unit the freshness check reports. */
class FreshnessThresholdTest {

  @ParameterizedTest
  @CsvSource({"PT30H, 30", "P8D, 192", "P32D, 768", "P35D, 840", "PT45M, 0.75", "PT90M, 1.5", "P400D, 9600"})
  void thresholdIsTheSlaInHours(String sla, double hours) {
    assertThat(new FreshnessThreshold(Duration.parse(sla)).hours()).isEqualTo(hours);
  }

  @ParameterizedTest
  @CsvSource({"P8D, 192", "PT45M, 0.75", "PT30H, 30"})
  void hoursAreWrittenWithoutNeedlessDecimals(String sla, String text) {
    assertThat(new FreshnessThreshold(Duration.parse(sla)).hoursText()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"P35D, P35D", "PT30H, PT30H", "PT48H, P2D", "PT45M, PT45M"})
  void slaIsShownAsDefinitionsWriteIt(String sla, String shown) {
    assertThat(new FreshnessThreshold(Duration.parse(sla)).iso()).isEqualTo(shown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "-PT1H"})
  void slaMustBePositive(String sla) {
    assertThatThrownBy(() -> new FreshnessThreshold(Duration.parse(sla)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A freshness SLA must be positive, not " + Duration.parse(sla) + ".");
  }
}
