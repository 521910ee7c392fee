package io.meshwork.model.access;

import java.util.List;
import java.util.Objects;

/** An LF-Tag: a key and the values resources may carry. */
public record LakeFormationTag(String key, List<String> values) {

  /** Carried by every column: the column's classification (public, internal, confidential, pii). */
  public static final String CLASSIFICATION = "meshwork_classification";
  /** Carried by every Glue database: its domain. */
  public static final String DOMAIN = "meshwork_domain";

  public LakeFormationTag {
    Objects.requireNonNull(key, "key");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("LF-Tag " + key + " needs at least one value");
    }
  }
}
