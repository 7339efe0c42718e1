package nl.geboorteketen.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Races on one resource: optimistic locking with If-Match, and conditional create on one BSN. */
@Tag("storage")
class ConcurrentWritesTest {

  private static final int WRITERS = 8;

  @Test
  void ifMatchRaceLetsExactlyOneUpdateWin() throws Exception {
    Http http = Http.shared();
    Http.Response created = http.postJson("/fhir/Organization", Data.organization(Data.randomBsn(), "Versie 1"));
    assertEquals(201, created.status(), created::toString);
    String id = created.resource(Organization.class).getIdElement().getIdPart();

    List<Integer> statuses = race(WRITERS, i -> {
      Organization org = Data.organization("x", "Schrijver " + i);
      org.setId(id);
      org.getIdentifierFirstRep().setValue(created.resource(Organization.class).getIdentifierFirstRep().getValue());
      return http.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/Organization/" + id))
          .PUT(HttpRequest.BodyPublishers.ofString(Data.json(org)))
          .header("Content-Type", "application/fhir+json").header("If-Match", "W/\"1\"")).status();
    });
    Map<Integer, Long> counts = count(statuses);
    System.out.println("[reliability] If-Match race, " + WRITERS + " writers on version 1: " + counts);
    assertEquals(1L, counts.getOrDefault(200, 0L), () -> "exactly one update wins: " + counts);
    assertEquals(WRITERS - 1L, counts.getOrDefault(412, 0L), () -> "every other writer gets 412: " + counts);

    Http.Response history = http.get("/fhir/Organization/" + id + "/_history");
    assertEquals(2, history.resource(Bundle.class).getEntry().size(), "version 1 plus exactly one update");
    Organization now = http.get("/fhir/Organization/" + id).resource(Organization.class);
    assertEquals("2", now.getMeta().getVersionId());
    assertTrue(now.getName().startsWith("Schrijver "), now.getName());
  }

  @Test
  void conditionalCreateRaceOnOneBsnMakesOnePatient() throws Exception {
    Http http = Http.shared();
    String bsn = Data.randomBsn();
    String body = Data.json(Data.patient(bsn));
    List<Integer> statuses = race(WRITERS, i -> http.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/Patient"))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/fhir+json")
        .header("If-None-Exist", "identifier=" + Data.BSN + "|" + bsn)).status());
    Map<Integer, Long> counts = count(statuses);
    System.out.println("[reliability] conditional-create race, " + WRITERS + " writers, one BSN: " + counts);

    Bundle found = http.get("/fhir/Patient?identifier=" + Data.BSN + "%7C" + bsn + "&_total=accurate").resource(Bundle.class);
    assertEquals(1, found.getTotal(), () -> "one Patient for BSN " + bsn + "; answers " + counts);
    assertEquals(1L, counts.getOrDefault(201, 0L), () -> "one create: " + counts);
    assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201 || s == 409 || s == 412),
        () -> "others see the existing Patient or a conflict, never a 5xx: " + counts);
  }

  /** Plain creates, no condition, as a midwife: the BSN's unique key in the ledger lets one through. */
  @Test
  void plainCreatesOfOneBsnAtOnceMakeOnePatient() throws Exception {
    Http midwife = Http.shared().withToken(nl.geboorteketen.server.support.TestTokens.partner("verloskundige",
        "Organization/family-jansen-verloskundigenpraktijk"));
    nl.geboorteketen.server.support.Fixtures.ensurePackageExamples();
    String bsn = Data.randomBsn();
    String body = Data.json(Data.patient(bsn));
    List<Integer> statuses = race(WRITERS, i -> midwife.post("/fhir/Patient", body, "application/fhir+json").status());
    Map<Integer, Long> counts = count(statuses);
    System.out.println("[reliability] plain-create race, " + WRITERS + " writers, one BSN: " + counts);
    Bundle found = Http.shared().get("/fhir/Patient?identifier=" + Data.BSN + "%7C" + bsn).resource(Bundle.class);
    assertEquals(1, found.getEntry().size(), () -> "one Patient for BSN " + bsn + "; answers " + counts);
    assertEquals(1L, counts.getOrDefault(201, 0L), () -> "one create: " + counts);
    assertEquals(WRITERS - 1L, counts.getOrDefault(409, 0L), () -> "every other writer gets 409: " + counts);
  }

  private static String root() {
    return TestServer.shared().baseUrl().replaceAll("/fhir$", "");
  }

  interface Writer {
    int write(int i) throws Exception;
  }

  /** Runs the writers released at the same moment and returns their HTTP statuses. */
  static List<Integer> race(int n, Writer writer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<Integer> task = () -> {
          start.await();
          return writer.write(index);
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : futures) {
        statuses.add(f.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  static Map<Integer, Long> count(List<Integer> statuses) {
    Map<Integer, Long> counts = new TreeMap<>();
    statuses.forEach(s -> counts.merge(s, 1L, Long::sum));
    return counts;
  }
}
