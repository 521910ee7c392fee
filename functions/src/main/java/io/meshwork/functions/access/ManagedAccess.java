package io.meshwork.functions.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The grants and data cells filters Meshwork made in a tenant's catalog: what the reconciler may revoke or delete.
 * Anything else in the catalog was made outside Meshwork and is left alone.
 *
 * @param grants the grants, without duplicates, in the order they were made
 * @param filters the data cells filters, without duplicates
 */
public record ManagedAccess(List<ManagedGrant> grants, List<ManagedFilter> filters) {

  /** Nothing made yet: the ledger of a new tenant. */
  public static final ManagedAccess NONE = new ManagedAccess(List.of(), List.of());

  public ManagedAccess {
    grants = List.copyOf(new LinkedHashSet<>(grants));
    filters = List.copyOf(new LinkedHashSet<>(filters));
  }

  /** Everything in this or in {@code other}. */
  ManagedAccess union(ManagedAccess other) {
    return new ManagedAccess(Stream.concat(grants.stream(), other.grants.stream()).toList(),
        Stream.concat(filters.stream(), other.filters.stream()).toList());
  }

  /** The grants of this as they compare with what {@code ListPermissions} shows. */
  Set<LakeFormationGrant> comparableGrants() {
    Set<LakeFormationGrant> comparable = new LinkedHashSet<>();
    grants.forEach(grant -> comparable.add(grant.comparable()));
    return comparable;
  }
}
