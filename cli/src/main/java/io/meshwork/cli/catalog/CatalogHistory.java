package io.meshwork.cli.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The changelog of a definition's directory from the catalogue's git history: the last commits that touched it.
 * Empty when the catalogue is not in a git work tree or git is not installed.
 */
final class CatalogHistory {

  /** Commits shown per product. */
  static final int ENTRIES = 10;

  /** One commit: abbreviated hash, date and subject. */
  record Change(String commit, String date, String subject) {
  }

  private final Path root;

  CatalogHistory(Path root) {
    this.root = root;
  }

  /** The changes of {@code relativeDirectory} (below the catalogue root), newest first. */
  Optional<List<Change>> changes(String relativeDirectory) {
    ProcessBuilder builder = new ProcessBuilder("git", "-C", root.toString(), "log", "-n", Integer.toString(ENTRIES),
        "--date=short", "--format=%h%x1f%ad%x1f%s", "--", relativeDirectory.isEmpty() ? "." : relativeDirectory)
        .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroy();
        return Optional.empty();
      }
      List<Change> changes = new ArrayList<>();
      for (String line : output.split("\n")) {
        String[] parts = line.split("\u001f", 3);
        if (parts.length == 3) {
          changes.add(new Change(parts[0], parts[1], parts[2]));
        }
      }
      return Optional.of(changes);
    } catch (IOException notInstalled) {
      return Optional.empty();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
