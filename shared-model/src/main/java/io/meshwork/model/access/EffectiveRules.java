package io.meshwork.model.access;

import io.meshwork.model.definition.AccessRule;
import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Delegation;
import io.meshwork.model.definition.RowFilter;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.sql.RowFilterParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What principals may read of one product: the provider's access rules for the roles they hold (themselves or
 * through a group) and the tenant's grants to them or their groups, each capped by the provider's ceiling for the
 * tenant. A grant's row filter is combined with the filter of the provider's rule for the same role, so a tenant
 * admin can narrow what a role reads, never widen it.
 */
final class EffectiveRules {

  private EffectiveRules() {
  }

  /**
   * A rule as it applies: its role, the classifications the ceiling leaves, the canonical row filter, and the data
   * cells filter name it needs when it has a row filter.
   */
  record Rule(String role, Set<Classification> classifications, Optional<String> rowFilter, String filterName) {
  }

  /** The rules of {@code product} for the principals {@code names} (several when they share an ARN). */
  static List<Rule> of(Tenant tenant, DataProduct product, String table, List<Tenant.Principal> principals) {
    Delegation delegation = tenant.delegation();
    List<Rule> rules = new ArrayList<>();
    Set<String> roles = new java.util.LinkedHashSet<>();
    principals.forEach(principal -> roles.addAll(tenant.rolesOf(principal)));
    for (AccessRule rule : product.access()) {
      if (roles.contains(rule.role())) {
        capped(delegation, product.name(), rule.role(), rule.classifications(),
            rule.rowFilter().map(RowFilter::expression).map(RowFilterParser::canonical), table + "_" + rule.role())
            .ifPresent(rules::add);
      }
    }
    Set<String> names = new java.util.HashSet<>();
    principals.forEach(principal -> {
      names.add(principal.name());
      delegation.groupsOf(principal.name()).forEach(group -> names.add(group.name()));
    });
    for (Delegation.Grant grant : delegation.grants()) {
      if (!names.contains(grant.to()) || !grant.product().equals(product.name())) {
        continue;
      }
      Optional<String> providerFilter = product.access().stream().filter(rule -> rule.role().equals(grant.role()))
          .findFirst().flatMap(AccessRule::rowFilter).map(RowFilter::expression);
      Optional<String> own = grant.rowFilter().map(RowFilter::expression);
      Optional<String> combined = own.isPresent() && providerFilter.isPresent()
          ? Optional.of("(" + providerFilter.get() + ") AND (" + own.get() + ")")
          : own.or(() -> providerFilter);
      Optional<String> canonical = combined.map(RowFilterParser::canonical);
      String name = canonical.isEmpty() ? "" : table + "_" + grant.role() + "_" + hash(canonical.get()
          + grant.classifications());
      capped(delegation, product.name(), grant.role(), grant.classifications(), canonical, name)
          .ifPresent(rules::add);
    }
    return rules;
  }

  private static Optional<Rule> capped(Delegation delegation, String product, String role,
      Set<Classification> classifications, Optional<String> rowFilter, String filterName) {
    Set<Classification> allowed = EnumSet.noneOf(Classification.class);
    classifications.stream().filter(classification -> delegation.allows(product, role, classification))
        .forEach(allowed::add);
    return allowed.isEmpty() ? Optional.empty() : Optional.of(new Rule(role, allowed, rowFilter, filterName));
  }

  /** Eight hex digits naming a grant's filter, stable for the same filter and classifications. */
  private static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every Java platform has SHA-256", impossible);
    }
  }
}
