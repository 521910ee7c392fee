package io.meshwork.model.definition;

import java.util.Objects;

/** A transform's SQL text, with the file it came from (for error positions). */
public record Transform(String sqlFile, String sql, Location location) {

  public Transform {
    Objects.requireNonNull(sqlFile, "sqlFile");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(location, "location");
  }
}
