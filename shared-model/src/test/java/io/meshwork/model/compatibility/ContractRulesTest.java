package io.meshwork.model.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of {@link ContractRules}, on a product whose contract changes from version 1.0.0 to 1.1.0. */
class ContractRulesTest {

  private static final String ID = "{name: id, type: long, required: true}";

  @Test
  void anUnchangedContractHasNoChanges() {
    assertThat(changes(contract(ID, "{name: note, type: string}"), contract(ID, "{name: note, type: string}")))
        .isEmpty();
  }

  @Test
  void aRemovedColumnIsBreaking_andPointsWhereItStood() {
    TestCatalog base = new TestCatalog().product("p", "1.0.0",
        contract(ID, "{name: amount, type: long}", "{name: note, type: string}"), "raw").tenant("t1", "p");
    Catalog head = base.copy().product("p", "1.0.0", contract(ID, "{name: note, type: string}"), "raw").load();

    ContractComparison comparison = ContractDiff.between(base.load(), head).comparisons().get(0);

    assertThat(lines(comparison)).containsExactly("BREAKING column amount removed");
    assertThat(comparison.changes().get(0).location())
        .isEqualTo(head.productVersions("p").get(0).contract().column("note").orElseThrow().location());
  }

  @Test
  void aRemovedAndAnAddedColumnOfTheSameTypeAtTheSamePositionAreARename() {
    assertThat(changes(contract(ID, "{name: amount, type: long}"), contract(ID, "{name: amount_chf, type: long}")))
        .containsExactly("BREAKING column amount renamed to amount_chf");
  }

  @Test
  void aRenameAlsoReportsWhatElseChangedOnTheColumn() {
    assertThat(changes(contract(ID, "{name: amount, type: long}"),
        contract(ID, "{name: amount_chf, type: long, classification: confidential}")))
        .containsExactly("BREAKING column amount renamed to amount_chf",
            "BREAKING classification of column amount_chf raised from internal to confidential");
  }

  @Test
  void aRemovedAndAnAddedColumnOfAnotherTypeAreNotARename() {
    assertThat(changes(contract(ID, "{name: amount, type: long}"), contract(ID, "{name: label, type: string}")))
        .containsExactly("BREAKING column amount removed", "COMPATIBLE optional column label added");
  }

  @Test
  void aRemovedAndAnAddedColumnAtDifferentPositionsAreNotARename() {
    assertThat(changes(contract(ID, "{name: amount, type: long}", "{name: note, type: string}"),
        contract(ID, "{name: note, type: string}", "{name: total, type: long}")))
        .containsExactly("BREAKING column amount removed", "COMPATIBLE optional column total added");
  }

  @ParameterizedTest(name = "{0} to {1}")
  @CsvSource({"int, long", "float, double", "'decimal(12,2)', 'decimal(18,2)'"})
  void wideningATypeIsCompatible(String from, String to) {
    assertThat(changes(contract(ID, column("value", from)), contract(ID, column("value", to))))
        .containsExactly("COMPATIBLE type of column value widened from " + from + " to " + to);
  }

  @ParameterizedTest(name = "{0} to {1}")
  @CsvSource({"long, int, narrowed", "double, float, narrowed", "'decimal(18,2)', 'decimal(12,2)', narrowed",
      "'decimal(12,2)', 'decimal(12,3)', changed", "'decimal(12,2)', 'decimal(18,4)', changed", "int, double, changed",
      "int, string, changed", "date, timestamp, changed", "timestamp, timestamptz, changed"})
  void anyOtherTypeChangeIsBreaking(String from, String to, String verb) {
    assertThat(changes(contract(ID, column("value", from)), contract(ID, column("value", to))))
        .containsExactly("BREAKING type of column value " + verb + " from " + from + " to " + to);
  }

  @Test
  void makingAnOptionalColumnRequiredIsBreaking() {
    assertThat(changes(contract(ID, "{name: note, type: string}"),
        contract(ID, "{name: note, type: string, required: true}")))
        .containsExactly("BREAKING column note made required");
  }

  @Test
  void makingARequiredColumnOptionalIsBreaking() {
    assertThat(changes(contract(ID, "{name: note, type: string, required: true}"),
        contract(ID, "{name: note, type: string}")))
        .containsExactly("BREAKING column note made optional");
  }

