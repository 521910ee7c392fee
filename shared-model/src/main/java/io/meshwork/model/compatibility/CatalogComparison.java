package io.meshwork.model.compatibility;

import io.meshwork.model.compatibility.ContractComparison.Subject;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.SemanticVersion;
import io.meshwork.model.definition.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Pairs the sources and product versions of two catalogues and compares their contracts. */
final class CatalogComparison {

  private final Catalog base;
  private final Catalog head;
  private final ImpactAnalysis impacts;
  private final List<ContractComparison> comparisons = new ArrayList<>();

  CatalogComparison(Catalog base, Catalog head) {
    this.base = base;
    this.head = head;
    this.impacts = new ImpactAnalysis(head);
  }

  ContractDiff run() {
    base.sources().stream().sorted(Comparator.comparing(Source::name)).forEach(before ->
        head.source(before.name()).ifPresent(after -> compare(Subject.SOURCE, before.name(), Optional.empty(),
            before.version(), before.contract(), after.version(), after.contract(), after.location())));
    base.products().stream().map(DataProduct::name).distinct().sorted().forEach(this::compareProduct);
    return new ContractDiff(comparisons);
  }

  private void compareProduct(String name) {
    TreeMap<Integer, DataProduct> baseMajors = highestPerMajor(base.productVersions(name));
    for (DataProduct after : highestPerMajor(head.productVersions(name)).values()) {
      Map.Entry<Integer, DataProduct> before = baseMajors.floorEntry(after.version().major());
      if (before != null) {
        DataProduct previous = before.getValue();
        compare(Subject.PRODUCT, name, after.tenant(), previous.version(), previous.contract(), after.version(),
            after.contract(), after.location());
      }
    }
  }

  private void compare(Subject subject, String name, Optional<String> tenant, SemanticVersion baseVersion,
      Contract baseContract, SemanticVersion headVersion, Contract headContract, Location location) {
    List<ContractChange> changes = ContractRules.compare(baseContract, headContract, location);
    if (changes.isEmpty()) {
      return;
    }
    boolean unallowed = headVersion.major() <= baseVersion.major()
        && changes.stream().anyMatch(ContractChange::isBreaking);
    Impact impact = !unallowed ? Impact.NONE
        : subject == Subject.SOURCE ? impacts.ofSource(name) : impacts.ofProduct(name, headVersion);
    comparisons.add(new ContractComparison(subject, name, tenant, baseVersion, headVersion, location, changes,
        impact));
  }

  /** The highest version of each major, by major. */
  private static TreeMap<Integer, DataProduct> highestPerMajor(List<DataProduct> versions) {
    TreeMap<Integer, DataProduct> highest = new TreeMap<>();
    for (DataProduct version : versions) {
      highest.merge(version.version().major(), version,
          (first, second) -> first.version().compareTo(second.version()) >= 0 ? first : second);
    }
    return highest;
  }
}
