package io.meshwork.model.compatibility;

import static io.meshwork.model.compatibility.ContractRulesTest.contract;
import static io.meshwork.model.compatibility.ContractRulesTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.compatibility.Impact.ReceivingTenant;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.VersionRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which versions {@link ContractDiff} compares, when breaking changes are allowed, and whom they would break. */
class ContractDiffTest {

  private static final String WIDE = contract("{name: id, type: long, required: true}", "{name: note, type: string}");
  private static final String NARROW = contract("{name: id, type: long, required: true}");

  @Test
  void identicalCataloguesHaveNoChanges() {
    TestCatalog catalog = new TestCatalog().product("p", "1.0.0", WIDE, "raw").tenant("t1", "p");

    ContractDiff diff = ContractDiff.between(catalog.load(), catalog.load());

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.isAllowed()).isTrue();
  }

  @Test
  void aBreakingChangeInANewMajorIsAllowed_andTheOldMajorIsComparedWithItself() {
    TestCatalog base = new TestCatalog().product("p", "1.3.0", WIDE, "raw").tenant("t1", "p:^1");
    TestCatalog head = base.copy().product("p", "2.0.0", NARROW, "raw");

    ContractDiff diff = ContractDiff.between(base.load(), head.load());

    assertThat(diff.comparisons()).singleElement().satisfies(comparison -> {
      assertThat(comparison.baseVersion()).hasToString("1.3.0");
      assertThat(comparison.headVersion()).hasToString("2.0.0");
      assertThat(comparison.isMajorBump()).isTrue();
      assertThat(lines(comparison)).containsExactly("BREAKING column note removed");
      assertThat(comparison.unallowedChanges()).isEmpty();
      assertThat(comparison.impact()).isEqualTo(Impact.NONE);
    });
    assertThat(diff.isAllowed()).isTrue();
  }

  @Test
  void aNewMajorReplacingTheOldOneIsComparedWithTheHighestVersionOfTheMajorBelow() {
    TestCatalog base = new TestCatalog().product("p", "1.0.0", NARROW, "raw").product("p", "1.1.0", WIDE, "raw")
        .tenant("t1", "p:^1");
    TestCatalog head = base.copy().remove("p", "1.0.0").remove("p", "1.1.0").product("p", "2.0.0", NARROW, "raw")
        .tenant("t1", "p:^2");

    ContractDiff diff = ContractDiff.between(base.load(), head.load());

    assertThat(diff.comparisons()).singleElement().satisfies(comparison -> {
      assertThat(comparison.baseVersion()).hasToString("1.1.0");
      assertThat(comparison.isMajorBump()).isTrue();
    });
    assertThat(diff.isAllowed()).isTrue();
  }

  @Test
  void withinAMajorTheHighestVersionsAreCompared() {
    TestCatalog base = new TestCatalog().product("p", "1.0.0", NARROW, "raw").product("p", "1.1.0", WIDE, "raw")
        .tenant("t1", "p");
    TestCatalog head = base.copy().product("p", "1.2.0", NARROW, "raw");

    ContractDiff diff = ContractDiff.between(base.load(), head.load());

    assertThat(diff.comparisons()).singleElement().satisfies(comparison -> {
      assertThat(comparison.baseVersion()).hasToString("1.1.0");
      assertThat(comparison.headVersion()).hasToString("1.2.0");
      assertThat(comparison.label()).isEqualTo("product p");
      assertThat(lines(comparison)).containsExactly("BREAKING column note removed");
      assertThat(comparison.unallowedChanges()).hasSize(1);
    });
    assertThat(diff.isAllowed()).isFalse();
    assertThat(diff.unallowed()).hasSize(1);
  }

  @Test
  void onlyCompatibleChangesNeedNoMajorBump() {
    TestCatalog base = new TestCatalog().product("p", "1.0.0", NARROW, "raw").tenant("t1", "p");
    TestCatalog head = base.copy().product("p", "1.1.0", WIDE, "raw");

    ContractDiff diff = ContractDiff.between(base.load(), head.load());

    assertThat(diff.comparisons()).singleElement()
        .satisfies(comparison -> assertThat(comparison.impact()).isEqualTo(Impact.NONE));
    assertThat(diff.isAllowed()).isTrue();
  }

  @Test
  void productsInOnlyOneCatalogueAreNotCompared() {
    TestCatalog base = new TestCatalog().product("old", "1.0.0", WIDE, "raw").tenant("t1", "old");
    TestCatalog head = new TestCatalog().product("new", "1.0.0", NARROW, "raw").tenant("t1", "new");

    assertThat(ContractDiff.between(base.load(), head.load()).isEmpty()).isTrue();
  }

  @Test
  void anUnallowedBreakingChangeNamesTheTenantsThatReceiveTheChangedVersion_andItsReaders() {
    TestCatalog base = new TestCatalog()
        .product("base", "1.0.0", WIDE, "raw")
        .product("top", "1.0.0", NARROW, "base:^1")
        .product("pinned_top", "1.0.0", NARROW, "base:~1.0")
        .customProduct("t2", "mine", "1.0.0", NARROW, "base:^1")
        .tenant("t1", "base:^1")
        .tenant("t2", "top")
        .tenant("t3", "base:~1.0")
        .tenant("t4", "pinned_top");
    TestCatalog head = base.copy().product("base", "1.1.0", NARROW, "raw");

    ContractDiff diff = ContractDiff.between(base.load(), head.load());

    assertThat(diff.comparisons()).singleElement().satisfies(comparison -> {
      assertThat(comparison.headVersion()).hasToString("1.1.0");
      Impact impact = comparison.impact();
      assertThat(impact.tenants()).extracting(ReceivingTenant::tenantId).containsExactly("t1", "t2");
      assertThat(impact.tenants().get(0).subscription()).map(VersionRange::toString).hasValue("^1");
      assertThat(impact.tenants().get(0).readers()).isEmpty();
      assertThat(impact.tenants().get(1).subscription()).isEmpty();
      assertThat(impact.tenants().get(1).readers()).extracting(DataProduct::label)
          .containsExactlyInAnyOrder("top 1.0.0", "mine 1.0.0");
      assertThat(impact.customProducts()).extracting(DataProduct::label).containsExactly("mine 1.0.0");
      assertThat(impact.managedProducts()).extracting(DataProduct::label).containsExactly("top 1.0.0");
    });
  }

  @Test
  void aChangedCustomProductBreaksItsTenant() {
    TestCatalog base = new TestCatalog().product("base", "1.0.0", NARROW, "raw")
        .customProduct("t1", "mine", "1.0.0", WIDE, "base").tenant("t1", "base");
    TestCatalog head = base.copy().remove("mine", "1.0.0").customProduct("t1", "mine", "1.0.1", NARROW, "base");

    ContractDiff diff = ContractDiff.between(base.load(), head.load());

    assertThat(diff.comparisons()).singleElement().satisfies(comparison -> {
      assertThat(comparison.label()).isEqualTo("custom product mine of t1");
      assertThat(comparison.impact().tenants()).containsExactly(
          new ReceivingTenant("t1", Optional.empty(), true, List.of()));
    });
  }

  @Test
  void aBreakingSourceChangeNamesEveryTenantDeliveringIt_andItsReaders() {
    TestCatalog base = new TestCatalog().product("base", "1.0.0", NARROW, "raw")
        .customProduct("t2", "mine", "1.0.0", NARROW, "raw")
        .tenant("t1", "base").tenant("t2").tenant("t3");
    TestCatalog head = base.copy().source("[{name: id, type: long, required: true}]", "1.1.0");

    ContractDiff diff = ContractDiff.between(base.load(), head.load());

    assertThat(diff.comparisons()).singleElement().satisfies(comparison -> {
      assertThat(comparison.label()).isEqualTo("source raw");
      assertThat(lines(comparison)).containsExactly("BREAKING column amount removed");
      assertThat(comparison.impact().tenants()).extracting(ReceivingTenant::tenantId).containsExactly("t1", "t2");
      assertThat(comparison.impact().customProducts()).extracting(DataProduct::label).containsExactly("mine 1.0.0");
      assertThat(comparison.impact().managedProducts()).extracting(DataProduct::label).containsExactly("base 1.0.0");
    });
    assertThat(diff.isAllowed()).isFalse();
  }

  @Test
  void aBreakingSourceChangeWithAMajorBumpIsAllowed() {
    TestCatalog base = new TestCatalog().product("base", "1.0.0", NARROW, "raw").tenant("t1", "base");
    TestCatalog head = base.copy().source("[{name: id, type: long, required: true}]", "2.0.0");

    ContractDiff diff = ContractDiff.between(base.load(), head.load());

    assertThat(diff.comparisons()).singleElement()
        .satisfies(comparison -> assertThat(comparison.isMajorBump()).isTrue());
    assertThat(diff.isAllowed()).isTrue();
  }
}
