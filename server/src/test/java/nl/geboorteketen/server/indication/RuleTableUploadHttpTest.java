package nl.geboorteketen.server.indication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.rules.RuleTableStore;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A provider loads its own LIP table version over REST; no code change, no restart. */
class RuleTableUploadHttpTest {

  static Http http;

  @BeforeAll
  static void server() {
    TestServer.shared();
    http = Http.shared();
  }

  @Test
  void aNewTableVersionIsUsedAtOnceAndABrokenOneIsRefused() {
    Library table = RuleTableStore.findInPackage(FhirContext.forR4Cached(), ProfilePackage.fromClasspath(),
        IndicationCodes.LIP_TABLE).orElseThrow();
    String json = new String(RuleTableStore.content(table), StandardCharsets.UTF_8)
        .replace("\"version\": \"2008.1\"", "\"version\": \"2026.1\"")
        .replace("\"code\": \"voorlichting\", \"label\": \"Voorlichting\", \"firstChild\": 12",
            "\"code\": \"voorlichting\", \"label\": \"Voorlichting\", \"firstChild\": 14");
    assertTrue(json.contains("\"firstChild\": 14"), "the test edits the table it means to edit");

    Library broken = library("2026.2", "{\"url\": \"" + IndicationCodes.LIP_TABLE + "\", \"rules\": {}}");
    Http.Response refused = http.postJson("/fhir/Library", broken);
    assertEquals(422, refused.status(), refused::toString);
    assertEquals("Library.content[0].data", refused.outcome().getIssueFirstRep().getExpression().get(0).getValue());

    Http.Response created = http.postJson("/fhir/Library", library("2026.1", json));
    assertEquals(201, created.status(), created::toString);
    String id = created.header("Location").replaceAll(".*/Library/([^/]+)/.*", "$1");
    try {
      Parameters out = http.postJson("/fhir/ServiceRequest/$lip-indicatie", LipIndicationHttpTest.basis())
          .resource(Parameters.class);
      assertEquals(0, new BigDecimal("51").compareTo(LipIndicationHttpTest.decimal(out, "totaalUren")));
      assertEquals(IndicationCodes.LIP_TABLE + "|2026.1", out.getParameter("regeltabel").getValue().primitiveValue());
    } finally {
      Library stored = http.get("/fhir/Library/" + id).resource(Library.class);
      stored.setStatus(Enumerations.PublicationStatus.RETIRED);
      assertEquals(200, http.put("/fhir/Library/" + id, Http.FHIR.newJsonParser().encodeResourceToString(stored),
          "application/fhir+json").status());
    }
    Parameters back = http.postJson("/fhir/ServiceRequest/$lip-indicatie", LipIndicationHttpTest.basis())
        .resource(Parameters.class);
    assertEquals(0, new BigDecimal("49").compareTo(LipIndicationHttpTest.decimal(back, "totaalUren")),
        "retiring the provider's table falls back to the package's");
  }

  /**
   * The store remembers which table is current and reads the database at most twice a second, so a
   * table written through this node must count on the very next call: the calls here follow each
   * other within that half second.
   */
  @Test
  void aStoredOrDeletedTableCountsOnTheNextCall() {
    Library table = RuleTableStore.findInPackage(FhirContext.forR4Cached(), ProfilePackage.fromClasspath(),
        IndicationCodes.LIP_TABLE).orElseThrow();
    String json = new String(RuleTableStore.content(table), StandardCharsets.UTF_8)
        .replace("\"version\": \"2008.1\"", "\"version\": \"2026.3\"");
    assertEquals(IndicationCodes.LIP_TABLE + "|2008.1", regeltabel(), "the package's table first");
    Http.Response created = http.postJson("/fhir/Library", library("2026.3", json));
    assertEquals(201, created.status(), created::toString);
    String id = created.header("Location").replaceAll(".*/Library/([^/]+)/.*", "$1");
    assertEquals(IndicationCodes.LIP_TABLE + "|2026.3", regeltabel());

    assertEquals(200, http.delete("/fhir/Library/" + id).status());
    assertEquals(IndicationCodes.LIP_TABLE + "|2008.1", regeltabel(), "the package's table again");
  }

  private static String regeltabel() {
    return http.postJson("/fhir/ServiceRequest/$lip-indicatie", LipIndicationHttpTest.basis())
        .resource(Parameters.class).getParameter("regeltabel").getValue().primitiveValue();
  }

  /** Every table a feature declares is checked on upload, not only the LIP's. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "https://fhir.geboorteketen.nl/Library/ondersteuningsprogrammas",
      "https://fhir.geboorteketen.nl/Library/borstvoedingsindicator"})
  void aBrokenTableOfAnyFeatureIsRefused(String url) {
    Library broken = library(url, "2026.9", "{\"programmes\": 5, \"norm\": \"hoog\"}");
    Http.Response refused = http.postJson("/fhir/Library", broken);
    assertEquals(422, refused.status(), refused::toString);
    assertEquals("Library.content[0].data", refused.outcome().getIssueFirstRep().getExpression().get(0).getValue());
  }

  private static Library library(String version, String content) {
    return library(IndicationCodes.LIP_TABLE, version, content);
  }

  private static Library library(String url, String version, String content) {
    Library library = new Library();
    library.setUrl(url);
    library.setVersion(version);
    library.setName("LipTest");
    library.setStatus(Enumerations.PublicationStatus.ACTIVE);
    library.getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/library-type").setCode("asset-collection");
    library.addContent().setContentType("application/json").setData(content.getBytes(StandardCharsets.UTF_8));
    return library;
  }
}
