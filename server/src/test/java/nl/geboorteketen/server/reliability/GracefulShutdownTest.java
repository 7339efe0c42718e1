package nl.geboorteketen.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** SIGTERM to the server process lets a request in flight finish (and commit) before the process exits. */
class GracefulShutdownTest {

  private static final int ENTRIES = 400;

  @Test
  void sigtermFinishesTheRequestInFlight() throws Exception {
    Path dataDir = Files.createTempDirectory("gk-sigterm-");
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    String key = UUID.randomUUID().toString();
    for (int i = 0; i < ENTRIES; i++) {
      tx.addEntry().setResource(Data.organization(key, "Traag " + i))
          .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Organization");
    }
    String body = Data.json(tx); // encoded before the clock starts: the first encoding initialises HAPI's model
    long sigtermAt;
    Http.Response answer;
    long answeredAt;
    try (ServerProcess server = ServerProcess.start(Map.of("GK_DATA_DIR", dataDir.toString()), dataDir)) {
      CompletableFuture<Http.Response> inFlight = CompletableFuture.supplyAsync(
          () -> server.http.post("/fhir", body, "application/fhir+json"));
      Thread.sleep(1_500);
      assertTrue(!inFlight.isDone(), "the transaction is still in flight when SIGTERM is sent");
      sigtermAt = System.currentTimeMillis();
      server.process.destroy(); // SIGTERM
      answer = inFlight.get(120, TimeUnit.SECONDS);
      answeredAt = System.currentTimeMillis();
      assertTrue(server.process.waitFor(60, TimeUnit.SECONDS), "the process exits after SIGTERM");
    }
    System.out.printf("[reliability] SIGTERM with a %d-entry transaction in flight: answered %d, %d ms after SIGTERM%n",
        ENTRIES, answer.status(), answeredAt - sigtermAt);
    assertEquals(200, answer.status(), answer::toString);

    // Read the H2 file directly: faster than starting a server, and it sees exactly what was committed.
    String url = "jdbc:h2:file:" + dataDir.resolve("geboorteketen");
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT COUNT(*) FROM HFJ_RESOURCE WHERE RES_TYPE = 'Organization' AND RES_DELETED_AT IS NULL")) {
      rs.next();
      assertEquals(ENTRIES, rs.getInt(1), "the whole transaction was committed before exit");
    }
  }
}
