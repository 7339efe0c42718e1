package nl.geboorteketen.server.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.junit.jupiter.api.Test;

/** Every answer names its request: the caller's X-Request-ID, or one the server makes up. */
class RequestIdTest {

  private final Http http = Http.shared();

  @Test
  void aRequestWithoutAnIdGetsSixteenLettersAndDigitsOfItsOwn() {
    String first = http.get("/fhir/metadata").header("x-request-id");
    String second = http.get("/fhir/metadata").header("x-request-id");

    assertTrue(first != null && first.matches("[A-Za-z0-9]{16}"), first);
    assertTrue(second != null && second.matches("[A-Za-z0-9]{16}"), second);
    assertNotEquals(first, second);
  }

  @Test
  void theCallersOwnIdIsKept() {
    Http.Response r = http.send(HttpRequest.newBuilder(URI.create(TestServer.shared().baseUrl() + "/metadata"))
        .header("X-Request-ID", "keten-test-42").header("Accept", "application/fhir+json").GET());

    assertEquals("keten-test-42", r.header("x-request-id"));
  }
}
