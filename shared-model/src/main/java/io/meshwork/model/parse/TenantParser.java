package io.meshwork.model.parse;

import io.meshwork.model.definition.Delegation;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Schedule;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.definition.Transform;
import io.meshwork.model.definition.VersionRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a {@code kind: Tenant} document. */
final class TenantParser {

  private static final List<String> KEYS = List.of("apiVersion", "kind", "id", "displayName", "account",
      "subscriptions", "overrides", "principals", "deliveringPrincipals", "admins", "ceiling", "engines");
  private static final List<String> ACCOUNT_KEYS = List.of("email", "id", "region");
  private static final List<String> SUBSCRIPTION_KEYS = List.of("product", "version", "parameters", "schedule");
  private static final List<String> OVERRIDE_KEYS = List.of("product", "transform", "reason");
  private static final List<String> PRINCIPAL_KEYS = List.of("name", "arn", "roles");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d");
  private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(role|user|group)/[\\w+=,.@/-]{1,512}");

  private TenantParser() {
  }

  static Optional<Tenant> parse(YamlMap document, DocumentContext context) {
    Problems problems = context.problems();
    Optional<String> id = document.requiredText("The Tenant", "id", "alpina")
        .flatMap(text -> Names.tenantId(problems, document.locationOf("id"), text));
    String what = "tenant " + id.orElse("(unnamed)");
    document.allowOnly(what, KEYS);
    Optional<String> displayName = document.requiredText(ProductParser.capitalize(what), "displayName",
        "Alpina Krankenkasse");
    Optional<Tenant.Account> account = account(document, what, problems);
    List<Tenant.Subscription> subscriptions = subscriptions(document, what, problems);
    List<Tenant.Override> overrides = overrides(document, what, context);
    List<Tenant.Principal> principals = principals(document, what, problems, true);
    Delegation delegation = new Delegation(DelegationParser.admins(document, what, problems),
        DelegationParser.ceiling(document, what, problems), List.of(), List.of(), Optional.empty());
    List<Tenant.DeliveringPrincipal> delivering = DeliveringPrincipals.parse(document, what,
        account.flatMap(Tenant.Account::id), problems);
    Map<String, Tenant.EngineChoice> engines = engines(document, what, context);
    if (id.isEmpty() || displayName.isEmpty() || account.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Tenant(id.get(), displayName.get(), account.get(), subscriptions, overrides, principals,
        delivering, document.location(), delegation, engines));
  }

  /** The optional {@code engines} map: product name to the engine it runs on for this tenant. */
  private static Map<String, Tenant.EngineChoice> engines(YamlMap document, String what, DocumentContext context) {
    Map<String, Tenant.EngineChoice> engines = new java.util.TreeMap<>();
    document.optionalMap(what, "engines").ifPresent(map -> {
      for (String product : map.keys()) {
        context.engine(map, product, "product " + product + " in 'engines' of " + what)
            .ifPresent(engine -> engines.put(product, new Tenant.EngineChoice(product, engine,
                map.keyLocation(product))));
      }
    });
    return engines;
  }

  private static Optional<Tenant.Account> account(YamlMap document, String what, Problems problems) {
    if (!document.has("account")) {
      problems.error(document.location(), "%s is missing 'account'. Add 'account: {email: ..., region: "
          + "eu-central-2}'.", ProductParser.capitalize(what));
      return Optional.empty();
    }
    return document.optionalMap(what, "account").flatMap(map -> {
      String context = "The account of " + what;
      map.allowOnly("the account of " + what, ACCOUNT_KEYS);
      Optional<String> email = map.requiredText(context, "email", "aws+tenant@example.ch").filter(text -> {
        boolean valid = EMAIL.matcher(text).matches();
        if (!valid) {
          problems.error(map.locationOf("email"), "Invalid account email '%s' of %s. AWS Organizations needs a "
              + "unique address such as aws+tenant@example.ch.", text, what);
        }
        return valid;
      });
      Optional<String> accountId = map.optionalText(context, "id").filter(text -> {
        boolean valid = ACCOUNT_ID.matcher(text).matches();
        if (!valid) {
          problems.error(map.locationOf("id"), "Invalid AWS account id '%s' of %s: write the 12 digits in quotes, "
              + "e.g. \"111122223333\".", text, what);
        }
        return valid;
      });
      Optional<String> region = map.requiredText(context, "region", "eu-central-2").filter(text -> {
        boolean valid = REGION.matcher(text).matches();
        if (!valid) {
          problems.error(map.locationOf("region"), "Invalid AWS region '%s' of %s, e.g. eu-central-2 (Zurich).",
              text, what);
        }
        return valid;
      });
      if (email.isEmpty() || region.isEmpty() || map.has("id") && accountId.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Tenant.Account(email.get(), accountId, region.get(), map.location()));
    });
  }

