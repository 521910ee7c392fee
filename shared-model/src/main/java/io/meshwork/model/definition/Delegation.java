package io.meshwork.model.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a tenant decides itself about access, and the bounds the provider sets on it: the tenant's admins and the
 * ceiling (both from the provider's tenant file), the groups of its principals and the grants its admins make
 * (both from the tenant's workspace).
 *
 * @param workspace where the tenant's workspace document is, when one is layered over the catalogue
 * @param ceiling empty when the provider's tenant file declares none: then the provider's access rules apply as
 *     written and the tenant may grant nothing of its own
 */
public record Delegation(List<Admin> admins, Optional<List<CeilingRule>> ceiling, List<Group> groups,
    List<Grant> grants, Optional<Location> workspace) {

  /** No admins, no ceiling, no groups, no grants: a tenant file without delegation. */
  public static final Delegation NONE = new Delegation(List.of(), Optional.empty(), List.of(), List.of(),
      Optional.empty());

  public Delegation {
    admins = List.copyOf(admins);
    ceiling = ceiling.map(List::copyOf);
    groups = List.copyOf(groups);
    grants = List.copyOf(grants);
    Objects.requireNonNull(workspace, "workspace");
  }

  /** This delegation with the workspace's groups and grants added. */
  public Delegation withWorkspace(List<Group> moreGroups, List<Grant> moreGrants, Location document) {
    return new Delegation(admins, ceiling, concat(groups, moreGroups), concat(grants, moreGrants),
        Optional.of(document));
  }

  /**
   * True if the ceiling lets the tenant hold {@code classification} columns of {@code product} under
   * {@code role}; always true without a ceiling.
   */
  public boolean allows(String product, String role, Classification classification) {
    return ceiling.map(rules -> rules.stream().anyMatch(rule -> rule.covers(product, role)
        && rule.classifications().contains(classification))).orElse(true);
  }

  /** True if some ceiling rule names {@code role} for {@code product}, whatever its classifications. */
  public boolean allowsRole(String product, String role) {
    return ceiling.map(rules -> rules.stream().anyMatch(rule -> rule.covers(product, role))).orElse(true);
  }

  /** The groups {@code principal} is a member of. */
  public List<Group> groupsOf(String principal) {
    return groups.stream().filter(group -> group.members().contains(principal)).toList();
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

  /** A person or role of the tenant who may change its workspace and apply it in its account. */
  public record Admin(String name, Optional<String> arn, Location location) {
    public Admin {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(location, "location");
    }
  }

  /**
   * The provider allows the tenant to hold {@code role} on {@code products} (every product it receives when
   * {@code products} is empty) for columns of {@code classifications}.
   */
  public record CeilingRule(List<String> products, Set<String> roles, Set<Classification> classifications,
      Location location) {
    public CeilingRule {
      products = List.copyOf(products);
      roles = Set.copyOf(roles);
      classifications = Set.copyOf(classifications);
      Objects.requireNonNull(location, "location");
    }

    boolean covers(String product, String role) {
      return (products.isEmpty() || products.contains(product)) && roles.contains(role);
    }
  }

  /** Principals of the tenant who share roles and grants. */
  public record Group(String name, List<String> members, List<String> roles, Location location) {
    public Group {
      Objects.requireNonNull(name, "name");
      members = List.copyOf(members);
      roles = List.copyOf(roles);
      Objects.requireNonNull(location, "location");
    }
  }

  /**
   * A tenant admin's grant: {@code to} (a principal or group) reads the {@code classifications} columns of
   * {@code product} in the capacity of {@code role}, on the rows {@code rowFilter} keeps (and those the provider's
   * rule for the role keeps, if it has a filter).
   */
  public record Grant(String to, String product, String role, Set<Classification> classifications,
      Optional<RowFilter> rowFilter, Location location) {
    public Grant {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(role, "role");
      classifications = Set.copyOf(classifications);
      Objects.requireNonNull(rowFilter, "rowFilter");
      Objects.requireNonNull(location, "location");
    }
  }
}
