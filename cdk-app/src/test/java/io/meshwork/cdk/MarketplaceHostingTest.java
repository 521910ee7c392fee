package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.meshwork.cdk.constructs.MarketplaceHosting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** The marketplace's hosting: a private bucket read only by CloudFront through origin access control, HTTPS only. */
class MarketplaceHostingTest {

  private static Stack stack(App app) {
    Stack stack = new Stack(app, "hosting", StackProps.builder().env(Environment.builder().account("123456789012")
        .region("eu-central-2").build()).build());
    new MarketplaceHosting(stack, "Marketplace");
    return stack;
  }

  @Test
  void theBucketIsPrivateAndReadOnlyByTheDistributionThroughOriginAccessControl() {
    Template template = Template.fromStack(stack(MeshworkApp.newApp()));

    template.resourceCountIs("AWS::CloudFront::Distribution", 1);
    template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
    template.resourceCountIs("AWS::S3::Bucket", 2);
    template.allResourcesProperties("AWS::S3::Bucket", Map.of("PublicAccessBlockConfiguration", Map.of(
        "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
    template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
        Match.arrayWith(List.of(
            Match.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport",
                "false")))),
            Match.objectLike(Map.of("Effect", "Allow", "Action", "s3:GetObject", "Principal", Map.of("Service",
                "cloudfront.amazonaws.com"), "Condition", Match.objectLike(Map.of("StringEquals",
                Match.objectLike(Map.of("AWS:SourceArn", Match.anyValue())))))))))));
    template.hasResourceProperties("AWS::S3::Bucket", Map.of("LoggingConfiguration", Map.of("LogFilePrefix",
        "site-bucket/", "DestinationBucketName", Match.anyValue())));
  }

  @Test
  void viewersGetHttpsOnlyWithSecurityHeadersAndEveryRequestIsLogged() {
    Template template = Template.fromStack(stack(MeshworkApp.newApp()));

    template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(
        Map.of("DefaultRootObject", "index.html",
            "DefaultCacheBehavior", Match.objectLike(Map.of("ViewerProtocolPolicy", "redirect-to-https")),
            "Logging", Match.objectLike(Map.of("Prefix", "distribution/"))))));
    template.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", Map.of("ResponseHeadersPolicyConfig",
        Match.objectLike(Map.of("SecurityHeadersConfig", Match.objectLike(Map.of(
            "ContentSecurityPolicy", Map.of("ContentSecurityPolicy", "default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'", "Override", true),
            "StrictTransportSecurity", Match.objectLike(Map.of("AccessControlMaxAgeSec", 31536000))))))));
  }

  @Test
  void cdkNagFindsNothingUnexplained() {
    App app = MeshworkApp.newApp();
    Stack stack = stack(app);
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    Aspects.of(app).add(new HIPAASecurityChecks(NagPackProps.builder().verbose(true).build()));

    List<SynthesisMessage> findings = new ArrayList<>();
    findings.addAll(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp(
        "AwsSolutions-.*|HIPAA.Security-.*")));
    findings.addAll(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp(
        "AwsSolutions-.*|HIPAA.Security-.*")));
    assertThat(findings).extracting(message -> message.getId() + " " + message.getEntry().getData()).isEmpty();
  }
}
