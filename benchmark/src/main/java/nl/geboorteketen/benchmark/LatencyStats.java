package nl.geboorteketen.benchmark;

import java.util.Arrays;

/** Latencies of one request kind (nanoseconds), with nearest-rank percentiles over all samples. */
public final class LatencyStats {

  private long[] samples = new long[1024];
  private int count;
  private long errors;

  public synchronized void record(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
  }

  public synchronized void error() {
    errors++;
  }

  public synchronized int count() {
    return count;
  }

  public synchronized long errors() {
    return errors;
  }

  /** Nearest-rank percentile in milliseconds (p in 0..100]; NaN without samples. */
  public synchronized double percentileMillis(double p) {
    return percentile(Arrays.copyOf(samples, count), p) / 1_000_000.0;
  }

  /**
   * The nearest-rank percentile of the values: the smallest value such that at least p percent of
   * the values are less than or equal to it. NaN for no values.
   */
  public static double percentile(long[] values, double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (values.length == 0) {
      return Double.NaN;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
