package io.meshwork.functions.access;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Repeats a Lake Formation call that was throttled or ran into another permission change (Lake Formation refuses
 * concurrent changes with {@code ConcurrentModificationException}), with exponential backoff and full jitter: at
 * most {@value #ATTEMPTS} attempts, waits from {@code 0.2 s} growing to at most {@code 10 s}.
 */
final class ThrottlingRetry {

  static final int ATTEMPTS = 8;
  static final Set<String> RETRYABLE_CODES = Set.of("ThrottlingException", "TooManyRequestsException",
      "ConcurrentModificationException", "Throttling", "RequestLimitExceeded");
  private static final long FIRST_WAIT_MILLIS = 200;
  private static final long LONGEST_WAIT_MILLIS = 10_000;

  /** How the retry waits; tests pass one that only records. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Sleeper sleeper;

  ThrottlingRetry(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  /** A retry that really waits. */
  static ThrottlingRetry waiting() {
    return new ThrottlingRetry(duration -> Thread.sleep(duration.toMillis()));
  }

  /** The result of {@code call}, repeated while it fails with a retryable error, up to {@value #ATTEMPTS} times. */
  <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (AwsServiceException failure) {
        if (!retryable(failure) || attempt == ATTEMPTS) {
          throw failure;
        }
        pause(attempt);
      }
    }
  }

  /** Waits before attempt {@code attempt + 1}. */
  void pause(int attempt) {
    long ceiling = Math.min(LONGEST_WAIT_MILLIS, FIRST_WAIT_MILLIS << Math.min(attempt - 1, 16));
    try {
      sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1)));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to retry a Lake Formation call", interrupted);
    }
  }

  static boolean retryable(AwsServiceException failure) {
    return failure.isThrottlingException() || failure.statusCode() == 429
        || (failure.awsErrorDetails() != null && retryable(failure.awsErrorDetails().errorCode()));
  }

  static boolean retryable(String errorCode) {
    return errorCode != null && RETRYABLE_CODES.contains(errorCode);
  }
}
