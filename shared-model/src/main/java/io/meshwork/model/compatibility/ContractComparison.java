package io.meshwork.model.compatibility;

import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.SemanticVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contract of one source or product compared between a base and a head version, with the changes found. Breaking
 * changes are allowed only when the head version's major is higher than the base's: the new major lives in a new
 * table and the old one keeps serving its consumers.
 *
 * @param tenant the owning tenant of a custom product, empty otherwise
 * @param location the head definition
 * @param impact who the breaking changes without a major version bump would break; {@link Impact#NONE} if there are
 *     none
 */
public record ContractComparison(Subject subject, String name, Optional<String> tenant, SemanticVersion baseVersion,
    SemanticVersion headVersion, Location location, List<ContractChange> changes, Impact impact) {

  /** What the contract belongs to. */
  public enum Subject { SOURCE, PRODUCT }

  public ContractComparison {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(baseVersion, "baseVersion");
    Objects.requireNonNull(headVersion, "headVersion");
    Objects.requireNonNull(location, "location");
    changes = List.copyOf(changes);
    Objects.requireNonNull(impact, "impact");
  }

  /** True if the head version starts a new major version, so breaking changes are allowed. */
  public boolean isMajorBump() {
    return headVersion.major() > baseVersion.major();
  }

  public List<ContractChange> breakingChanges() {
    return changes.stream().filter(ContractChange::isBreaking).toList();
  }

  /** The breaking changes made without a major version bump: each would break the consumers of the same table. */
  public List<ContractChange> unallowedChanges() {
    return isMajorBump() ? List.of() : breakingChanges();
  }

  /** The next major version, which would make the breaking changes allowed. */
  public SemanticVersion nextMajor() {
    return new SemanticVersion(headVersion.major() + 1, 0, 0);
  }

  /** "source claims", "product claims_clean" or "custom product telmed_savings of rhenus". */
  public String label() {
    if (subject == Subject.SOURCE) {
      return "source " + name;
    }
    return tenant.map(id -> "custom product " + name + " of " + id).orElse("product " + name);
  }
}
