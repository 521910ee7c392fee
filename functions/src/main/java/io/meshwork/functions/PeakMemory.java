package io.meshwork.functions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's peak resident memory (Linux {@code VmHWM}), what Lambda reports as "Max Memory Used": a function
 * runs one invocation at a time, so it bounds the step's own peak. Null where the kernel does not say.
 */
final class PeakMemory {

  private static final Path STATUS = Path.of("/proc/self/status");

  private PeakMemory() {
  }

  static Long bytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException | SecurityException unavailable) {
      return null;
    }
    return null;
  }
}
