package org.cabackoffice.testsupport;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one call of a parser or endpoint under a deadline (issue 13: fuzzed input must never hang
 * a worker). The call runs on a daemon thread; one that overruns is reported with the input's
 * description and interrupted, and the test goes on with a fresh thread.
 */
public final class Bounded {

  private static ExecutorService worker = newWorker();

  private Bounded() {}

  /**
   * The call's result, or what it threw (unwrapped), within {@code limit}.
   *
   * @throws AssertionError naming {@code input} when the call takes longer
   */
  public static synchronized <T> T call(Duration limit, String input, Callable<T> call) throws Exception {
    Future<T> running = worker.submit(call);
    try {
      return running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException hung) {
      running.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      throw new AssertionError("no answer within " + limit + " for " + input);
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof Exception e) {
        throw e;
      }
      if (failed.getCause() instanceof Error e) {
        throw e;
      }
      throw failed;
    }
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "bounded-fuzz-call");
          t.setDaemon(true);
          return t;
        });
  }
}