  private static List<Tenant.Subscription> subscriptions(YamlMap document, String what, Problems problems) {
    List<Tenant.Subscription> subscriptions = new ArrayList<>();
    Map<String, Tenant.Subscription> byProduct = new HashMap<>();
    for (YamlNode item : document.list(what, "subscriptions")) {
      item.asMap("A subscription of " + what).flatMap(map -> subscription(map, what, problems))
          .ifPresent(subscription -> {
            Tenant.Subscription previous = byProduct.putIfAbsent(subscription.product(), subscription);
            if (previous != null) {
              problems.error(subscription.location(), "Tenant subscribes to '%s' twice (first at line %d). Keep one "
                  + "subscription per product.", subscription.product(), previous.location().line());
            } else {
              subscriptions.add(subscription);
            }
          });
    }
    return subscriptions;
  }

  private static Optional<Tenant.Subscription> subscription(YamlMap map, String owner, Problems problems) {
    Optional<String> product = map.requiredText("A subscription of " + owner, "product", "loss_ratio");
    String what = "the subscription to " + product.orElse("(unnamed)") + " of " + owner;
    map.allowOnly(what, SUBSCRIPTION_KEYS);
    Optional<VersionRange> range = Fields.range(map, what, problems);
    List<Tenant.Assignment> parameters = new ArrayList<>();
    map.optionalMap(what, "parameters").ifPresent(values -> {
      for (String name : values.keys()) {
        values.get(name).flatMap(node -> node.asScalar("Parameter '" + name + "' of " + what))
            .ifPresent(scalar -> parameters.add(new Tenant.Assignment(name, scalar, values.keyLocation(name))));
      }
    });
    Optional<Schedule> schedule = Fields.schedule(map, what, problems);
    if (product.isEmpty() || range.isEmpty() || map.has("schedule") && schedule.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Tenant.Subscription(product.get(), range.get(), parameters, schedule,
        map.locationOf("product")));
  }

  /** The {@code overrides} of a tenant file or workspace. */
  static List<Tenant.Override> overrides(YamlMap document, String what, DocumentContext context) {
    List<Tenant.Override> overrides = new ArrayList<>();
    for (YamlNode item : document.list(what, "overrides")) {
      item.asMap("An override of " + what).flatMap(map -> override(map, what, context)).ifPresent(overrides::add);
    }
    return overrides;
  }

  /** The {@code principals} of a tenant file or workspace; {@code needRoles}: each must hold a role itself. */
  static List<Tenant.Principal> principals(YamlMap document, String what, Problems problems, boolean needRoles) {
    List<Tenant.Principal> principals = new ArrayList<>();
    for (YamlNode item : document.list(what, "principals")) {
      item.asMap("A principal of " + what).flatMap(map -> principal(map, what, problems, needRoles))
          .ifPresent(principals::add);
    }
    return principals;
  }

  /** The optional {@code arn} of a principal or admin, checked to be an IAM ARN. */
  static Optional<String> arn(YamlMap map, String what, Problems problems) {
    return map.optionalText(what, "arn").filter(text -> {
      boolean valid = ARN.matcher(text).matches();
      if (!valid) {
        problems.error(map.locationOf("arn"), "Invalid IAM ARN '%s' of %s, e.g. "
            + "arn:aws:iam::111122223333:role/actuaries.", text, what);
      }
      return valid;
    });
  }

  private static Optional<Tenant.Override> override(YamlMap map, String owner, DocumentContext context) {
    Optional<String> product = map.requiredText("An override of " + owner, "product", "claims_clean");
    String what = "the override of " + product.orElse("(unnamed)") + " by " + owner;
    map.allowOnly(what, OVERRIDE_KEYS);
    Optional<Transform> transform = context.transform(map, ProductParser.capitalize(what));
    String reason = map.optionalText(what, "reason").orElse("");
    if (product.isEmpty() || transform.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Tenant.Override(product.get(), transform.get(), reason, map.locationOf("product")));
  }

  private static Optional<Tenant.Principal> principal(YamlMap map, String owner, Problems problems,
      boolean needRoles) {
    Optional<String> name = map.requiredText("A principal of " + owner, "name", "actuarial-team");
    String what = "principal " + name.orElse("(unnamed)") + " of " + owner;
    map.allowOnly(what, PRINCIPAL_KEYS);
    Optional<String> arn = arn(map, what, problems);
    List<String> roles = map.textList(what, "roles");
    if (roles.isEmpty() && needRoles) {
      problems.error(map.location(), "%s has no roles. Add e.g. 'roles: [actuary]'.",
          ProductParser.capitalize(what));
    }
    if (name.isEmpty() || map.has("arn") && arn.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Tenant.Principal(name.get(), arn, roles, map.locationOf("name")));
  }
}
