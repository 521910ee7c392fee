package io.meshwork.cdk;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where the app deploys what, from CDK context ({@code cdk synth -c key=value}) with the CLI's environment as the
 * fallback:
 * <ul>
 *   <li>{@code meshwork:managementAccount}: the organisation's management account, home of the organisation stack;
 *       default {@code CDK_DEFAULT_ACCOUNT}.</li>
 *   <li>{@code meshwork:providerAccount}: the provider's account, home of the provider stack and its central run
 *       bus; default {@code CDK_DEFAULT_ACCOUNT}. Without it the tenants' run events stay in their accounts.</li>
 *   <li>{@code meshwork:providerRegion}: the provider stack's region; default {@code CDK_DEFAULT_REGION}, else
 *       {@value #DEFAULT_REGION}.</li>
 *   <li>{@code meshwork:tenants}: a comma-separated list of tenant ids; only their tenant stacks are built (no
 *       organisation or provider stack), so that synthesizing one tenant of many is quick. Default: every stack.</li>
 *   <li>{@code meshwork:accountShards}: how many stacks the tenants' accounts are spread over; default
 *       {@value #DEFAULT_ACCOUNT_SHARDS} (room for about 1,300 tenants; see {@link TenantAccountsStack}).</li>
 * </ul>
 * Tenant stacks go to the account and region of each tenant's definition; a tenant whose account has no id yet is
 * synthesized for {@code CDK_DEFAULT_ACCOUNT}, or account-agnostic.
 */
record DeploymentSettings(Optional<String> defaultAccount, Optional<String> managementAccount,
    Optional<String> providerAccount, String providerRegion, Optional<Set<String>> tenants, int accountShards) {

  static final String DEFAULT_REGION = "eu-central-2";
  static final String MANAGEMENT_ACCOUNT = "meshwork:managementAccount";
  static final String PROVIDER_ACCOUNT = "meshwork:providerAccount";
  static final String PROVIDER_REGION = "meshwork:providerRegion";
  static final String TENANTS = "meshwork:tenants";
  static final String ACCOUNT_SHARDS = "meshwork:accountShards";
  static final int DEFAULT_ACCOUNT_SHARDS = 10;

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

  DeploymentSettings {
    defaultAccount.ifPresent(account -> check(account, ACCOUNT, "CDK_DEFAULT_ACCOUNT", "a 12-digit account id"));
    managementAccount.ifPresent(account -> check(account, ACCOUNT, MANAGEMENT_ACCOUNT, "a 12-digit account id"));
    providerAccount.ifPresent(account -> check(account, ACCOUNT, PROVIDER_ACCOUNT, "a 12-digit account id"));
    check(providerRegion, REGION, PROVIDER_REGION, "a region such as eu-central-2");
    tenants = tenants.map(Set::copyOf);
    if (accountShards < 1 || accountShards > 99) {
      throw new IllegalArgumentException("Invalid " + ACCOUNT_SHARDS + " '" + accountShards
          + "': expected a number from 1 to 99.");
    }
  }

  /** Settings from CDK context values and environment variables. */
  static DeploymentSettings from(Function<String, Object> context, Map<String, String> environment) {
    Optional<String> defaultAccount = text(environment.get("CDK_DEFAULT_ACCOUNT"));
    return new DeploymentSettings(defaultAccount,
        text(context.apply(MANAGEMENT_ACCOUNT)).or(() -> defaultAccount),
        text(context.apply(PROVIDER_ACCOUNT)).or(() -> defaultAccount),
        text(context.apply(PROVIDER_REGION)).or(() -> text(environment.get("CDK_DEFAULT_REGION")))
            .orElse(DEFAULT_REGION),
        text(context.apply(TENANTS)).map(list -> new LinkedHashSet<>(Arrays.stream(list.split(","))
            .map(String::strip).filter(id -> !id.isEmpty()).toList())),
        text(context.apply(ACCOUNT_SHARDS)).map(DeploymentSettings::shards).orElse(DEFAULT_ACCOUNT_SHARDS));
  }

  private static int shards(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException("Invalid " + ACCOUNT_SHARDS + " '" + value
          + "': expected a number from 1 to 99.");
    }
  }

  /** The ARN of the provider's central run bus, once the provider account is known. */
  Optional<String> centralBusArn() {
    return providerAccount.map(account -> "arn:aws:events:" + providerRegion + ":" + account + ":event-bus/"
        + ProviderStack.RUN_BUS_NAME);
  }

  private static Optional<String> text(Object value) {
    return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
  }

  private static void check(String value, Pattern pattern, String name, String expected) {
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("Invalid " + name + " '" + value + "': expected " + expected + ".");
    }
  }
}
