package io.meshwork.cdk.constructs;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * Hosts the provider's marketplace (the static site of {@code mesh catalog build}) in a private bucket behind
 * CloudFront: origin access control (only the distribution reads the bucket), HTTPS only (HTTP is redirected), HSTS
 * and a content security policy that allows nothing from elsewhere, and access logs for both the distribution and
 * the bucket. The site is uploaded with {@code aws s3 sync site/ s3://<bucket>/ --delete}; tenants' portals are
 * never hosted here (they stay in the tenant's account).
 */
public final class MarketplaceHosting extends Construct {

  /** The policy the site needs: everything from itself, nothing inline from elsewhere. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final Bucket site;
  private final Bucket logs;
  private final Distribution distribution;

  public MarketplaceHosting(Construct scope, String id) {
    super(scope, id);
    this.logs = Bucket.Builder.create(this, "Logs")
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        // CloudFront's standard logs are delivered with an ACL, which needs object ownership other than enforced.
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
        .versioned(true)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    this.site = Bucket.Builder.create(this, "Site")
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .versioned(true)
        .serverAccessLogsBucket(logs)
        .serverAccessLogsPrefix("site-bucket/")
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    ResponseHeadersPolicy headers = ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
        .comment("Meshwork marketplace: HSTS, no framing, no sniffing, nothing from elsewhere")
        .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
            .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                .contentSecurityPolicy(CONTENT_SECURITY_POLICY).override(true).build())
            .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                .accessControlMaxAge(Duration.days(365)).includeSubdomains(true).override(true).build())
            .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
            .frameOptions(ResponseHeadersFrameOptions.builder().frameOption(HeadersFrameOption.DENY).override(true).build())
            .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                .referrerPolicy(HeadersReferrerPolicy.SAME_ORIGIN).override(true).build())
            .build())
        .build();
    this.distribution = Distribution.Builder.create(this, "Distribution")
        .comment("Meshwork marketplace")
        .defaultRootObject("index.html")
        .defaultBehavior(BehaviorOptions.builder()
            .origin(S3BucketOrigin.withOriginAccessControl(site))
            .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
            .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
            .responseHeadersPolicy(headers)
            .build())
        .httpVersion(HttpVersion.HTTP2_AND_3)
        .priceClass(PriceClass.PRICE_CLASS_100)
        .enableLogging(true)
        .logBucket(logs)
        .logFilePrefix("distribution/")
        .build();
    NagReasons.suppress(logs, List.of(
        new NagReasons.Reason("AwsSolutions-S1", "This bucket receives the access logs of the site bucket and the "
            + "distribution; logging its own accesses would log into itself."),
        new NagReasons.Reason("HIPAA.Security-S3BucketLoggingEnabled", "This bucket receives the access logs of the "
            + "site bucket and the distribution; logging its own accesses would log into itself."),
        new NagReasons.Reason("HIPAA.Security-S3DefaultEncryptionKMS", "CloudFront standard logs and S3 server access "
            + "logs cannot be delivered into a bucket encrypted with SSE-KMS; SSE-S3 (AES-256) is used."),
        new NagReasons.Reason("HIPAA.Security-S3BucketReplicationEnabled", "Access logs are kept for audit in the "
            + "provider's region; replication would add a second copy without need.")));
    NagReasons.suppress(site, List.of(
        new NagReasons.Reason("HIPAA.Security-S3DefaultEncryptionKMS", "The marketplace is the catalogue's public "
            + "description (no tenant data) and CloudFront reads it through origin access control; SSE-S3 avoids "
            + "granting CloudFront the provider's KMS key."),
        new NagReasons.Reason("HIPAA.Security-S3BucketReplicationEnabled", "The site is rebuilt from the catalogue "
            + "at any time with mesh catalog build; a replica would add nothing.")));
    NagReasons.suppress(distribution, List.of(
        new NagReasons.Reason("AwsSolutions-CFR1", "The marketplace is read by the provider's customers, wherever "
            + "they are; it holds no tenant data to keep in a region."),
        new NagReasons.Reason("AwsSolutions-CFR2", "A web ACL for CloudFront must live in us-east-1, outside this "
            + "stack's region; the site is static files behind origin access control, with no inputs to filter."),
        new NagReasons.Reason("AwsSolutions-CFR4", "Without a custom domain CloudFront serves its default "
            + "certificate, whose minimum protocol it sets itself; viewers are redirected to HTTPS. Add a domain and "
            + "certificate to enforce TLSv1.2_2021.")));
    CfnOutput.Builder.create(this, "SiteBucketName").description("Upload the marketplace here: aws s3 sync site/ "
        + "s3://<bucket>/ --delete").value(site.getBucketName()).build();
    CfnOutput.Builder.create(this, "MarketplaceUrl").description("The marketplace, over HTTPS")
        .value("https://" + distribution.getDistributionDomainName() + "/").build();
  }

  /** The private bucket holding the site. */
  public Bucket site() {
    return site;
  }

  /** The bucket receiving the access logs of the site bucket and the distribution. */
  public Bucket logs() {
    return logs;
  }

  public Distribution distribution() {
    return distribution;
  }
}
