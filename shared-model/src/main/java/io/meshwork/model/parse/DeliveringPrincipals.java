package io.meshwork.model.parse;

import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a tenant's optional {@code deliveringPrincipals}: the IAM roles of its own account that may write source
 * deliveries under {@code landing/} of its data bucket. Each ARN becomes a principal of the bucket policy, so only a
 * plain role ARN of the tenant's account passes: no wildcard, user, group, service or other account.
 */
final class DeliveringPrincipals {

  static final String KEY = "deliveringPrincipals";

  /** A role ARN; group 2 is the account. IAM allows paths, and names of up to 64 of these characters. */
  static final Pattern ROLE_ARN = Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):role/"
      + "([\\w+=,.@-]{1,64}/)*[\\w+=,.@-]{1,64}");

  private static final String EXAMPLE = "arn:aws:iam::111122223333:role/claims-export";

  private DeliveringPrincipals() {
  }

  /**
   * The delivering principals of {@code document}; each problem is reported at its item. An account id of the tenant
   * that is not known yet is checked against the deployment account when the tenant stack is synthesized.
   */
  static List<Tenant.DeliveringPrincipal> parse(YamlMap document, String what, Optional<String> tenantAccount,
      Problems problems) {
    List<Tenant.DeliveringPrincipal> principals = new ArrayList<>();
    Map<String, Location> seen = new HashMap<>();
    for (YamlNode item : document.list(what, KEY)) {
      Location location = item.location();
      Optional<String> arn = item.asText("Each item of '" + KEY + "' of " + what);
      if (arn.isEmpty()) {
        continue;
      }
      Matcher matcher = ROLE_ARN.matcher(arn.get());
      if (!matcher.matches()) {
        problems.error(location, "Invalid delivering principal '%s' of %s: write the ARN of an IAM role of the"
            + " tenant's account, e.g. %s (no wildcards, users or groups).", arn.get(), what, EXAMPLE);
        continue;
      }
      String account = matcher.group(2);
      if (tenantAccount.isPresent() && !tenantAccount.get().equals(account)) {
        problems.error(location, "Delivering principal %s of %s belongs to account %s, not to the tenant's account"
            + " %s: only roles of the tenant's own account may deliver into its bucket. Name a role of account %s.",
            arn.get(), what, account, tenantAccount.get(), tenantAccount.get());
        continue;
      }
      Location first = seen.putIfAbsent(arn.get(), location);
      if (first != null) {
        problems.error(location, "Delivering principal %s of %s is listed twice (first at line %d). Keep one.",
            arn.get(), what, first.line());
        continue;
      }
      principals.add(new Tenant.DeliveringPrincipal(arn.get(), location));
    }
    return principals;
  }
}
