package io.meshwork.cdk.constructs;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import java.util.Objects;
import software.constructs.IConstruct;

/** The cdk-nag findings a construct accepts by design, each with the written reason the tests require. */
final class NagReasons {

  /** Why the pipeline's roles keep their policies inline (HIPAA.Security-IAMNoInlinePolicy). */
  static final Reason ROLE_POLICY = new Reason("HIPAA.Security-IAMNoInlinePolicy", "Each role's policy names only the"
      + " resources of this tenant's pipeline that the one role needs, and is deployed, versioned and rolled back with"
      + " the stack; a managed policy would never be shared, so it would add a second copy to keep in step without"
      + " any reuse.");

  private NagReasons() {
  }

  /**
   * One accepted finding.
   *
   * @param rule the cdk-nag rule id, such as {@code AwsSolutions-IAM5}
   * @param reason why the finding is accepted
   * @param appliesTo regular expressions of the finding details it covers (IAM5 resources and actions); empty
   *     covers the whole rule
   */
  record Reason(String rule, String reason, List<String> appliesTo) {
    Reason {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(reason, "reason");
      appliesTo = List.copyOf(appliesTo);
    }

    Reason(String rule, String reason) {
      this(rule, reason, List.of());
    }
  }

  /** Suppresses {@code reasons} on {@code construct} and its children. */
  static void suppress(IConstruct construct, List<Reason> reasons) {
    NagSuppressions.addResourceSuppressions(construct, reasons.stream().map(NagReasons::suppression).toList(), true);
  }

  private static NagPackSuppression suppression(Reason reason) {
    NagPackSuppression.Builder builder = NagPackSuppression.builder().id(reason.rule()).reason(reason.reason());
    if (!reason.appliesTo().isEmpty()) {
      builder.appliesTo(reason.appliesTo().stream()
          .map(pattern -> RegexAppliesTo.builder().regex("/" + pattern + "/").build())
          .toList());
    }
    return builder.build();
  }
}
