package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import nl.geboorteketen.server.audit.AuditInterceptor;
import nl.geboorteketen.server.pgo.CorrelationIdInterceptor;
import nl.geboorteketen.server.pgo.PgoSearchNarrowingInterceptor;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import nl.geboorteketen.server.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The cost of security + audit: the same reads and searches, same server, same run, once with
 * the security interceptors on (as the Jansen midwife: token check, care relationship, filter,
 * audit record) and once with them taken off. Prints the figures; README/report quote them.
 */
class SecurityOverheadTest {

  private static final int ROUNDS = 150;

  @Test
  void measureReadsAndSearchesWithAndWithoutSecurity() {
    SecurityWorld.get();
    Http midwife = Http.shared().withToken(TestTokens.partner("verloskundige", SecurityWorld.MIDWIFE));
    run(midwife, 30); // warm up
    long on = run(midwife, ROUNDS);

    RestfulServer server = TestServer.shared().bean(RestfulServer.class);
    List<Object> ours = server.getInterceptorService().getAllRegisteredInterceptors().stream()
        .filter(i -> List.of(AuthenticationInterceptor.class, AuthorizationInterceptor.class,
            FamilyFilterInterceptor.class, AuditInterceptor.class, PgoSearchNarrowingInterceptor.class,
            CorrelationIdInterceptor.class).contains(i.getClass()))
        .toList();
    assertEquals(6, ours.size());
    // hooks run in registration order: put every interceptor back where it was, not ours at the end
    List<Object> all = List.copyOf(server.getInterceptorService().getAllRegisteredInterceptors());
    long off;
    try {
      ours.forEach(server::unregisterInterceptor);
      Http plain = Http.shared().anonymous();
      run(plain, 30);
      off = run(plain, ROUNDS);
    } finally {
      all.forEach(server::unregisterInterceptor);
      all.forEach(server::registerInterceptor);
    }
    double perOn = on / 1e6 / (2.0 * ROUNDS);
    double perOff = off / 1e6 / (2.0 * ROUNDS);
    System.out.printf("SECURITY OVERHEAD: %d reads + %d searches; on %.2f ms/request (%.0f req/s), off %.2f ms/request "
            + "(%.0f req/s); throughput %.0f%% lower with security and audit%n",
        ROUNDS, ROUNDS, perOn, 1000 / perOn, perOff, 1000 / perOff, 100 * (1 - perOff / perOn));
  }

  private static long run(Http http, int rounds) {
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      assertEquals(200, http.get("/fhir/Patient/family-jansen-anna").status());
      assertEquals(200, http.get("/fhir/Observation?subject=Patient/family-jansen-anna").status());
    }
    return System.nanoTime() - start;
  }
}
