package io.meshwork.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files {@code mesh ingest} is given: each argument a file, a directory (its CSV and Parquet files, not its
 * subdirectories) or a glob such as {@code exports/claims-2025-*.csv.gz} (for shells that do not expand it).
 */
final class DeliveryPaths {

  private DeliveryPaths() {
  }

  static List<Path> resolve(List<String> arguments) {
    List<Path> files = new ArrayList<>();
    for (String argument : arguments) {
      Path path = Path.of(argument);
      if (Files.isDirectory(path)) {
        List<Path> inside = list(path, file -> isDelivery(file.getFileName().toString()));
        if (inside.isEmpty()) {
          throw new UserInputException("Directory " + argument + " holds no delivery files (*.csv, *.csv.gz, "
              + "*.parquet).");
        }
        files.addAll(inside);
      } else if (argument.contains("*") || argument.contains("?") || argument.contains("[")) {
        Path directory = path.getParent() == null ? Path.of(".") : path.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path.getFileName());
        List<Path> matched = Files.isDirectory(directory) ? list(directory, file -> matcher.matches(file.getFileName()))
            : List.of();
        if (matched.isEmpty()) {
          throw new UserInputException("No file matches " + argument + ".");
        }
        files.addAll(matched);
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new UserInputException("No such file or directory: " + argument + ".");
      }
    }
    return files;
  }

  private static boolean isDelivery(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".parquet");
  }

  private static List<Path> list(Path directory, java.util.function.Predicate<Path> wanted) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(Files::isRegularFile).filter(wanted).sorted().toList();
    } catch (IOException e) {
      throw new UserInputException("Cannot list " + directory + ": " + e.getMessage());
    }
  }
}
