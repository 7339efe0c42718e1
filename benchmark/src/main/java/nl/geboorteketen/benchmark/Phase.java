package nl.geboorteketen.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a unit of work in a loop on N client threads until a deadline (or until the work says it is
 * done) and records every request into a fresh {@link Recorder}.
 */
public final class Phase {

  /** One iteration of one client; returns false when there is nothing left to do. */
  @FunctionalInterface
  public interface Work {
    boolean run(int client, long iteration) throws Exception;
  }

  /** What a phase measured; started and ended: wall clock, to cut a JFR recording by phase. */
  public record Result(String name, String server, Recorder recorder, double seconds, long iterations,
      Instant started, Instant ended) {}

  private Phase() {}

  public static Result run(String name, String server, FhirClient client, int clients, Duration duration, Work work)
      throws InterruptedException {
    Recorder recorder = new Recorder();
    client.recordInto(recorder);
    long deadline = System.nanoTime() + duration.toNanos();
    AtomicLong iterations = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    Instant started = Instant.now();
    for (int c = 0; c < clients; c++) {
      int clientNo = c;
      Thread t = new Thread(() -> {
        while (System.nanoTime() < deadline) {
          try {
            if (!work.run(clientNo, iterations.getAndIncrement())) {
              return;
            }
          } catch (InterruptedException e) {
            return;
          } catch (Exception e) {
            recorder.kind("client-exception").error();
          }
        }
      }, name + "-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(name, server, recorder, seconds, iterations.get(), started, Instant.now());
  }
}
