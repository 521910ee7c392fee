package io.meshwork.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code mesh} in-process, as the launcher would, and keeps what it printed. */
record MeshRun(int exitCode, String out, String err) {

  static MeshRun of(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Mesh.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(arguments);
    return new MeshRun(exitCode, out.toString(), err.toString());
  }
}
