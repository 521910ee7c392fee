package io.meshwork.model.access;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant principal Lake Formation grants to: its name in the tenant file (names joined with '+' when several
 * principals share one ARN) and its IAM role or user ARN, checked to be in the tenant's account.
 */
public record Grantee(String name, String arn) {

  static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):(role|user|group)/[\\w+=,.@/-]{1,512}");

  public Grantee {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    var matcher = ARN.matcher(arn);
    if (!matcher.matches() || matcher.group(2).equals("group")) {
      throw new IllegalArgumentException("Not an IAM role or user ARN: " + arn);
    }
  }

  /** The account the principal belongs to. */
  public String account() {
    var matcher = ARN.matcher(arn);
    matcher.matches();
    return matcher.group(1);
  }
}
