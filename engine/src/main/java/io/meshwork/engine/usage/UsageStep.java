package io.meshwork.engine.usage;

import java.util.Locale;

/** What a usage record measured: one step of a refresh or delivery, or one query. */
public enum UsageStep {
  INGEST, COMPUTE, VALIDATE, PUBLISH, QUERY;

  /** The name kept in the usage table, e.g. {@code compute}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
