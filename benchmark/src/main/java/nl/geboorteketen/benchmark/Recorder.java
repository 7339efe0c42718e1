package nl.geboorteketen.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Latency and error counts per request kind, for one phase. */
public final class Recorder {

  private final Map<String, LatencyStats> byKind = new ConcurrentSkipListMap<>();

  public LatencyStats kind(String kind) {
    return byKind.computeIfAbsent(kind, k -> new LatencyStats());
  }

  public Map<String, LatencyStats> kinds() {
    return byKind;
  }
}
