package io.meshwork.cli;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/**
 * The credentials of a named profile for Iceberg's Glue and S3 clients, which build their credentials provider from
 * a class name and the catalog properties under {@code client.credentials-provider.} (here {@code profile}).
 */
final class ProfileCredentials {

  static final String PROFILE = "profile";

  private ProfileCredentials() {
  }

  /** Called by Iceberg's {@code AwsClientProperties} by reflection, with the prefix already removed. */
  static AwsCredentialsProvider create(Map<String, String> properties) {
    String profile = properties.get(PROFILE);
    if (profile == null || profile.isBlank()) {
      throw new IllegalArgumentException("client.credentials-provider." + PROFILE + " names no profile");
    }
    return ProfileCredentialsProvider.create(profile);
  }
}
