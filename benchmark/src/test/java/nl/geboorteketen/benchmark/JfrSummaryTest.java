package nl.geboorteketen.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrSummaryTest {

  @TempDir
  Path dir;

  /** A real recording: CPU spent in one method lands in its phase's window, not in an idle one. */
  @Test
  void samplesLandInThePhaseTheyWereTakenIn() throws Exception {
    Path file = dir.resolve("test.jfr");
    Instant burnFrom;
    Instant burnTo;
    Instant idleFrom;
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
      recording.start();
      burnFrom = Instant.now();
      burn(Duration.ofMillis(1500));
      burnTo = Instant.now();
      idleFrom = Instant.now();
      Thread.sleep(200);
      recording.stop();
      recording.dump(file);
    }
    String summary = JfrSummary.summarise(file, 50, List.of(
        new JfrSummary.Window("burning", burnFrom, burnTo),
        new JfrSummary.Window("sleeping", idleFrom, Instant.now())));

    String burning = summary.substring(summary.indexOf("== burning"), summary.indexOf("== sleeping"));
    String sleeping = summary.substring(summary.indexOf("== sleeping"));
    assertTrue(burning.contains("JfrSummaryTest.burn"), burning);
    assertTrue(!sleeping.contains("JfrSummaryTest.burn"), sleeping);
  }

  /** Plain Java work (no native calls, in which JFR takes no execution samples). */
  private static long burn(Duration howLong) {
    long until = System.nanoTime() + howLong.toNanos();
    long x = 1;
    while (System.nanoTime() < until) {
      for (int i = 0; i < 100_000; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
    }
    return x;
  }
}
