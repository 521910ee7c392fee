package io.meshwork.localstack.mesh;

import io.meshwork.cli.Mesh;
import java.io.StringWriter;

/**
 * {@code mesh} run in this JVM through the command line the launcher builds ({@link Mesh#execute}), so options,
 * error handling and exit codes are the CLI's own; what it printed is kept.
 */
public record MeshRun(int exitCode, String out, String err) {

  public static MeshRun of(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Mesh.execute(out, err, arguments);
    return new MeshRun(exitCode, out.toString(), err.toString());
  }

  /** Both streams, for assertion messages. */
  public String printed() {
    return out + err;
  }
}
