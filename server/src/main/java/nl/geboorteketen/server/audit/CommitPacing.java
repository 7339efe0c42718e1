package nl.geboorteketen.server.audit;

/**
 * How long the audit writer waits for company before it commits a group of read records. A commit
 * of H2's store costs about the same for one record as for eight (it rewrites the changed pages of
 * every table and index it touched), so under load a short wait buys fewer commits; under light
 * load there is no company to wait for and waiting would only add latency. The writer therefore
 * waits only when the last window (a second or a little more) brought at least one record per
 * waiting time, and at most that long. Measured (partner reads, 8 clients): 2.2 records per commit
 * without the wait, 4.9 with 1 ms, and half the writer's CPU per read.
 */
class CommitPacing {

  static final long WAIT_NANOS = 1_000_000;
  static final long WINDOW_NANOS = 1_000_000_000;

  private long windowStart;
  private long recordsInWindow;
  private long recordsInLastWindow;
  private long lastWindowNanos = WINDOW_NANOS;

  CommitPacing(long nowNanos) {
    this.windowStart = nowNanos;
  }

  /** Counts a committed group. */
  void committed(int records, long nowNanos) {
    roll(nowNanos);
    recordsInWindow += records;
  }

  /** How long to wait for more records before committing; 0 when none is likely to come in time. */
  long waitNanos(long nowNanos) {
    roll(nowNanos);
    double expectedDuringWait = (double) recordsInLastWindow * WAIT_NANOS / lastWindowNanos;
    return expectedDuringWait >= 1 ? WAIT_NANOS : 0;
  }

  /** A window closes at the first call after a second; its rate is its records over its real length. */
  private void roll(long nowNanos) {
    long length = nowNanos - windowStart;
    if (length >= WINDOW_NANOS) {
      // a whole window without a commit in it means the load stopped: the last window is not current
      recordsInLastWindow = length >= 2 * WINDOW_NANOS ? 0 : recordsInWindow;
      lastWindowNanos = length;
      recordsInWindow = 0;
      windowStart = nowNanos;
    }
  }
}
