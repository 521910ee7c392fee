package io.meshwork.trino.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * Extracts what a local Trino needs from the {@code trino-server} tarball: {@code lib/} and the Iceberg plugin (with
 * its {@code hdfs/} part, which reads locations without a scheme), about 190 MB of the 900 MB. The tarball stores a
 * jar that several plugins share once and hard-links the others to it, so a jar of the Iceberg plugin may be a link
 * to one in another plugin: a first pass finds those link targets, the second writes their contents where the
 * links are. The result is reused while the tarball is unchanged.
 */
final class ServerExtraction {

  private static final List<String> WANTED = List.of("lib/", "plugin/iceberg/");
  private static final String COMPLETE = ".extracted";

  private ServerExtraction() {
  }

  /** The server's home under {@code directory}: extracted now, or earlier from the same tarball. */
  static Path extract(Path tarball, Path directory) {
    if (!Files.isRegularFile(tarball)) {
      throw new TrinoUnavailableException("The Trino server tarball is missing: " + tarball + " (build the trino-local "
          + "module with Maven, which resolves io.trino:trino-server:" + TrinoSettings.VERSION + ":tar.gz, or set "
          + "MESHWORK_TRINO_TARBALL)");
    }
    Path home = directory.resolve("trino-server-" + TrinoSettings.VERSION);
    try {
      String stamp = tarball.toAbsolutePath() + " " + Files.size(tarball) + " " + Files.getLastModifiedTime(tarball);
      Path complete = home.resolve(COMPLETE);
      if (Files.isRegularFile(complete) && Files.readString(complete).equals(stamp)) {
        return home;
      }
      Files.createDirectories(directory);
      Path staging = directory.resolve("extracting-" + UUID.randomUUID());
      Map<String, List<String>> links = linkTargets(tarball);
      write(tarball, staging, links);
      Files.writeString(staging.resolve(COMPLETE), stamp, StandardCharsets.UTF_8);
      replace(staging, home);
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot extract " + tarball + " into " + directory, e);
    }
  }

  /** Wanted entries that are hard links, by the entry they link to. */
  private static Map<String, List<String>> linkTargets(Path tarball) throws IOException {
    Map<String, List<String>> links = new HashMap<>();
    try (InputStream file = open(tarball)) {
      TarEntries tar = new TarEntries(file);
      for (var next = tar.next(); next.isPresent(); next = tar.next()) {
        TarEntries.Entry entry = next.get();
        String name = relative(entry.name());
        if (entry.isHardLink() && wanted(name)) {
          links.computeIfAbsent(relative(entry.linkName()), target -> new ArrayList<>()).add(name);
        }
      }
    }
    return links;
  }

  private static void write(Path tarball, Path staging, Map<String, List<String>> links) throws IOException {
    try (InputStream file = open(tarball)) {
      TarEntries tar = new TarEntries(file);
      for (var next = tar.next(); next.isPresent(); next = tar.next()) {
        TarEntries.Entry entry = next.get();
        if (!entry.isFile()) {
          continue;
        }
        String name = relative(entry.name());
        List<String> destinations = new ArrayList<>(links.getOrDefault(name, List.of()));
        if (wanted(name)) {
          destinations.add(0, name);
        }
        if (destinations.isEmpty()) {
          continue;
        }
        Path first = inside(staging, destinations.get(0));
        Files.createDirectories(first.getParent());
        Files.copy(tar.content(), first);
        for (String other : destinations.subList(1, destinations.size())) {
          Path copy = inside(staging, other);
          Files.createDirectories(copy.getParent());
          link(first, copy);
        }
      }
    }
  }

  /** A hard link as in the tarball where the file system allows it, a copy otherwise. */
  private static void link(Path existing, Path link) throws IOException {
    try {
      Files.createLink(link, existing);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(existing, link, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static InputStream open(Path tarball) throws IOException {
    return new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tarball), 1 << 16), 1 << 20);
  }

  /** The entry's path below the tarball's top directory ({@code trino-server-476/}). */
  static String relative(String entryName) {
    int slash = entryName.indexOf('/');
    return slash < 0 ? "" : entryName.substring(slash + 1);
  }

  static boolean wanted(String relativeName) {
    return WANTED.stream().anyMatch(relativeName::startsWith);
  }

  private static Path inside(Path root, String name) {
    Path path = root.resolve(name).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalStateException("The Trino tarball holds an entry outside its directory: " + name);
    }
    return path;
  }

  private static void replace(Path staging, Path home) throws IOException {
    if (Files.exists(home)) {
      Path old = home.resolveSibling(home.getFileName() + ".old-" + UUID.randomUUID());
      Files.move(home, old);
      Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
      return;
    }
    try {
      Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.isRegularFile(home.resolve(COMPLETE))) {
        throw e;
      }
      deleteTree(staging); // another JVM finished the same extraction first
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
