package io.meshwork.cli;

import java.io.StringWriter;

/** Runs {@code mesh} in-process, as the launcher would, and keeps what it printed. */
record MeshRun(int exitCode, String out, String err) {

  static MeshRun of(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Mesh.execute(out, err, arguments);
    return new MeshRun(exitCode, out.toString(), err.toString());
  }
}
