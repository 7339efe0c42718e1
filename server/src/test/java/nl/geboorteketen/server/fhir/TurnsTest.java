package nl.geboorteketen.server.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TurnsTest {

  @Test
  void noMoreThanItsTurnsRunAtOnceAndEveryOneRuns() throws Exception {
    Turns turns = new Turns(2, 10_000, "bezet");
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        done.add(pool.submit(() -> {
          go.await();
          return turns.run(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(30);
            running.decrementAndGet();
            return n;
          });
        }));
      }
      go.countDown();
      int sum = 0;
      for (Future<Integer> f : done) {
        sum += f.get(10, TimeUnit.SECONDS);
      }
      assertEquals(28, sum, "all eight ran");
      assertEquals(2, most.get(), "never more than two at once");
      assertEquals(2, turns.free());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTurnIsGivenBackWhenTheWorkFails() {
    Turns turns = new Turns(1, 50, "bezet");
    assertThrows(IllegalStateException.class, () -> turns.run(() -> {
      throw new IllegalStateException("refused");
    }));
    assertEquals(1, turns.free());
    assertEquals("ok", turns.run(() -> "ok"));
  }

  @Test
  void noTurnWithinTheWaitIs503WithRetryAfter() {
    Turns turns = new Turns(1, 50, "bezet");
    int taken = turns.takeAll();
    UnclassifiedServerFailureException busy = assertThrows(UnclassifiedServerFailureException.class,
        () -> turns.run(() -> "never"));
    assertEquals(503, busy.getStatusCode());
    assertEquals(List.of("2"), busy.getResponseHeaders().get("Retry-After"));
    turns.releaseAll(taken);
    assertEquals("now", turns.run(() -> "now"));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