  @Test
  void addingAnOptionalColumnIsCompatible_andARequiredOneBreaking() {
    assertThat(changes(contract(ID), contract(ID, "{name: note, type: string}")))
        .containsExactly("COMPATIBLE optional column note added");
    assertThat(changes(contract(ID), contract(ID, "{name: note, type: string, required: true}")))
        .containsExactly("BREAKING required column note added");
  }

  @Test
  void changingThePrimaryKeyIsBreaking_butReorderingItIsNoChange() {
    String columns = "columns: [" + ID + ", {name: year, type: int, required: true}]";

    assertThat(changes("{" + columns + ", primaryKey: [id]}", "{" + columns + ", primaryKey: [id, year]}"))
        .containsExactly("BREAKING primary key changed from [id] to [id, year]");
    assertThat(changes("{" + columns + ", primaryKey: [id, year]}", "{" + columns + ", primaryKey: [year, id]}"))
        .isEmpty();
  }

  @Test
  void loweringAClassificationIsBreaking() {
    assertThat(changes(contract(ID, "{name: insured_id, type: string, classification: pii}"),
        contract(ID, "{name: insured_id, type: string, classification: confidential}")))
        .containsExactly("BREAKING classification of column insured_id lowered from pii to confidential");
  }

  @Test
  void raisingAClassificationIsBreaking_becauseRolesLoseTheColumn() {
    assertThat(changes(contract(ID, "{name: canton, type: string, classification: public}"),
        contract(ID, "{name: canton, type: string, classification: internal}")))
        .containsExactly("BREAKING classification of column canton raised from public to internal");
  }

  @Test
  void changingThePartitioningIsBreaking() {
    String columns = "columns: [" + ID + ", {name: day, type: date}]";

    assertThat(changes("{" + columns + ", partitioning: [{column: day, transform: year}]}",
        "{" + columns + ", partitioning: [{column: day, transform: month}]}"))
        .containsExactly("BREAKING partitioning changed from [year(day)] to [month(day)]");
    assertThat(changes("{" + columns + "}", "{" + columns + ", partitioning: [{column: id}]}"))
        .containsExactly("BREAKING partitioning changed from [] to [id]");
  }

  @Test
  void changingADescriptionIsCompatible() {
    assertThat(changes(contract(ID, "{name: note, type: string, description: Free text.}"),
        contract(ID, "{name: note, type: string, description: Free text from the claim form.}")))
        .containsExactly("COMPATIBLE description of column note changed");
  }

  @Test
  void reorderingColumnsIsNoChange() {
    assertThat(changes(contract(ID, "{name: a, type: long}", "{name: b, type: string}"),
        contract(ID, "{name: b, type: string}", "{name: a, type: long}"))).isEmpty();
  }

  @Test
  void sourcesFollowTheSameRules() {
    TestCatalog base = new TestCatalog().product("p", "1.0.0", contract(ID), "raw").tenant("t1", "p");
    TestCatalog head = base.copy().source("[{name: id, type: long, required: true}, {name: amount_chf, "
        + "type: \"decimal(12,2)\"}, {name: note, type: string}]", "1.0.0");

    ContractDiff diff = ContractDiff.between(base.load(), head.load());

    assertThat(diff.comparisons()).singleElement().satisfies(comparison -> {
      assertThat(comparison.label()).isEqualTo("source raw");
      assertThat(lines(comparison)).containsExactly("BREAKING column amount renamed to amount_chf",
          "COMPATIBLE optional column note added");
    });
  }

  static String contract(String... columns) {
    return "{columns: [" + String.join(", ", columns) + "]}";
  }

  private static String column(String name, String type) {
    return "{name: " + name + ", type: \"" + type + "\"}";
  }

  /** The product's only comparison (1.0.0 to 1.1.0) as "KIND description" lines; empty if nothing changed. */
  private static List<String> changes(String baseContract, String headContract) {
    TestCatalog base = new TestCatalog().product("p", "1.0.0", baseContract, "raw").tenant("t1", "p");
    TestCatalog head = base.copy().remove("p", "1.0.0").product("p", "1.1.0", headContract, "raw");
    ContractDiff diff = ContractDiff.between(base.load(), head.load());
    assertThat(diff.comparisons()).hasSizeLessThanOrEqualTo(1);
    return diff.isEmpty() ? List.of() : lines(diff.comparisons().get(0));
  }

  static List<String> lines(ContractComparison comparison) {
    return comparison.changes().stream().map(change -> change.kind() + " " + change.description()).toList();
  }
}
