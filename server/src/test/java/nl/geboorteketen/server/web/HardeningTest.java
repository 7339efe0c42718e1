package nl.geboorteketen.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx OperationOutcome and leaves the store as it was. */
class HardeningTest {

  private final Http http = Http.shared();

  @Test
  void xmlWithDoctypeIsRefusedWith400AndNothingIsStored() {
    int before = patientCount();
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <Patient xmlns="http://hl7.org/fhir"><name><family value="&xxe;"/></name></Patient>
        """;

    Http.Response response = http.post("/fhir/Patient", xxe, "application/fhir+xml");

    assertEquals(400, response.status(), response::toString);
    assertIssue(response, "DOCTYPE");
    assertEquals(before, patientCount());
  }

  @Test
  void doctypeIsRefusedEvenWhenTheContentTypeClaimsJson() {
    Http.Response response = http.post("/fhir/Patient",
        "<!doctype x><Patient xmlns=\"http://hl7.org/fhir\"/>", "application/fhir+json");
    assertEquals(400, response.status(), response::toString);
  }

  @Test
  void bodyOverTheSizeLimitIsRefusedWith413() {
    String huge = "{\"resourceType\":\"Patient\",\"text\":{\"status\":\"generated\",\"div\":\""
        + "x".repeat(11 * 1024 * 1024) + "\"}}";
    Http.Response response = http.post("/fhir/Patient", huge, "application/fhir+json");
    assertEquals(413, response.status());
    assertIssue(response, "GK_MAX_REQUEST_BYTES");
  }

  @Test
  void anErrorAnswerHasOneDateAndOneServerHeader() {
    for (Http.Response r : java.util.List.of(http.anonymous().get("/fhir/Patient"), http.get("/fhir/Patient/nope"),
        http.get("/fhir/Patient?_count=1"))) {
      assertEquals(1, r.raw().headers().allValues("date").size(), r.raw().headers()::toString);
      assertEquals(1, r.raw().headers().allValues("server").size(), r.raw().headers()::toString);
    }
  }

  @Test
  void aPageHoldsWhatTheClientAskedForUpTo500() {
    String name = "Paginatest " + java.util.UUID.randomUUID();
    Bundle batch = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (int i = 0; i < 60; i++) {
      org.hl7.fhir.r4.model.Organization org = nl.geboorteketen.server.support.Fixtures.example(
          org.hl7.fhir.r4.model.Organization.class, "family-jansen-kraamzorg");
      org.setId((String) null);
      batch.addEntry().setResource(org.setName(name + " " + i)).getRequest()
          .setMethod(Bundle.HTTPVerb.POST).setUrl("Organization");
    }
    assertEquals(200, http.postJson("/fhir", batch).status());
    String search = "/fhir/Organization?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(60, http.get(search + "&_count=100").resource(Bundle.class).getEntry().size(), "not capped at 50");
    assertEquals(20, http.get(search).resource(Bundle.class).getEntry().size(), "the default page");
  }

  @Test
  void unknownResourceTypeIs400() {
    Http.Response response = http.post("/fhir/Zwangerschap", "{\"resourceType\":\"Zwangerschap\"}",
        "application/fhir+json");
    assertEquals(400, response.status(), response::toString);
    assertIssue(response, "'Zwangerschap'");
  }

  @Test
  void malformedJsonIs400() {
    Http.Response response = http.post("/fhir/Patient", "{\"resourceType\":\"Patient\",", "application/fhir+json");
    assertEquals(400, response.status(), response::toString);
    assertIssue(response, "JSON");
  }

  @Test
  void unknownElementIsRefusedNotSilentlyDropped() {
    Http.Response response = http.post("/fhir/Patient",
        "{\"resourceType\":\"Patient\",\"zwangerschapsduur\":\"40w\"}", "application/fhir+json");
    assertEquals(400, response.status(), response::toString);
    assertIssue(response, "zwangerschapsduur");
  }

  @Test
  void readOfAMissingResourceIs404WithAnOutcome() {
    Http.Response response = http.get("/fhir/Patient/does-not-exist");
    assertEquals(404, response.status());
    assertEquals("OperationOutcome", response.outcome().fhirType());
  }

  @Test
  void startPageLinksMetadataPackageAndDocs() {
    Http.Response response = http.get("/");
    assertEquals(200, response.status());
    assertTrue(response.body().contains("fhir/metadata"));
    assertTrue(response.body().contains("package.tgz"));
    assertTrue(response.body().contains("swagger-ui"));
  }

  @Test
  void packageDownloadIsAGzippedTarball() {
    Http.Response response = http.get("/package.tgz");
    assertEquals(200, response.status());
    assertEquals("application/gzip", response.header("Content-Type"));
  }

  @Test
  void swaggerUiAndOpenApiAreServed() {
    assertEquals(200, http.get("/fhir/swagger-ui/").status());
    Http.Response apiDocs = http.get("/fhir/api-docs");
    assertEquals(200, apiDocs.status());
    assertTrue(apiDocs.body().contains("openapi"));
  }

  private int patientCount() {
    return http.get("/fhir/Patient?_summary=count").resource(Bundle.class).getTotal();
  }

  private static void assertIssue(Http.Response response, String fragment) {
    OperationOutcome oo = response.outcome();
    assertTrue(oo.getIssue().stream().anyMatch(i -> i.getDiagnostics() != null && i.getDiagnostics().contains(fragment)),
        () -> "no issue mentions '" + fragment + "': " + response.body());
  }
}
