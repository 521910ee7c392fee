package io.meshwork.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mesh} in a JVM of its own, on the test's class path: for what threads in one JVM cannot show, two
 * processes on one catalog file, and a process killed with SIGKILL at any point.
 */
final class MeshProcess {

  private MeshProcess() {
  }

  static Process start(Path log, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), Mesh.class.getName()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("MESHWORK_DUCKDB_MEMORY", "512MB");
    return builder.start();
  }
}
