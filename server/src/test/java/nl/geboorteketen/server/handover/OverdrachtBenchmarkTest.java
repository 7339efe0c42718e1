package nl.geboorteketen.server.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * $overdracht latency with 8 concurrent clients (issue #5 benchmark: p95 < 150 ms). Runs only with
 * -Dgk.bench=true; prints p50/p95/max. Each client hands over its own family, 20 times.
 */
class OverdrachtBenchmarkTest {

  @Test
  void overdrachtP95WithEightConcurrentClients() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("gk.bench"), "benchmark only with -Dgk.bench=true");
    int clients = 8;
    int rounds = 20;
    List<HandoverFamily> families = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      HandoverFamily f = new HandoverFamily();
      f.indication(ServiceRequest.ServiceRequestStatus.ACTIVE);
      families.add(f);
    }
    families.get(0).overdracht("verloskundige-kraamzorg", families.get(0).kraamzorg(), null, null); // warm-up
    List<Long> millis = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (HandoverFamily f : families) {
      running.add(pool.submit(() -> {
        for (int r = 0; r < rounds; r++) {
          long start = System.nanoTime();
          Http.Response response = f.overdracht("verloskundige-kraamzorg", f.kraamzorg(), null, null);
          millis.add((System.nanoTime() - start) / 1_000_000);
          assertEquals(200, response.status(), response::toString);
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    long p50 = sorted.get(sorted.size() / 2);
    long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    System.out.printf("BENCHMARK $overdracht: n=%d clients=%d p50=%d ms p95=%d ms max=%d ms%n",
        sorted.size(), clients, p50, p95, sorted.get(sorted.size() - 1));
  }
}
