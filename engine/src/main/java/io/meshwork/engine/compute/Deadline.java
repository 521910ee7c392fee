package io.meshwork.engine.compute;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Cancels a statement that runs past its session's timeout; DuckDB then ends it and frees what it held. */
final class Deadline {

  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int CANCELLED = 2;

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "meshwork-statement-deadline");
    thread.setDaemon(true);
    return thread;
  });

  private Deadline() {
  }

  /** Work on a statement that may throw {@link SQLException}. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  static <T> T run(Statement statement, Duration timeout, Work<T> work) throws SQLException {
    AtomicInteger state = new AtomicInteger(RUNNING);
    ScheduledFuture<?> timer = TIMER.schedule(() -> {
      if (state.compareAndSet(RUNNING, CANCELLED)) {
        try {
          statement.cancel();
        } catch (SQLException ignored) {
          // the statement finished or closed meanwhile: nothing left to stop
        }
      }
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      T result = work.run();
      state.compareAndSet(RUNNING, FINISHED);
      return result;
    } catch (SQLException e) {
      if (state.get() == CANCELLED) {
        throw new SessionBoundException(SessionBoundException.Bound.TIMEOUT, "The statement ran longer than its time "
            + "limit of " + describe(timeout) + " and was stopped.", e);
      }
      throw e;
    } finally {
      state.compareAndSet(RUNNING, FINISHED);
      timer.cancel(false);
    }
  }

  /** "90 seconds", "5 minutes", "2 hours": how a person says a timeout. */
  static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 3600 == 0 && seconds >= 3600) {
      return plural(seconds / 3600, "hour");
    }
    if (seconds % 60 == 0 && seconds >= 60) {
      return plural(seconds / 60, "minute");
    }
    return seconds >= 1 ? plural(seconds, "second") : duration.toMillis() + " ms";
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
