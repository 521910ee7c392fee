package io.meshwork.engine.ingest;

import java.nio.file.Path;
import java.util.List;

/** STAND-IN for the engine's ingest API (being written on main); deleted when it lands. */
public record IngestRequest(String tenant, String source, List<Path> files, String runId) {
}
