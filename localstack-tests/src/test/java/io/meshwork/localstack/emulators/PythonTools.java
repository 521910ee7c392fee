package io.meshwork.localstack.emulators;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Commands of the pinned Python environment that are not emulators, such as {@code cfn-lint}: the same virtual
 * environment the emulator tests use ({@code emulators/requirements.txt}), created on first use.
 */
public final class PythonTools {

  private PythonTools() {
  }

  /**
   * The command {@code name} of the environment, or empty with why when Python or its venv module is missing here
   * and the build does not require the emulator tests (in CI it fails instead).
   */
  public static Optional<Path> command(String name, StringBuilder whyMissing) {
    EmulatorSettings settings = EmulatorSettings.fromEnvironment();
    try {
      PythonEnvironment environment = PythonEnvironment.ensure(settings.python(),
          settings.directory().resolve("venv"), settings.directory().resolve("pip-install.log"));
      return Optional.of(environment.executable(name));
    } catch (PrerequisiteMissingException missing) {
      if (settings.required()) {
        throw missing;
      }
      whyMissing.append(missing.getMessage());
      return Optional.empty();
    }
  }
}
