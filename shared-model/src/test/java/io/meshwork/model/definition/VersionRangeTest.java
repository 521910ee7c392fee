package io.meshwork.model.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionRangeTest {

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
      "^1, 1.0.0, true", "^1, 1.9.3, true", "^1, 2.0.0, false", "^1, 0.9.0, false",
      "^1.2, 1.1.9, false", "^1.2, 1.2.0, true", "^1.2, 1.8.0, true",
      "^0.3, 0.3.5, true", "^0.3, 0.4.0, false", "^0.0.3, 0.0.4, false",
      "~1.2, 1.2.9, true", "~1.2, 1.3.0, false", "~1, 1.7.0, true",
      "1.4.0, 1.4.0, true", "1.4.0, 1.4.1, false",
      ">=1.2.0 <2.0.0, 1.2.0, true", ">=1.2.0 <2.0.0, 2.0.0, false", ">1.2.0, 1.2.0, false",
      "*, 7.1.2, true"})
  void containsFollowsTheDocumentedForms(String range, String version, boolean expected) {
    assertThat(VersionRange.parse(range).orElseThrow().contains(SemanticVersion.parse(version).orElseThrow()))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"''", "^", "~x", "1.2.3.4", "=>1.0.0", "latest", "1.2.-1", "01.2.3"})
  void parseRejectsWhatIsNotARange(String text) {
    assertThat(VersionRange.parse(text)).isEmpty();
  }

  @Test
  void highestPicksTheNewestVersionInTheRange() {
    List<SemanticVersion> versions = List.of(v("1.0.0"), v("1.3.1"), v("1.10.0"), v("2.0.0"));

    assertThat(VersionRange.parse("^1").orElseThrow().highest(versions)).contains(v("1.10.0"));
    assertThat(VersionRange.parse("~1.3").orElseThrow().highest(versions)).contains(v("1.3.1"));
    assertThat(VersionRange.parse("^3").orElseThrow().highest(versions)).isEmpty();
  }

  private static SemanticVersion v(String text) {
    return SemanticVersion.parse(text).orElseThrow();
  }
}
