package io.meshwork.localstack.orchestration;

import io.meshwork.localstack.emulators.EmulatorEndpoints;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Dummy credentials that select a tenant's account in MiniStack, which keeps the resources of each 12-digit access
 * key apart the way AWS keeps accounts apart. Each tenant has its own account on AWS, so the tenant's Glue tables,
 * functions and state machine live in the tenant's account here too, apart from other tests' tables of the same
 * names. Public with a static {@code create(Map)}: Iceberg's {@code client.credentials-provider} builds it by name.
 */
public final class TenantAccountCredentials implements AwsCredentialsProvider {

  /** The Iceberg catalog property (after {@code client.credentials-provider.}) that names the account. */
  static final String ACCOUNT_PROPERTY = "account-id";
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  private final AwsBasicCredentials credentials;

  private TenantAccountCredentials(String accountId) {
    if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
      throw new IllegalArgumentException("Not a 12-digit account id: " + accountId);
    }
    this.credentials = AwsBasicCredentials.create(accountId, EmulatorEndpoints.SECRET_ACCESS_KEY);
  }

  static TenantAccountCredentials of(String accountId) {
    return new TenantAccountCredentials(accountId);
  }

  /** Iceberg's factory method: the account is the property {@value #ACCOUNT_PROPERTY}. */
  public static TenantAccountCredentials create(Map<String, String> properties) {
    return new TenantAccountCredentials(properties.get(ACCOUNT_PROPERTY));
  }

  String accountId() {
    return credentials.accessKeyId();
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return credentials;
  }
}
