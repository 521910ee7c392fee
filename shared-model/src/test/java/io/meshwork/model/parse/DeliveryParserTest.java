package io.meshwork.model.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.CsvFormat;
import io.meshwork.model.definition.Delivery;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.Source;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryParserTest {

  private static final String CATALOG = "apiVersion: meshwork.io/v1\nkind: Catalog\nname: test\nroles: [{role: analyst}]\n";
  private static final String SOURCE = """
      apiVersion: meshwork.io/v1
      kind: Source
      name: premiums
      domain: sources
      version: 1.0.0
      columns:
        - {name: insured_id, type: string, required: true}
        - {name: premium_month, type: date, required: true}
        - {name: premium_chf, type: "decimal(10,2)"}
      """;

  private static Source load(String delivery) {
    Catalog catalog = CatalogLoader.load(new InMemoryDefinitionFiles("test", Map.of("catalog.yaml", CATALOG,
        "sources/premiums.yaml", SOURCE + delivery)));
    return catalog.source("premiums").orElseThrow();
  }

  private static List<String> problems(String delivery) {
    try {
      load(delivery);
    } catch (InvalidDefinitionException invalid) {
      return invalid.diagnostics().stream().map(Diagnostic::toString).toList();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void defaultsToWholeTableCsvOrParquet_whenNoDeliveryIsDeclared() {
    assertThat(load("").delivery()).isEqualTo(Delivery.DEFAULT);
  }

  @Test
  void readsModeKeyFormatsDialectAndQualityRules() {
    Source source = load("""
        delivery:
          mode: append
          key: [premium_month]
          formats: [csv]
          csv: {delimiter: ";", header: true, encoding: latin-1, decimalSeparator: ",", dateFormat: "%d.%m.%Y"}
        quality:
          - {type: not_null, columns: [premium_chf], severity: warn}
        """);
    assertThat(source.delivery()).isEqualTo(new Delivery(Delivery.Mode.APPEND, List.of("premium_month"),
        Set.of(Delivery.Format.CSV), new CsvFormat(";", "\"", true, "latin-1", ",", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S")));
    assertThat(source.quality()).extracting(QualityRule::type).containsExactly("not_null");
  }

  @Test
  void reportsEachInvalidSetting_withItsLine() {
    assertThat(problems("""
        delivery:
          mode: upsert
          key: [month]
          formats: [xlsx]
          csv: {delimiter: ",", decimalSeparator: ",", encoding: ebcdic, dateFormat: "dd.mm.yyyy", quote: "''"}
        """)).containsExactly(
        "sources/premiums.yaml:11:9: Unknown mode 'upsert' in the delivery of Source premiums. Use replace or append.",
        "sources/premiums.yaml:12:8: The delivery key of Source premiums names column 'month', which its contract "
            + "does not declare.",
        "sources/premiums.yaml:13:12: Unknown formats 'xlsx' in the delivery of Source premiums. Use csv or parquet.",
        "sources/premiums.yaml:14:20: The delimiter ',' of 'csv' of the delivery of Source premiums is also its "
            + "decimal separator. Choose a different delimiter, e.g. ';' when amounts are written 12,50.",
        "sources/premiums.yaml:14:58: Unknown encoding 'ebcdic' in 'csv' of the delivery of Source premiums. Use "
            + "utf-8 or latin-1 or utf-16.",
        "sources/premiums.yaml:14:78: 'dateFormat' of 'csv' of the delivery of Source premiums is not a strftime "
            + "pattern: 'dd.mm.yyyy'. Write it with %Y, %m, %d, %H, %M, %S, e.g. '%d.%m.%Y'.",
        "sources/premiums.yaml:14:99: 'quote' of 'csv' of the delivery of Source premiums must be one character, "
            + "e.g. ';' (or '\\t' for a tab), not ''''.");
  }

  @Test
  void refusesDeliveryKey_whenModeIsReplace() {
    assertThat(problems("delivery:\n  key: [premium_month]\n")).containsExactly(
        "sources/premiums.yaml:11:8: The delivery key of Source premiums applies to 'mode: append' only: a "
            + "replace delivery is always the whole table. Remove 'key' or set 'mode: append'.");
  }
}
