package io.meshwork.localstack.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A Python virtual environment under the build directory holding the pinned emulators of
 * {@code emulators/requirements.txt}. It is reused while the pins are unchanged, so only the first run (or a
 * {@code mvn clean}) pays for the install; pip's own cache makes a reinstall cheap.
 */
final class PythonEnvironment {

  private static final String REQUIREMENTS = "emulators/requirements.txt";
  private static final String INSTALLED_MARKER = "meshwork-requirements.txt";
  private static final int MINIMUM_MINOR_VERSION = 10;
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);

  private final Path directory;
  private final Path log;

  private PythonEnvironment(Path directory, Path log) {
    this.directory = directory;
    this.log = log;
  }

  /** Creates or reuses the environment in {@code directory}, logging pip's output to {@code log}. */
  static PythonEnvironment ensure(String python, Path directory, Path log) {
    String requirements = requirements();
    Path marker = directory.resolve(INSTALLED_MARKER);
    PythonEnvironment environment = new PythonEnvironment(directory, log);
    if (Files.isExecutable(environment.executable("python")) && requirements.equals(read(marker))) {
      return environment;
    }
    checkInterpreter(python);
    deleteRecursively(directory);
    environment.run(List.of(python, "-m", "venv", directory.toString()), Duration.ofMinutes(2),
        exitCode -> new PrerequisiteMissingException("'" + python + " -m venv' failed (exit " + exitCode
            + "): install the venv module (Debian/Ubuntu: apt-get install python3-venv); see " + log));
    Path requirementsFile = directory.resolve("requirements.txt");
    write(requirementsFile, requirements);
    environment.run(List.of(environment.executable("python").toString(), "-m", "pip", "install",
            "--disable-pip-version-check", "--no-input", "--progress-bar", "off", "-r", requirementsFile.toString()),
        INSTALL_TIMEOUT,
        exitCode -> new IllegalStateException("pip could not install the emulators of " + REQUIREMENTS + " (exit "
            + exitCode + "); see " + log));
    write(marker, requirements);
    return environment;
  }

  /** A command installed in the environment, e.g. {@code ministack} or {@code moto_server}. */
  Path executable(String name) {
    return directory.resolve("bin").resolve(name);
  }

  /** The installed version of a distribution, as pip recorded it. */
  String installedVersion(String distribution) {
    try {
      Process process = new ProcessBuilder(executable("python").toString(), "-c",
          "import importlib.metadata as m, sys; print(m.version(sys.argv[1]))", distribution)
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("Cannot read the installed version of " + distribution + ": " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the version of " + distribution, e);
    }
  }

  /** Fails with a {@link PrerequisiteMissingException} unless {@code python} runs and is 3.10 or newer. */
  private static void checkInterpreter(String python) {
    String version;
    try {
      Process process = new ProcessBuilder(python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])")
          .redirectErrorStream(true).start();
      version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new PrerequisiteMissingException("'" + python + "' does not run: " + version);
      }
    } catch (IOException e) {
      throw new PrerequisiteMissingException("'" + python + "' was not found on the PATH (Python 3."
          + MINIMUM_MINOR_VERSION + "+ starts the emulators; set MESHWORK_PYTHON or AWS_ENDPOINT_URL)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while probing " + python, e);
    }
    String[] parts = version.split("\\.");
    if (parts.length != 2 || !"3".equals(parts[0]) || Integer.parseInt(parts[1]) < MINIMUM_MINOR_VERSION) {
      throw new PrerequisiteMissingException("'" + python + "' is Python " + version + "; the emulators need 3."
          + MINIMUM_MINOR_VERSION + "+ (set MESHWORK_PYTHON to a newer interpreter)");
    }
  }

  private void run(List<String> command, Duration timeout,
      IntFunction<RuntimeException> failure) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("'" + command.get(0) + "' did not finish within " + timeout + "; see " + log);
      }
      if (process.exitValue() != 0) {
        throw failure.apply(process.exitValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command.get(0), e);
    }
  }

  private static String requirements() {
    try (InputStream in = PythonEnvironment.class.getClassLoader().getResourceAsStream(REQUIREMENTS)) {
      if (in == null) {
        throw new IllegalStateException(REQUIREMENTS + " is missing from the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the outdated environment " + directory, e);
    }
  }
}
