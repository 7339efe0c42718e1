package nl.geboorteketen.server.fhir;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.geboorteketen.server.storage.StorageUnavailableInterceptor;

/**
 * Heavy requests of one kind take turns: at most a few run at once, the rest wait first come first
 * served. Eight handovers sharing two cores made the slowest far slower than the average
 * (docs/decisions.md, "Handovers take turns"). One that gets no turn within the wait is answered
 * 503 with Retry-After, as a request without a database connection is; it has changed nothing.
 */
public class Turns {

  private static final long WAIT_MILLIS = 10_000;

  private final Semaphore turns;
  private final long waitMillis;
  private final String busy;

  public Turns(int concurrent, long waitMillis, String busy) {
    this.turns = new Semaphore(concurrent, true);
    this.waitMillis = waitMillis;
    this.busy = busy;
  }

  /** Two turns per core, a wait of 10 s; {@code busy} is the 503's message. */
  public static Turns perCore(String busy) {
    return new Turns(2 * Runtime.getRuntime().availableProcessors(), WAIT_MILLIS, busy);
  }

  public <T> T run(Supplier<T> work) {
    take();
    try {
      return work.get();
    } finally {
      turns.release();
    }
  }

  /** Waits for a turn; throws the 503 when none frees up within the wait. */
  private void take() {
    boolean started;
    try {
      started = turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      started = false;
    }
    if (!started) {
      throw StorageUnavailableInterceptor.unavailable(busy);
    }
  }

  /** Turns free right now (for tests). */
  public int free() {
    return turns.availablePermits();
  }

  /** Takes every free turn, as that many slow requests would (for tests); {@link #releaseAll} gives them back. */
  public int takeAll() {
    return turns.drainPermits();
  }

  public void releaseAll(int taken) {
    turns.release(taken);
  }
}
