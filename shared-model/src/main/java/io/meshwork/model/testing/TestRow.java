package io.meshwork.model.testing;

import io.meshwork.model.definition.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** One row of a transform test, as typed values by column name in the order the fixture gives them. */
public record TestRow(Map<String, TestValue> values, Location location) {

  public TestRow {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Objects.requireNonNull(location, "location");
  }

  /** {@code {claim_id=c1, amount_chf=120.50}}, the way a row diff shows a row. */
  public String display() {
    return values.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue().display())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
