package nl.geboorteketen.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/**
 * More concurrent work than database connections: requests queue for a connection; when none
 * frees up within the timeout the answer is 503 with an OperationOutcome (never a hang, never a
 * 500), and the server serves normally once connections are free again.
 */
class PoolExhaustionTest {

  @Test
  void moreConcurrentWritesThanConnectionsQueueAndSucceed() throws Exception {
    int pool = TestServer.shared().bean(HikariDataSource.class).getMaximumPoolSize();
    int writers = pool * 3;
    Http http = Http.shared();
    List<Integer> statuses = ConcurrentWritesTest.race(writers,
        i -> http.postJson("/fhir/Organization", Data.organization(Data.randomBsn(), "Wachtrij " + i)).status());
    Map<Integer, Long> counts = ConcurrentWritesTest.count(statuses);
    System.out.println("[reliability] " + writers + " concurrent creates on " + pool + " connections: " + counts);
    assertEquals(Map.of(201, (long) writers), counts);
  }

  @Test
  void noFreeConnectionGives503AndTheServerRecovers() throws Exception {
    HikariDataSource ds = TestServer.shared().bean(HikariDataSource.class);
    List<Connection> held = new ArrayList<>();
    Http http = Http.shared();
    try {
      for (int i = 0; i < ds.getMaximumPoolSize(); i++) {
        held.add(ds.getConnection()); // stands in for slow requests holding every connection
      }
      long started = System.currentTimeMillis();
      Http.Response busy = http.postJson("/fhir/Organization", Data.organization(Data.randomBsn(), "Geen verbinding"));
      long took = System.currentTimeMillis() - started;
      System.out.println("[reliability] pool exhausted: POST answered " + busy.status() + " in " + took + " ms");
      assertEquals(503, busy.status(), busy::toString);
      assertEquals("2", busy.header("Retry-After"));
      OperationOutcome outcome = busy.outcome();
      assertTrue(outcome.getIssueFirstRep().getDiagnostics().contains("opnieuw"), busy::toString);
      assertTrue(took < 15_000, "answered in bounded time, took " + took + " ms");

      Http.Response ready = http.get("/health/ready");
      assertEquals(503, ready.status(), "not ready while the database gives no connection: " + ready);
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
    Http.Response recovered = http.postJson("/fhir/Organization", Data.organization(Data.randomBsn(), "Weer verbinding"));
    assertEquals(201, recovered.status(), recovered::toString);
    assertEquals(200, http.get("/health/ready").status());
  }
}
