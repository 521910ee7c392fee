package io.meshwork.model.access;

import java.util.List;
import java.util.Objects;

/**
 * DESCRIBE for {@code grantee} on the Glue databases whose {@link LakeFormationTag#DOMAIN} is one of
 * {@code domains}: a tag-based grant, so the grantee can find the databases holding the tables it may read.
 */
public record DescribeGrant(Grantee grantee, List<String> domains) {

  public DescribeGrant {
    Objects.requireNonNull(grantee, "grantee");
    domains = List.copyOf(domains);
    if (domains.isEmpty()) {
      throw new IllegalArgumentException("A describe grant for " + grantee.name() + " needs at least one domain");
    }
  }
}
