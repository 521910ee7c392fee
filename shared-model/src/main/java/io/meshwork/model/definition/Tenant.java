package io.meshwork.model.definition;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer organisation: its AWS account, what it subscribes to, how it customises it, which of its IAM roles
 * deliver its source files, and which of its products run on another engine than their definition says (its
 * largest products, for a large tenant).
 */
public record Tenant(String id, String displayName, Account account, List<Subscription> subscriptions,
    List<Override> overrides, List<Principal> principals, List<DeliveringPrincipal> deliveringPrincipals,
    Location location, Delegation delegation, Map<String, EngineChoice> engines) {

  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(account, "account");
    subscriptions = List.copyOf(subscriptions);
    overrides = List.copyOf(overrides);
    principals = List.copyOf(principals);
    deliveringPrincipals = List.copyOf(deliveringPrincipals);
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(delegation, "delegation");
    engines = Map.copyOf(engines);
  }

  /** A tenant whose products all run on the engines their definitions name. */
  public Tenant(String id, String displayName, Account account, List<Subscription> subscriptions,
      List<Override> overrides, List<Principal> principals, List<DeliveringPrincipal> deliveringPrincipals,
      Location location, Delegation delegation) {
    this(id, displayName, account, subscriptions, overrides, principals, deliveringPrincipals, location, delegation,
        Map.of());
  }

  /** A tenant without admins, ceiling, groups or grants. */
  public Tenant(String id, String displayName, Account account, List<Subscription> subscriptions,
      List<Override> overrides, List<Principal> principals, List<DeliveringPrincipal> deliveringPrincipals,
      Location location) {
    this(id, displayName, account, subscriptions, overrides, principals, deliveringPrincipals, location,
        Delegation.NONE);
  }

  /** A tenant whose files nobody delivers through its bucket, with admins, ceiling, groups and grants. */
  public Tenant(String id, String displayName, Account account, List<Subscription> subscriptions,
      List<Override> overrides, List<Principal> principals, Location location, Delegation delegation) {
    this(id, displayName, account, subscriptions, overrides, principals, List.of(), location, delegation);
  }

  /** This tenant with a workspace's principals, overrides, groups and grants added. */
  public Tenant withWorkspace(List<Override> moreOverrides, List<Principal> morePrincipals,
      List<Delegation.Group> groups, List<Delegation.Grant> grants, Location document) {
    return new Tenant(id, displayName, account, subscriptions,
        java.util.stream.Stream.concat(overrides.stream(), moreOverrides.stream()).toList(),
        java.util.stream.Stream.concat(principals.stream(), morePrincipals.stream()).toList(), deliveringPrincipals,
        location, delegation.withWorkspace(groups, grants, document), engines);
  }

  /** The catalogue roles {@code principal} holds itself and through its groups. */
  public List<String> rolesOf(Principal principal) {
    java.util.Set<String> roles = new java.util.LinkedHashSet<>(principal.roles());
    delegation.groupsOf(principal.name()).forEach(group -> roles.addAll(group.roles()));
    return List.copyOf(roles);
  }

  /** A tenant whose files nobody delivers through its bucket (deliveries come through {@code mesh ingest} only). */
  public Tenant(String id, String displayName, Account account, List<Subscription> subscriptions,
      List<Override> overrides, List<Principal> principals, Location location) {
    this(id, displayName, account, subscriptions, overrides, principals, List.of(), location, Delegation.NONE);
  }

  /** The engine the tenant chose for one product, and where it said so. */
  public record EngineChoice(String product, Engine engine, Location location) {
    public EngineChoice {
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(engine, "engine");
      Objects.requireNonNull(location, "location");
    }
  }

  /** The tenant's AWS account; the id is empty until the account exists. */
  public record Account(String email, Optional<String> id, String region, Location location) {
    public Account {
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(location, "location");
    }
  }

  /** A product the tenant buys, the versions it accepts, its parameter values and an optional own schedule. */
  public record Subscription(String product, VersionRange versions, List<Assignment> parameters,
      Optional<Schedule> schedule, Location location) {
    public Subscription {
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(versions, "versions");
      parameters = List.copyOf(parameters);
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(location, "location");
    }
  }

  /** A parameter value as the tenant wrote it; typed against the product's parameter when planned. */
  public record Assignment(String name, Scalar value, Location location) {
    public Assignment {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(location, "location");
    }
  }

  /** The tenant's own transform for a managed product; the provider's contract still applies. */
  public record Override(String product, Transform transform, String reason, Location location) {
    public Override {
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(transform, "transform");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(location, "location");
    }
  }

  /** A person or role of the tenant's, and the catalogue roles it holds. */
  public record Principal(String name, Optional<String> arn, List<String> roles, Location location) {
    public Principal {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arn, "arn");
      roles = List.copyOf(roles);
      Objects.requireNonNull(location, "location");
    }
  }

  /**
   * An IAM role of the tenant's own account that may write source deliveries under {@code landing/} of the tenant's
   * data bucket, and nothing else there.
   *
   * @param arn {@code arn:<partition>:iam::<tenant account>:role/<path/name>}, checked by the parser
   */
  public record DeliveringPrincipal(String arn, Location location) {
    public DeliveringPrincipal {
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(location, "location");
    }

    /** The account the role belongs to: the fifth field of its ARN. */
    public String accountId() {
      return arn.split(":", 6)[4];
    }
  }
}
