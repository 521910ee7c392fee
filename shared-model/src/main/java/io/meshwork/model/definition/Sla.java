package io.meshwork.model.definition;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Service levels: how old the newest publish may be, and when the product refreshes. */
public record Sla(Optional<Duration> freshness, Optional<Schedule> schedule) {

  public static final Sla NONE = new Sla(Optional.empty(), Optional.empty());

  public Sla {
    Objects.requireNonNull(freshness, "freshness");
    Objects.requireNonNull(schedule, "schedule");
  }
}
