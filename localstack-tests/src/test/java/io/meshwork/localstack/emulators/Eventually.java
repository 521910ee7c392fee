package io.meshwork.localstack.emulators;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls for something the emulator does asynchronously (an execution finishing, a schedule firing). */
public final class Eventually {

  private static final Duration INTERVAL = Duration.ofMillis(500);

  private Eventually() {
  }

  /** The first present value of {@code probe} within {@code timeout}; fails naming {@code what} otherwise. */
  public static <T> T within(Duration timeout, String what, Supplier<Optional<T>> probe) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + what, e);
      }
    }
  }
}
