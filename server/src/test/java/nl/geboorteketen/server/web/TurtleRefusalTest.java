package nl.geboorteketen.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Turtle (RDF) is neither taken nor given (Jena is left out): the client gets a 406 or 415 it can act
 * on, never HAPI's 500, and an Accept header that also names JSON or XML is served as before.
 */
class TurtleRefusalTest {

  private final Http http = Http.shared();

  @ParameterizedTest(name = "Accept: {0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "text/turtle | 406",
      "ttl | 406",
      "application/x-turtle | 406",
      "application/fhir+turtle;q=0.9 | 406",
      "text/turtle, application/fhir+json;q=0.5 | 200",
      "application/fhir+xml;q=0.4, text/turtle | 200",
      "application/fhir+json | 200"})
  void anAcceptHeaderIsServedWithoutTurtle(String accept, int status) {
    Http.Response answer = http.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/Organization?_count=1"))
        .GET().header("Accept", accept));

    assertEquals(status, answer.status(), answer::toString);
    String type = answer.header("Content-Type");
    assertFalse(type.contains("turtle"), type);
    if (status == 406) {
      assertTrue(answer.outcome().getIssueFirstRep().getDiagnostics().contains("Accept"), answer::toString);
    } else {
      assertTrue(type.contains(accept.startsWith("application/fhir+xml") ? "xml" : "json"), type);
    }
  }

  @Test
  void turtleOnASecondAcceptLineIsStruckOutToo() {
    Http.Response answer = http.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/Organization?_count=1"))
        .GET().header("Accept", "application/fhir+json;q=0.1").header("Accept", "text/turtle"));

    assertEquals(200, answer.status(), answer::toString);
    assertTrue(answer.header("Content-Type").contains("json"), answer::toString);
  }

  @ParameterizedTest(name = "_format={0}")
  @CsvSource({"ttl", "text/turtle", "application/x-turtle", "html/turtle"})
  void turtleAskedForByFormatGets406(String format) {
    Http.Response answer = http.get("/fhir/Organization?_count=1&_format=" + format);

    assertEquals(406, answer.status(), answer::toString);
    assertTrue(answer.outcome().getIssueFirstRep().getDiagnostics().contains("_format=json"), answer::toString);
  }

  @Test
  void turtleAskedForInASearchFormGets406() {
    Http.Response answer = http.post("/fhir/Organization/_search", "_count=1&_format=ttl",
        "application/x-www-form-urlencoded");
    assertEquals(406, answer.status(), answer::toString);
  }

  @Test
  void theIzkEndpointRefusesTurtleToo() {
    Http.Response answer = http.get("/fhir/stu3/Patient?_format=ttl");
    assertEquals(406, answer.status(), answer::toString);
  }

  @Test
  void theCapabilityStatementOffersJsonAndXmlOnly() {
    CapabilityStatement capabilities = http.get("/fhir/metadata").resource(CapabilityStatement.class);
    assertTrue(capabilities.getFormat().stream().noneMatch(f -> f.getValue().contains("turtle") || f.getValue().equals("ttl")),
        () -> capabilities.getFormat().toString());
    assertTrue(capabilities.getFormat().stream().anyMatch(f -> f.getValue().equals("application/fhir+json")));
  }

  @Test
  void jenaIsLeftOutButWhatHapiTakesFromItsDependenciesStays() throws Exception {
    assertFalse(new ca.uhn.fhir.context.FhirContext(ca.uhn.fhir.context.FhirVersionEnum.R4).isFormatRdfSupported());
    // HAPI's bulk import job calls this class, which came with Jena (docs/decisions.md, "Turtle left out")
    Class.forName("com.apicatalog.jsonld.StringUtils");
  }

  private static String root() {
    String base = nl.geboorteketen.server.support.TestServer.shared().baseUrl();
    return base.substring(0, base.length() - "/fhir".length());
  }
}
