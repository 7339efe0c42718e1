package nl.geboorteketen.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.geboorteketen.server.support.Http;
import org.junit.jupiter.api.Test;

/** The load balancer's view: anonymous JSON, 200 when live and when ready. */
class HealthEndpointTest {

  @Test
  void liveAndReadyAnswer200WithJson() {
    Http.Response live = Http.shared().get("/health/live");
    assertEquals(200, live.status(), live::toString);
    assertTrue(live.body().contains("\"status\":\"UP\""), live::toString);

    Http.Response ready = Http.shared().get("/health/ready");
    assertEquals(200, ready.status(), ready::toString);
    assertTrue(ready.header("Content-Type").startsWith("application/json"), ready::toString);
    assertTrue(ready.body().contains("\"database\":{\"status\":\"UP\""), ready::toString);
    assertTrue(ready.body().contains("\"package\":{\"status\":\"UP\",\"detail\":\"geboorteketen.r4#"), ready::toString);
  }
}
