package io.meshwork.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The catalogue sites the catalogue tests look at, built once per test JVM under {@code target/catalog-sites}: the
 * marketplace, each demo tenant's portal without tables, and lemanic's portal over a home with a published run
 * and a run blocked by quality (seeded with defects).
 */
final class BuiltSites {

  static final String CATALOGUE = "../product-definitions/catalog";
  static final Path ROOT = Path.of("target", "catalog-sites").toAbsolutePath();
  static final List<String> TENANTS = List.of("alpina", "lemanic", "rhenus");

  private static Map<String, Path> sites;

  private BuiltSites() {
  }

  /** The marketplace. */
  static Path marketplace() {
    return all().get("marketplace");
  }

  /** The portal of {@code tenant}, built without a home. */
  static Path portal(String tenant) {
    return all().get(tenant);
  }

  /** Lemanic's portal with the state of its tables. */
  static Path lemanicWithState() {
    return all().get("lemanic-with-state");
  }

  static synchronized Map<String, Path> all() {
    if (sites == null) {
      sites = build();
    }
    return sites;
  }

  private static Map<String, Path> build() {
    Map<String, Path> built = new LinkedHashMap<>();
    Path empty = ROOT.resolve("no-home");
    built.put("marketplace", site(ROOT.resolve("marketplace"), "--home", empty.toString()));
    for (String tenant : TENANTS) {
      built.put(tenant, site(ROOT.resolve(tenant), "--tenant", tenant, "--home", empty.toString()));
    }
    Path home = ROOT.resolve("home");
    deleteRecursively(home);
    mesh("seed", "--tenant", "lemanic", "--scale", "200", "--home", home.toString());
    mesh("run", "--tenant", "lemanic", "--run-id", "first", "--home", home.toString());
    mesh("seed", "--tenant", "lemanic", "--scale", "200", "--defects", "--home", home.toString());
    MeshRun blocked = MeshRun.of("run", "--tenant", "lemanic", "--run-id", "defects", "--home", home.toString(),
        "--definitions", CATALOGUE);
    if (blocked.exitCode() != 1) {
      throw new IllegalStateException("The run with defects should be blocked by quality: " + blocked.out());
    }
    built.put("lemanic-with-state", site(ROOT.resolve("lemanic-with-state"), "--tenant", "lemanic", "--home",
        home.toString()));
    return built;
  }

  private static Path site(Path output, String... options) {
    String[] arguments = Stream.concat(Stream.of("catalog", "build", "--output", output.toString(), "--definitions",
        CATALOGUE), Stream.of(options)).toArray(String[]::new);
    mesh(arguments);
    return output;
  }

  private static void mesh(String... arguments) {
    String[] withCatalogue = arguments[0].equals("catalog") ? arguments
        : Stream.concat(Stream.of(arguments), Stream.of("--definitions", CATALOGUE)).toArray(String[]::new);
    MeshRun run = MeshRun.of(withCatalogue);
    if (run.exitCode() != 0) {
      throw new IllegalStateException("mesh " + String.join(" ", arguments) + " failed: " + run.err() + run.out());
    }
  }

  /** Every file of {@code site}, relative path to text (binary files are not written by the site). */
  static Map<String, String> files(Path site) {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> tree = Files.walk(site)) {
      for (Path file : tree.filter(Files::isRegularFile).sorted().toList()) {
        files.put(site.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The HTML pages of {@code site}. */
  static List<Path> pages(Path site) {
    try (Stream<Path> tree = Files.walk(site)) {
      return tree.filter(file -> file.toString().endsWith(".html")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(directory)) {
      for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
