package nl.geboorteketen.server.validation;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validation warm-up, run on a thread of its own once the server answers. A stop asks it to end
 * after the example it is validating and waits for that, so the store never closes under a validation.
 */
public final class BackgroundWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundWarmUp.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final Thread thread;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean stopping;

  private BackgroundWarmUp(ValidationWarmUp warmUp, long readyMillis, long jvmStartMillis) {
    thread = new Thread(() -> {
      try {
        warmUp.run(() -> stopping);
        if (!stopping) {
          long now = System.currentTimeMillis();
          // the benchmark harness reads this line: the time a write first finds the validator warm
          LOG.info("Warm for writes: {} ms after ready, {} ms after the JVM started", now - readyMillis,
              now - jvmStartMillis);
        }
      } catch (RuntimeException e) {
        LOG.warn("Validation warm-up ended early: {}", e.toString());
      } finally {
        done.countDown();
      }
    }, "validation-warm-up");
    thread.setDaemon(true);
  }

  public static BackgroundWarmUp start(ValidationWarmUp warmUp, long readyMillis, long jvmStartMillis) {
    BackgroundWarmUp background = new BackgroundWarmUp(warmUp, readyMillis, jvmStartMillis);
    background.thread.start();
    return background;
  }

  public boolean await(Duration wait) throws InterruptedException {
    return done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void stop() throws InterruptedException {
    stopping = true;
    if (!await(STOP_WAIT)) {
      LOG.warn("Validation warm-up still running after {}; stopping anyway", STOP_WAIT);
    }
  }
}
