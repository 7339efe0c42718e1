package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import nl.geboorteketen.server.support.Http;
import org.junit.jupiter.api.Test;

/**
 * A profile or value set the beheerder updates is used from the next write on: the validator's remembered
 * definitions follow the store, over HTTP as the beheerder and a client meet it.
 */
class ProfileUpdateTest {

  private static final String JSON = "application/fhir+json";

  @Test
  void anUpdatedProfileIsUsedFromTheNextWriteOn() {
    Http beheerder = Http.shared();
    String id = "test-basic-" + UUID.randomUUID().toString().substring(0, 8);
    String url = "https://fhir.geboorteketen.nl/test/StructureDefinition/" + id;

    Http.Response created = beheerder.put("/fhir/StructureDefinition/" + id, profile(id, url, 1), JSON);
    assertTrue(created.status() == 201 || created.status() == 200, created::toString);
    Http.Response refused = beheerder.post("/fhir/Basic", basic(url), JSON);
    assertEquals(422, refused.status(), refused::toString);
    assertTrue(refused.body().contains("Basic.subject"), refused::toString);

    Http.Response updated = beheerder.put("/fhir/StructureDefinition/" + id, profile(id, url, 0), JSON);
    assertEquals(200, updated.status(), updated::toString);
    Http.Response accepted = beheerder.post("/fhir/Basic", basic(url), JSON);
    assertEquals(201, accepted.status(), accepted::toString);
  }

  @Test
  void anUpdatedValueSetIsUsedFromTheNextWriteOn() {
    Http beheerder = Http.shared();
    String id = "test-codes-" + UUID.randomUUID().toString().substring(0, 8);
    String valueSetUrl = "https://fhir.geboorteketen.nl/test/ValueSet/" + id;
    String profileUrl = "https://fhir.geboorteketen.nl/test/StructureDefinition/" + id;

    assertEquals(201, beheerder.put("/fhir/CodeSystem/" + id, codeSystem(id), JSON).status());
    assertEquals(201, beheerder.put("/fhir/ValueSet/" + id, valueSet(id, valueSetUrl, "eerste"), JSON).status());
    assertEquals(201, beheerder.put("/fhir/StructureDefinition/" + id, boundProfile(id, profileUrl, valueSetUrl), JSON).status());
    Http.Response first = beheerder.post("/fhir/Basic", coded(id, profileUrl, "eerste"), JSON);
    assertEquals(201, first.status(), first::toString);
    Http.Response refused = beheerder.post("/fhir/Basic", coded(id, profileUrl, "tweede"), JSON);
    assertEquals(422, refused.status(), refused::toString);

    Http.Response updated = beheerder.put("/fhir/ValueSet/" + id, valueSet(id, valueSetUrl, "tweede"), JSON);
    assertEquals(200, updated.status(), updated::toString);
    Http.Response accepted = beheerder.post("/fhir/Basic", coded(id, profileUrl, "tweede"), JSON);
    assertEquals(201, accepted.status(), accepted::toString);
  }

  private static String codeSystem(String id) {
    return """
        {"resourceType":"CodeSystem","id":"%s","url":"https://fhir.geboorteketen.nl/test/CodeSystem/%s",
         "name":"TestCodes","status":"draft","content":"complete",
         "concept":[{"code":"eerste","display":"Eerste"},{"code":"tweede","display":"Tweede"}]}
        """.formatted(id, id);
  }

  private static String valueSet(String id, String url, String code) {
    return """
        {"resourceType":"ValueSet","id":"%s","url":"%s","name":"TestCodes","status":"draft",
         "compose":{"include":[{"system":"https://fhir.geboorteketen.nl/test/CodeSystem/%s",
           "concept":[{"code":"%s"}]}]}}
        """.formatted(id, url, id, code);
  }

  /** A profile on Basic whose code must come from the value set. */
  private static String boundProfile(String id, String url, String valueSetUrl) {
    return """
        {"resourceType":"StructureDefinition","id":"%s","url":"%s","name":"TestCoded","status":"draft",
         "fhirVersion":"4.0.1","kind":"resource","abstract":false,"type":"Basic",
         "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Basic","derivation":"constraint",
         "differential":{"element":[{"id":"Basic.code","path":"Basic.code",
           "binding":{"strength":"required","valueSet":"%s"}}]}}
        """.formatted(id, url, valueSetUrl);
  }

  private static String coded(String id, String profileUrl, String code) {
    return """
        {"resourceType":"Basic","meta":{"profile":["%s"]},
         "code":{"coding":[{"system":"https://fhir.geboorteketen.nl/test/CodeSystem/%s","code":"%s"}]}}
        """.formatted(profileUrl, id, code);
  }

  /** A profile on Basic whose subject is required (min 1) or not (min 0). */
  private static String profile(String id, String url, int subjectMin) {
    return """
        {"resourceType":"StructureDefinition","id":"%s","url":"%s","name":"TestBasic","status":"draft",
         "fhirVersion":"4.0.1","kind":"resource","abstract":false,"type":"Basic",
         "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Basic","derivation":"constraint",
         "differential":{"element":[{"id":"Basic.subject","path":"Basic.subject","min":%d}]}}
        """.formatted(id, url, subjectMin);
  }

  private static String basic(String url) {
    return """
        {"resourceType":"Basic","meta":{"profile":["%s"]},"code":{"text":"test"}}
        """.formatted(url);
  }
}
