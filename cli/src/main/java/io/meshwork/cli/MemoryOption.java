package io.meshwork.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --memory} option: how much memory the command's process may use, as a Lambda function's configured
 * memory is. DuckDB's sessions share half of it and spill to disk beyond; without it, the machine's memory decides.
 */
final class MemoryOption {

  @Option(names = "--memory", paramLabel = "SIZE", description = "Memory this process may use, e.g. 8GB; DuckDB's "
      + "sessions share half of it and spill to disk beyond (default: 80%% of this machine's memory).")
  String memory;

  /** The size given, in bytes; exit 2 for a size that is not one. */
  Optional<Long> bytes() {
    return Optional.ofNullable(memory).map(text -> Sizes.bytes("--memory", text));
  }
}
