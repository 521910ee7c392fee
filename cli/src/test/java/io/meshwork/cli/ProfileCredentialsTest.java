package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/** The credentials provider Iceberg's Glue and S3 clients build for --profile, from the catalog properties. */
class ProfileCredentialsTest {

  @Test
  void theProfileProperty_namesTheProfileRead() {
    assertThat(ProfileCredentials.create(Map.of(ProfileCredentials.PROFILE, "alpina-admin")))
        .isInstanceOf(ProfileCredentialsProvider.class)
        .asString().contains("profileName=alpina-admin");
  }

  @Test
  void withoutAProfile_theCatalogCannotStart() {
    assertThatThrownBy(() -> ProfileCredentials.create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("client.credentials-provider.profile names no profile");
  }
}
