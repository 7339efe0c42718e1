package nl.geboorteketen.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyStatsTest {

  private static final long[] ONE_TO_HUNDRED = java.util.stream.LongStream.rangeClosed(1, 100).toArray();

  @ParameterizedTest(name = "p{0} of 1..100 is {1}")
  @CsvSource({"50,50", "95,95", "99,99", "100,100", "0.5,1", "99.5,100"})
  void nearestRankOfOneToHundred(double p, long expected) {
    assertEquals(expected, LatencyStats.percentile(ONE_TO_HUNDRED, p));
  }

  @ParameterizedTest(name = "p{0} of 15,20,35,40,50 is {1}")
  @CsvSource({"5,15", "30,20", "40,20", "50,35", "100,50"})
  void nearestRankTextbookExample(double p, long expected) {
    // The worked example of the nearest-rank method; input deliberately unsorted.
    assertEquals(expected, LatencyStats.percentile(new long[] {40, 15, 50, 35, 20}, p));
  }

  @Test
  void emptyIsNaNAndOutOfRangeRefused() {
    assertTrue(Double.isNaN(LatencyStats.percentile(new long[0], 50)));
    assertThrows(IllegalArgumentException.class, () -> LatencyStats.percentile(ONE_TO_HUNDRED, 0));
    assertThrows(IllegalArgumentException.class, () -> LatencyStats.percentile(ONE_TO_HUNDRED, 101));
  }

  @Test
  void recordsGrowBeyondInitialCapacityAndReportMillis() {
    LatencyStats stats = new LatencyStats();
    for (int i = 1; i <= 5000; i++) {
      stats.record(i * 1_000_000L);
    }
    stats.error();
    assertEquals(5000, stats.count());
    assertEquals(1, stats.errors());
    assertEquals(2500.0, stats.percentileMillis(50));
    assertEquals(4950.0, stats.percentileMillis(99));
  }
}
