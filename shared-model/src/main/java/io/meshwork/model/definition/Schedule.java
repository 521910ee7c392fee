package io.meshwork.model.definition;

import java.util.Objects;

/** An EventBridge Scheduler cron expression, already checked by {@link CronExpressions}. */
public record Schedule(String expression, Location location) {

  public Schedule {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(location, "location");
  }
}
