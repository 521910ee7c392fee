package io.meshwork.localstack.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.meshwork.localstack.emulators.EmulatorAccount;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * What {@code cdk bootstrap} and {@code cdk deploy} do before CloudFormation runs, done in an emulator account with
 * the same SDK calls: the bootstrap version parameter the template's {@code CheckBootstrapVersion} rule reads, the
 * assets bucket, every file asset uploaded where the template expects it (the functions jar), and the template
 * itself uploaded there, since a tenant template is far beyond CreateStack's 51,200-byte inline limit.
 * The bootstrap stack's roles are not created: the emulator does not assume them.
 */
final class CdkBootstrap {

  private final EmulatorAccount account;
  private final String region;

  CdkBootstrap(EmulatorAccount account, String region) {
    this.account = account;
    this.region = region;
  }

  /** Prepares the account for {@code stack}; returns the TemplateURL of {@code template} for CreateStack. */
  String prepare(AssemblyStack stack, EmulatorTemplate template) {
    try (SsmClient ssm = account.client(SsmClient.builder()).build()) {
      // The version the template requires: its rule rejects anything older.
      ssm.putParameter(request -> request.name(stack.bootstrapVersionParameter()).type(ParameterType.STRING)
          .value(Integer.toString(stack.requiredBootstrapVersion())).overwrite(true));
    }
    Map<String, String> uploaded = new LinkedHashMap<>();
    try (S3Client s3 = account.s3()) {
      stack.assets().path("files").fields().forEachRemaining(asset -> {
        JsonNode source = asset.getValue().path("source");
        if (!"file".equals(source.path("packaging").asText())) {
          throw new IllegalStateException("Asset " + asset.getKey() + " of " + stack.name() + " is packaged as "
              + source.path("packaging").asText() + "; only file assets are published here.");
        }
        Path file = stack.directory().resolve(source.path("path").asText());
        asset.getValue().path("destinations").forEach(destination -> {
          String bucket = substitute(destination.path("bucketName").asText());
          String key = substitute(destination.path("objectKey").asText());
          ensureBucket(s3, bucket);
          s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(file));
          uploaded.put(key, bucket);
        });
      });
      String bucket = uploaded.values().stream().findFirst()
          .orElseThrow(() -> new IllegalStateException(stack.name() + " has no assets, not even its template"));
      String key = stack.name() + ".emulator.template.json";
      s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(json(template)));
      return "https://s3." + region + ".amazonaws.com/" + bucket + "/" + key;
    }
  }

  private void ensureBucket(S3Client s3, String bucket) {
    try {
      s3.headBucket(request -> request.bucket(bucket));
    } catch (NoSuchBucketException missing) {
      s3.createBucket(request -> request.bucket(bucket).createBucketConfiguration(configuration ->
          configuration.locationConstraint(BucketLocationConstraint.fromValue(region))));
    }
  }

  /** The placeholders of an asset manifest ({@code ${AWS::AccountId}} in bucket names of agnostic stacks). */
  private String substitute(String text) {
    return text.replace("${AWS::AccountId}", account.id()).replace("${AWS::Region}", region)
        .replace("${AWS::Partition}", "aws");
  }

  private static String json(EmulatorTemplate template) {
    try {
      return AssemblyStack.JSON.writeValueAsString(template.template());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the template", e);
    }
  }
}
