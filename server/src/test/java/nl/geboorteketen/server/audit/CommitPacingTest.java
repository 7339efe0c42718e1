package nl.geboorteketen.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the audit writer waits for company: only while records come at least one per waiting time. */
class CommitPacingTest {

  private static final long MS = 1_000_000;

  @ParameterizedTest(name = "{0} records in the first window, closed at {1} ms: wait {2} ms")
  @CsvSource({
      // nothing counted yet: no wait
      "0,    1200, 0",
      // the first second is still running: it does not count yet
      "5000, 900,  0",
      // one record per millisecond or more in the last window: wait 1 ms
      "1000, 1000, 1",
      "1200, 1200, 1",
      "2500, 1999, 1",
      // the rate is over the window's real length: 1,500 records in 1.9 s is 790 a second
      "1500, 1900, 0",
      "1500, 1400, 1",
      // fewer: nothing is likely to come within a millisecond
      "999,  1200, 0",
      "1,    1200, 0",
      // a whole second without a commit after it: the load has stopped
      "5000, 2000, 0",
      "5000, 9000, 0",
  })
  void waitsOnlyWhenTheLastWindowBroughtARecordPerWaitingTime(int records, long askedAtMs, long expectedMs) {
    CommitPacing pacing = new CommitPacing(0);
    if (records > 0) {
      pacing.committed(records, 500 * MS);
    }
    assertEquals(expectedMs * MS, pacing.waitNanos(askedAtMs * MS));
  }

  @ParameterizedTest(name = "{0} records in the second second: wait {1} ms in the third")
  @CsvSource({"3000, 1", "10, 0"})
  void followsTheLoadFromSecondToSecond(int recordsInSecondSecond, long expectedMs) {
    CommitPacing pacing = new CommitPacing(0);
    pacing.committed(3000, 500 * MS);
    pacing.committed(recordsInSecondSecond, 1100 * MS);
    assertEquals(1 * MS, pacing.waitNanos(1500 * MS), "the first second was busy");
    assertEquals(expectedMs * MS, pacing.waitNanos(2200 * MS));
  }
}
