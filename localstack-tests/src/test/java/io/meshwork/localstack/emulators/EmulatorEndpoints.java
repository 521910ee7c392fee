package io.meshwork.localstack.emulators;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the emulated AWS APIs answer, and how to build real SDK clients against them.
 *
 * @param aws the LocalStack-compatible endpoint (S3, Glue, Step Functions, Scheduler, EventBridge, Lambda, ...)
 * @param lakeFormation the endpoint serving Lake Formation (moto when started here)
 * @param region the region of every client
 */
public record EmulatorEndpoints(URI aws, URI lakeFormation, Region region) {

  /** Dummy credentials: the emulators accept any, and real ones must never be sent to them. */
  public static final String ACCESS_KEY_ID = "test";
  public static final String SECRET_ACCESS_KEY = "test";
  public static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));

  public EmulatorEndpoints {
    Objects.requireNonNull(aws, "aws");
    Objects.requireNonNull(lakeFormation, "lakeFormation");
    Objects.requireNonNull(region, "region");
  }

  /** {@code builder} aimed at the main emulator, e.g. {@code endpoints.aws(GlueClient.builder()).build()}. */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B aws(B builder) {
    return configure(builder, aws);
  }

  /** {@code builder} aimed at the Lake Formation endpoint. */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B lakeFormation(B builder) {
    return configure(builder, lakeFormation);
  }

  /** An S3 client with path-style addressing: emulators on a loopback address have no bucket host names. */
  public S3Client s3() {
    return aws(S3Client.builder()).forcePathStyle(true).build();
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder, URI endpoint) {
    // Explicit HTTP client: the SDK refuses to choose when several implementations are on the classpath.
    return builder.endpointOverride(endpoint).region(region).credentialsProvider(CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder());
  }
}
