package io.meshwork.model.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.RetentionPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionParserTest {

  private static Catalog load(String retention) {
    return CatalogLoader.load(new InMemoryDefinitionFiles("test", Map.of("catalog.yaml",
        "apiVersion: meshwork.io/v1\nkind: Catalog\nname: test\nroles: [{role: analyst}]\n" + retention)));
  }

  @Test
  void keepsTheDefaultPolicy_whenTheCatalogueSaysNothing() {
    assertThat(load("").info().retention()).isEqualTo(RetentionPolicy.DEFAULT);
  }

  @Test
  void readsEachSetting_andDefaultsTheOthers() {
    assertThat(load("retention: {publishedDays: 90, blockedRunDays: 3}\n").info().retention())
        .isEqualTo(new RetentionPolicy(90, 10, 3));
  }

  @Test
  void refusesAValueOutOfRange_withItsLine() {
    assertThatThrownBy(() -> load("retention:\n  keepLastPublished: 0\n  keepDays: 3\n"))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(error -> assertThat(((InvalidDefinitionException) error).diagnostics()).extracting(Diagnostic::toString)
            .containsExactly("catalog.yaml:6:22: 'keepLastPublished' of the retention of the catalogue must be a whole "
                + "number from 1 to 36500, not '0'.",
                "catalog.yaml:7:3: Unknown key 'keepDays' in the retention of the catalogue. Allowed keys: "
                    + "publishedDays, keepLastPublished, blockedRunDays."));
  }
}
