package io.meshwork.model.access;

import java.util.Objects;

/** The Glue database {@code database} carries {@link LakeFormationTag#DOMAIN} = {@code domain}; its tables inherit it. */
public record DatabaseTag(String database, String domain) {

  public DatabaseTag {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(domain, "domain");
  }
}
