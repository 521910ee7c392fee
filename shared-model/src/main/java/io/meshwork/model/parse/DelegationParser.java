package io.meshwork.model.parse;

import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Delegation;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.RowFilter;
import io.meshwork.model.sql.RowFilterParser;
import io.meshwork.model.sql.SqlSyntaxException;
import io.meshwork.model.sql.SqlToken;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the parts of access a tenant decides: {@code admins} and {@code ceiling} of the provider's tenant file,
 * {@code groups} and {@code grants} of the tenant's workspace. Names are checked against the catalogue later.
 */
final class DelegationParser {

  private static final List<String> ADMIN_KEYS = List.of("name", "arn");
  private static final List<String> CEILING_KEYS = List.of("products", "roles", "classifications");
  private static final List<String> GROUP_KEYS = List.of("name", "members", "roles");
  private static final List<String> GRANT_KEYS = List.of("to", "product", "role", "classifications", "rowFilter");

  private DelegationParser() {
  }

  static List<Delegation.Admin> admins(YamlMap document, String owner, Problems problems) {
    List<Delegation.Admin> admins = new ArrayList<>();
    for (YamlNode item : document.list(owner, "admins")) {
      item.asMap("An admin of " + owner).ifPresent(map -> {
        Optional<String> name = map.requiredText("An admin of " + owner, "name", "data-office");
        String what = "admin " + name.orElse("(unnamed)") + " of " + owner;
        map.allowOnly(what, ADMIN_KEYS);
        Optional<String> arn = TenantParser.arn(map, what, problems);
        if (name.isPresent() && (arn.isPresent() || !map.has("arn"))) {
          admins.add(new Delegation.Admin(name.get(), arn, map.locationOf("name")));
        }
      });
    }
    return admins;
  }

  /** The ceiling, or empty when the tenant file has no {@code ceiling} key. */
  static Optional<List<Delegation.CeilingRule>> ceiling(YamlMap document, String owner, Problems problems) {
    if (!document.has("ceiling")) {
      return Optional.empty();
    }
    List<Delegation.CeilingRule> rules = new ArrayList<>();
    for (YamlNode item : document.list(owner, "ceiling")) {
      item.asMap("A ceiling rule of " + owner).ifPresent(map -> {
        String what = "the ceiling rule of " + owner;
        map.allowOnly(what, CEILING_KEYS);
        List<String> roles = map.textList(what, "roles");
        Set<Classification> classifications = AccessParser.classifications(map, what, problems);
        if (roles.isEmpty() || classifications.isEmpty()) {
          problems.error(map.location(), "%s needs 'roles' and 'classifications', e.g. 'roles: [actuary]' and "
              + "'classifications: [public, internal]'.", ProductParser.capitalize(what));
          return;
        }
        rules.add(new Delegation.CeilingRule(map.textList(what, "products"), new HashSet<>(roles), classifications,
            map.location()));
      });
    }
    return Optional.of(rules);
  }

  static List<Delegation.Group> groups(YamlMap document, String owner, Problems problems) {
    List<Delegation.Group> groups = new ArrayList<>();
    for (YamlNode item : document.list(owner, "groups")) {
      item.asMap("A group of " + owner).ifPresent(map -> {
        Optional<String> name = map.requiredText("A group of " + owner, "name", "pricing");
        String what = "group " + name.orElse("(unnamed)") + " of " + owner;
        map.allowOnly(what, GROUP_KEYS);
        List<String> members = map.textList(what, "members");
        if (members.isEmpty()) {
          problems.error(map.location(), "%s has no members. Add e.g. 'members: [actuarial-team]'.",
              ProductParser.capitalize(what));
        }
        name.ifPresent(text -> groups.add(new Delegation.Group(text, members, map.textList(what, "roles"),
            map.locationOf("name"))));
      });
    }
    return groups;
  }

  static List<Delegation.Grant> grants(YamlMap document, String owner, Problems problems) {
    List<Delegation.Grant> grants = new ArrayList<>();
    for (YamlNode item : document.list(owner, "grants")) {
      item.asMap("A grant of " + owner).flatMap(map -> grant(map, owner, problems)).ifPresent(grants::add);
    }
    return grants;
  }

  private static Optional<Delegation.Grant> grant(YamlMap map, String owner, Problems problems) {
    Optional<String> to = map.requiredText("A grant of " + owner, "to", "actuarial-team");
    Optional<String> product = map.requiredText("A grant of " + owner, "product", "loss_ratio");
    Optional<String> role = map.requiredText("A grant of " + owner, "role", "actuary");
    String what = "the grant of " + product.orElse("(unnamed)") + " to " + to.orElse("(unnamed)");
    map.allowOnly(what, GRANT_KEYS);
    Set<Classification> classifications = AccessParser.classifications(map, what, problems);
    if (classifications.isEmpty() && !map.has("classifications")) {
      problems.error(map.location(), "%s is missing 'classifications'. List what it may read, e.g. "
          + "'classifications: [public, internal]'.", ProductParser.capitalize(what));
    }
    Optional<RowFilter> rowFilter = map.optionalText(what, "rowFilter").flatMap(expression -> {
      try {
        List<SqlToken> columns = RowFilterParser.columns(expression);
        return Optional.of(new RowFilter(expression.trim(), columns.stream().map(SqlToken::name).toList(),
            map.locationOf("rowFilter")));
      } catch (SqlSyntaxException e) {
        problems.error(map.locationOf("rowFilter"), "Invalid row filter in %s: %s", what, e.getMessage());
        return Optional.empty();
      }
    });
    if (to.isEmpty() || product.isEmpty() || role.isEmpty() || classifications.isEmpty()
        || map.has("rowFilter") && rowFilter.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Delegation.Grant(to.get(), product.get(), role.get(), classifications, rowFilter,
        map.locationOf("to")));
  }
}
