package io.meshwork.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {

  @Test
  void documentsAreBlockStyleInMapOrderWithValuesAsWritten() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("name", "Lemanic Santé");
    document.put("account", "111122223333");
    document.put("ratio", new BigDecimal("0.0800"));
    document.put("threshold", new BigDecimal("75000"));
    document.put("tiny", new BigDecimal("0.00000001"));
    document.put("rows", 0);
    document.put("query", "SELECT *\nFROM t\nWHERE x IS NULL");
    document.put("filter", "canton IN ('GE', 'VD')");
    document.put("items", List.of(DocumentValues.customProperty("a", List.of("x", "y"))));

    assertThat(YamlDocuments.write(document)).isEqualTo("""
        name: Lemanic Santé
        account: '111122223333'
        ratio: 0.0800
        threshold: 75000
        tiny: 0.00000001
        rows: 0
        query: |-
          SELECT *
          FROM t
          WHERE x IS NULL
        filter: canton IN ('GE', 'VD')
        items:
          - property: a
            value:
              - x
              - y
        """);
  }

  @Test
  void longTextStaysOnOneLine() {
    String text = "word ".repeat(60).strip();

    assertThat(YamlDocuments.write(Map.of("description", text))).isEqualTo("description: " + text + "\n");
  }
}
