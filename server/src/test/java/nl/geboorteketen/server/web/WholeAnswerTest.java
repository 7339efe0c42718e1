package nl.geboorteketen.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.Test;

/** Answers leave whole: a small one in one piece with its length, a large or compressed one complete. */
class WholeAnswerTest {

  private final Http http = Http.shared();

  @Test
  void anAnswerFullOfNumbersGoesOutInOnePieceWithItsLength() {
    // HAPI flushes after every decimal; each flush would have been a chunk of its own
    Http.Response r = http.post("/fhir/ServiceRequest/$lip-indicatie", """
        {"resourceType": "Parameters", "parameter": [{"name": "eersteKind", "valueBoolean": true},
          {"name": "voeding", "valueCode": "borstvoeding"}]}""", "application/fhir+json");

    assertEquals(200, r.status(), r::toString);
    assertTrue(r.body().contains("\"valueDecimal\""), r::toString);
    assertNull(r.header("transfer-encoding"), r.raw().headers()::toString);
    assertEquals(String.valueOf(r.body().getBytes(StandardCharsets.UTF_8).length), r.header("content-length"));
    assertEquals("basis", ((Coding) r.resource(Parameters.class).getParameter("pakket").getValue()).getCode());
  }

  @Test
  void anErrorWrittenAfterAResetArrivesWholeWithItsLength() {
    Http.Response r = http.get("/fhir/Patient/bestaat-niet");

    assertEquals(404, r.status(), r::toString);
    assertEquals(String.valueOf(r.body().getBytes(StandardCharsets.UTF_8).length), r.header("content-length"));
    assertTrue(r.outcome().getIssueFirstRep().getDiagnostics().contains("bestaat-niet"), r::toString);
  }

  @Test
  void anAnswerLargerThanTheServersBufferArrivesWhole() {
    Http.Response r = http.get("/fhir/metadata");

    assertEquals(200, r.status());
    assertTrue(r.body().length() > 64 * 1024, "the test needs an answer over Jetty's 32 kB buffer: " + r.body().length());
    assertTrue(r.resource(CapabilityStatement.class).getRest().get(0).getResource().size() > 20);
  }

  @Test
  void aCompressedAnswerArrivesWhole() throws IOException, InterruptedException {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(TestServer.shared().baseUrl() + "/metadata"))
        .header("Accept", "application/fhir+json").header("Accept-Encoding", "gzip")
        .header("Authorization", "Bearer " + TestTokens.beheerder()).build(), HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(200, r.statusCode());
    assertEquals("gzip", r.headers().firstValue("content-encoding").orElse(null));
    String body;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(http.get("/fhir/metadata").resource(CapabilityStatement.class).getRest().get(0).getResource().size(),
        Http.FHIR.newJsonParser().parseResource(CapabilityStatement.class, body).getRest().get(0).getResource().size());
  }
}
