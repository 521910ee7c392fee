package io.meshwork.model.compatibility;

import io.meshwork.model.definition.Catalog;
import java.util.List;

/**
 * Every contract change between two catalogues, source by source and product by product, each classified as
 * breaking or compatible, with the consumers that breaking changes without a major version bump would break. This
 * is what a provider team's review and CI check before a catalogue change ships.
 *
 * @param comparisons one per source and per product version that changed its contract, sources first, then by name
 *     and version
 */
public record ContractDiff(List<ContractComparison> comparisons) {

  public ContractDiff {
    comparisons = List.copyOf(comparisons);
  }

  /**
   * Compares {@code base} with {@code head}, both validated catalogues. A source or product is identified by its
   * name; one present in only one of them is not compared. For each major version of a product in the head, its
   * highest version is compared with the highest base version of the same major, or, if the head starts a new
   * major, with the highest base version of the closest lower major. Impacts are found by planning the head.
   */
  public static ContractDiff between(Catalog base, Catalog head) {
    return new CatalogComparison(base, head).run();
  }

  public boolean isEmpty() {
    return comparisons.isEmpty();
  }

  /** The comparisons with breaking changes that lack a major version bump. */
  public List<ContractComparison> unallowed() {
    return comparisons.stream().filter(comparison -> !comparison.unallowedChanges().isEmpty()).toList();
  }

  /** True if every breaking change comes with a major version bump. */
  public boolean isAllowed() {
    return unallowed().isEmpty();
  }
}
