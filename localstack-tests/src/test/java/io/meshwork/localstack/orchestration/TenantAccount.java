package io.meshwork.localstack.orchestration;

import io.meshwork.localstack.emulators.EmulatorEndpoints;
import java.util.List;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The SDK clients of one tenant's account in the emulator (see {@link TenantAccountCredentials}). */
final class TenantAccount implements AutoCloseable {

  private final String accountId;
  private final String region;
  private final S3Client s3;
  private final LambdaClient lambda;
  private final SfnClient sfn;
  private final SchedulerClient scheduler;
  private final EventBridgeClient events;
  private final SnsClient sns;

  TenantAccount(EmulatorEndpoints endpoints, String accountId) {
    TenantAccountCredentials credentials = TenantAccountCredentials.of(accountId);
    this.accountId = accountId;
    this.region = endpoints.region().id();
    this.s3 = endpoints.aws(S3Client.builder()).credentialsProvider(credentials).forcePathStyle(true).build();
    this.lambda = endpoints.aws(LambdaClient.builder()).credentialsProvider(credentials).build();
    this.sfn = endpoints.aws(SfnClient.builder()).credentialsProvider(credentials).build();
    this.scheduler = endpoints.aws(SchedulerClient.builder()).credentialsProvider(credentials).build();
    this.events = endpoints.aws(EventBridgeClient.builder()).credentialsProvider(credentials).build();
    this.sns = endpoints.aws(SnsClient.builder()).credentialsProvider(credentials).build();
  }

  String accountId() {
    return accountId;
  }

  String region() {
    return region;
  }

  /** The ARN of a resource of this account and region, e.g. {@code arn("iam", "role/x")} without the region. */
  String arn(String service, String resource) {
    return "arn:aws:" + service + ":" + ("iam".equals(service) ? "" : region) + ":" + accountId + ":" + resource;
  }

  S3Client s3() {
    return s3;
  }

  LambdaClient lambda() {
    return lambda;
  }

  SfnClient sfn() {
    return sfn;
  }

  SchedulerClient scheduler() {
    return scheduler;
  }

  EventBridgeClient events() {
    return events;
  }

  SnsClient sns() {
    return sns;
  }

  @Override
  public void close() {
    List.<SdkClient>of(s3, lambda, sfn, scheduler, events, sns).forEach(SdkClient::close);
  }
}
