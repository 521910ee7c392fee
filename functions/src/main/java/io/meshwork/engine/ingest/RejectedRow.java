package io.meshwork.engine.ingest;

/** STAND-IN for the engine's ingest API (being written on main); deleted when it lands. */
public record RejectedRow(String file, long row, String column, String value, String reason) {
}
