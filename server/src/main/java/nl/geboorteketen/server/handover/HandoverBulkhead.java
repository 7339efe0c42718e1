package nl.geboorteketen.server.handover;

import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most two handovers per core run at once; the rest wait their turn, first come first served.
 * With eight concurrent handovers on two cores, all eight sharing the CPU made the slowest ones
 * much slower than the average (p95 1.52× the mean); in turns it was 1.38–1.41× at the same
 * throughput (docs/decisions.md, "Handovers take turns"). A handover that cannot start within the
 * wait is answered 503 with Retry-After, as a request without a database connection is.
 */
class HandoverBulkhead {

  static final String BUSY = "Er lopen al veel overdrachten tegelijk; deze kon niet binnen de wachttijd beginnen. "
      + "Er is niets vastgelegd; probeer het zo opnieuw.";

  private final Semaphore turns;
  private final long waitMillis;

  HandoverBulkhead(int concurrent, long waitMillis) {
    this.turns = new Semaphore(concurrent, true);
    this.waitMillis = waitMillis;
  }

  static HandoverBulkhead forThisMachine() {
    return new HandoverBulkhead(2 * Runtime.getRuntime().availableProcessors(), 10_000);
  }

  <T> T run(Supplier<T> handover) {
    boolean started;
    try {
      started = turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      started = false;
    }
    if (!started) {
      UnclassifiedServerFailureException busy = new UnclassifiedServerFailureException(503, BUSY);
      busy.addResponseHeader("Retry-After", "2");
      throw busy;
    }
    try {
      return handover.get();
    } finally {
      turns.release();
    }
  }

  /** Turns free right now (for tests). */
  int free() {
    return turns.availablePermits();
  }

  /** Takes every turn, as that many slow handovers would (for tests); {@link #releaseAll} gives them back. */
  int takeAll() {
    return turns.drainPermits();
  }

  void releaseAll(int taken) {
    turns.release(taken);
  }
}
