package io.meshwork.cli;

import io.meshwork.engine.storage.StagedTenantStorage;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * How {@code mesh} reaches a tenant's own AWS account: the SDK's default credential and region chains, narrowed by
 * {@code --profile} and {@code --region}, and an endpoint override for emulators. Credentials and region are
 * resolved before any call, so their absence is a user error naming what to set, not an SDK stack trace.
 */
final class AwsOption {

  /** The standard variable of the AWS SDKs and CLI for an endpoint override. */
  static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

  @Option(names = "--region", paramLabel = "REGION",
      description = "AWS region of the tenant's account (default: the contract's aws server for contract verify, "
          + "else AWS_REGION or the profile's region).")
  String region;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "A named profile of ~/.aws/config and ~/.aws/credentials (default: the SDK's default chain: "
          + "AWS_PROFILE, environment variables, the default profile, container or instance role).")
  String profile;

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "Send every AWS call to this endpoint instead of AWS's (an emulator; default: $"
          + ENDPOINT_VARIABLE + "). Buckets are then addressed by path.")
  String endpointUrl;

  /** The endpoint override: {@code --endpoint-url}, else {@code AWS_ENDPOINT_URL}, checked to be a URL. */
  Optional<URI> endpoint() {
    String url = endpointUrl != null ? endpointUrl : System.getenv(ENDPOINT_VARIABLE);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(url, "needs a scheme and a host");
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw new UserInputException("The endpoint '" + url + "' is not a URL such as http://localhost:4566 ("
          + (endpointUrl != null ? "--endpoint-url" : ENDPOINT_VARIABLE) + ").");
    }
  }

  /** The credentials: those of {@code --profile}, else the default chain; resolved once to fail early. */
  AwsCredentialsProvider credentials() {
    AwsCredentialsProvider provider = profile == null ? DefaultCredentialsProvider.builder().build()
        : ProfileCredentialsProvider.create(profile);
    try {
      provider.resolveCredentials();
    } catch (SdkClientException e) {
      throw new UserInputException("No AWS credentials " + (profile == null ? "were found" : "in profile '" + profile
          + "'") + " (" + firstLine(e.getMessage()) + "). Sign in to the tenant's account first: pass --profile NAME "
          + "of a profile with keys or a role, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and "
          + "AWS_SESSION_TOKEN), e.g. with 'aws configure export-credentials --format env'.");
    }
    return provider;
  }

  /** The region: {@code --region}, else {@code fallback} (e.g. the contract's), else the SDK's region chain. */
  Region region(Optional<String> fallback) {
    Optional<String> chosen = Optional.ofNullable(region).or(() -> fallback);
    if (chosen.isPresent()) {
      return Region.of(chosen.get());
    }
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      if (profile != null) {
        chain.profileName(profile);
      }
      return chain.build().getRegion();
    } catch (SdkClientException e) {
      throw new UserInputException("No AWS region is set: pass --region (e.g. --region eu-central-2) or set "
          + "AWS_REGION" + (profile == null ? "" : ", or give profile '" + profile + "' a region") + ".");
    }
  }

  /**
   * The Iceberg catalog properties of the Glue Data Catalog and S3 these options reach, for reading only (no
   * warehouse): region, profile and endpoint as given.
   */
  Map<String, String> glueCatalog(Region resolved) {
    credentials();
    Optional<URI> endpoint = endpoint();
    Map<String, String> properties = new LinkedHashMap<>(StagedTenantStorage.glueProperties(
        endpoint.map(URI::toString), endpoint.isPresent()));
    properties.put("client.region", resolved.id());
    if (profile != null) {
      properties.put("client.credentials-provider", ProfileCredentials.class.getName());
      properties.put("client.credentials-provider." + ProfileCredentials.PROFILE, profile);
    }
    return properties;
  }

  /** The SDK's first sentence, without the list of every provider it tried. */
  private static String firstLine(String message) {
    String line = message == null ? "no detail" : message.lines().findFirst().orElse("").trim();
    int chain = line.indexOf(" AwsCredentialsProviderChain(");
    return chain > 0 ? line.substring(0, chain) : line;
  }
}
