package io.meshwork.localstack.emulators;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An AWS account of its own in the emulator. MiniStack (like LocalStack) takes a 12-digit access key id as the
 * account id of the request, so each test can work in a fresh account, as each tenant has one: its Glue Data
 * Catalog, buckets and stacks are separate from every other test's, also on a long-lived external emulator.
 *
 * @param id the 12-digit account id, which is also the access key id of its dummy credentials
 */
public record EmulatorAccount(String id, EmulatorEndpoints endpoints) {

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  public EmulatorAccount {
    Objects.requireNonNull(endpoints, "endpoints");
    if (id == null || !ACCOUNT_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("An account id has 12 digits; got " + id);
    }
  }

  /** A new account no other test uses (random, never 000000000000, the emulator's default). */
  public static EmulatorAccount fresh(EmulatorEndpoints endpoints) {
    return new EmulatorAccount(Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L,
        1_000_000_000_000L)), endpoints);
  }

  /** Dummy credentials that select this account. */
  public AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, EmulatorEndpoints.SECRET_ACCESS_KEY));
  }

  /** {@code builder} aimed at the emulator, acting in this account. */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B client(B builder) {
    return endpoints.aws(builder).credentialsProvider(credentials());
  }

  /** An S3 client of this account with path-style addressing. */
  public S3Client s3() {
    return client(S3Client.builder()).forcePathStyle(true).build();
  }
}
