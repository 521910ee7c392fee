package io.meshwork.localstack.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.localstack.emulators.EmulatorAccount;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudformation.model.ResourceStatus;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/** Checks shared by the deployment tests: what a deployed stack and its template must agree on. */
final class DeployedChecks {

  private DeployedChecks() {
  }

  /** Every resource the deployable template kept is in the stack, created. */
  static void everyKeptResourceCreated(DeployedStack deployed, EmulatorTemplate template) {
    List<String> kept = new ArrayList<>();
    template.template().path("Resources").fieldNames().forEachRemaining(kept::add);
    assertThat(deployed.resources()).containsOnlyKeys(kept);
    assertThat(deployed.resources().values()).extracting(StackResource::resourceStatus)
        .containsOnly(ResourceStatus.CREATE_COMPLETE);
  }

  /** The values of {@code property} of every resource of {@code type} in the template. */
  static List<String> declared(EmulatorTemplate template, String type, String property) {
    List<String> values = new ArrayList<>();
    template.template().path("Resources").forEach(resource -> {
      if (resource.path("Type").asText().equals(type)) {
        values.add(resource.path("Properties").path(property).asText());
      }
    });
    return values;
  }

  /** The template's properties of the deployed resource {@code physicalId}. */
  static JsonNode properties(EmulatorTemplate template, DeployedStack deployed, String physicalId) {
    String logicalId = deployed.resources().values().stream()
        .filter(resource -> physicalId.equals(resource.physicalResourceId())).findFirst().orElseThrow()
        .logicalResourceId();
    return template.template().path("Resources").path(logicalId).path("Properties");
  }

  /** The key's description, state, rotation and only alias; returns its ARN. */
  static String key(KmsClient kms, String keyId, String description, String alias) {
    KeyMetadata key = kms.describeKey(request -> request.keyId(keyId)).keyMetadata();
    assertThat(key.description()).isEqualTo(description);
    assertThat(key.keyState()).isEqualTo(KeyState.ENABLED);
    assertThat(kms.getKeyRotationStatus(request -> request.keyId(keyId)).keyRotationEnabled()).isTrue();
    assertThat(kms.listAliases(request -> request.keyId(keyId)).aliases()).extracting(AliasListEntry::aliasName)
        .containsExactly(alias);
    return key.arn();
  }

  /**
   * A {@code DataBucket} construct with id {@code constructId}: its bucket (SSE-KMS with the key whose logical id
   * starts with {@code keyPrefix}) and its access-log bucket; returns the bucket's name.
   */
  static String dataBucket(EmulatorAccount account, EmulatorTemplate template, DeployedStack deployed,
      String constructId, String keyPrefix) {
    String bucket = deployed.physicalId("AWS::S3::Bucket", constructId + "Bucket");
    String accessLogs = deployed.physicalId("AWS::S3::Bucket", constructId + "AccessLogs");
    declaredEncryption(template, deployed, bucket, keyPrefix);
    declaredEncryption(template, deployed, accessLogs, null);
    try (S3Client s3 = account.s3()) {
      bucket(s3, bucket);
      bucket(s3, accessLogs);
    }
    return bucket;
  }

  /**
   * The template encrypts {@code bucket} by default with the key whose logical id starts with {@code keyPrefix}
   * (SSE-KMS) or with S3-managed keys ({@code keyPrefix} null).
   */
  private static void declaredEncryption(EmulatorTemplate template, DeployedStack deployed, String bucket, String keyPrefix) {
    JsonNode byDefault = properties(template, deployed, bucket).path("BucketEncryption")
        .path("ServerSideEncryptionConfiguration").path(0).path("ServerSideEncryptionByDefault");
    if (keyPrefix == null) {
      assertThat(byDefault.path("SSEAlgorithm").asText()).as(bucket).isEqualTo("AES256");
    } else {
      assertThat(byDefault.path("SSEAlgorithm").asText()).as(bucket).isEqualTo("aws:kms");
      assertThat(byDefault.path("KMSMasterKeyID").path("Fn::GetAtt").path(0).asText()).as(bucket)
          .startsWith(keyPrefix);
    }
  }

  /**
   * Versioning, blocked public access and the bucket policy, as deployed. Default encryption and access logging are
   * the template's only (see {@link #declaredEncryption}): MiniStack's AWS::S3::Bucket provisioner applies
   * versioning, notifications, CORS, public access block and website settings, nothing else, so GetBucketEncryption
   * answers S3's AES256 default and GetBucketLogging nothing. Both are pinned so that an emulator which starts
   * applying them fails here and the check can be tightened.
   */
  private static void bucket(S3Client s3, String bucket) {
    assertThat(s3.getBucketVersioning(request -> request.bucket(bucket)).status()).as(bucket)
        .isEqualTo(BucketVersioningStatus.ENABLED);
    assertThat(s3.getPublicAccessBlock(request -> request.bucket(bucket)).publicAccessBlockConfiguration())
        .as(bucket).returns(true, PublicAccessBlockConfiguration::blockPublicAcls)
        .returns(true, PublicAccessBlockConfiguration::blockPublicPolicy)
        .returns(true, PublicAccessBlockConfiguration::ignorePublicAcls)
        .returns(true, PublicAccessBlockConfiguration::restrictPublicBuckets);
    assertThat(s3.getBucketPolicy(request -> request.bucket(bucket)).policy()).as(bucket)
        .contains("aws:SecureTransport");
    ServerSideEncryptionRule rule = s3.getBucketEncryption(request -> request.bucket(bucket))
        .serverSideEncryptionConfiguration().rules().get(0);
    assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm()).as(bucket)
        .isEqualTo(ServerSideEncryption.AES256);
    assertThat(s3.getBucketLogging(request -> request.bucket(bucket)).loggingEnabled()).as(bucket).isNull();
  }
}
