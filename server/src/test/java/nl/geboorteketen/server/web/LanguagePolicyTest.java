package nl.geboorteketen.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;

/**
 * README "Errors": a refusal the server itself words is in Dutch. Each test provokes one kind of refusal
 * over HTTP and checks its text with a plain test: no common English function word, at least one
 * common Dutch one. (The English texts these replaced fail it.)
 */
class LanguagePolicyTest {

  private static final List<String> ENGLISH = List.of(" the ", " is not ", " only ", " must ", " has no ",
      " this ", " does not ", " cannot ", " needs ", " with ", " are ", " of a ", " for ");
  private static final List<String> DUTCH = List.of(" de ", " het ", " een ", " niet ", " geen ", " van ",
      " voor ", " alleen ", " mag ", " is ");

  private final Http http = Http.shared();

  @Test
  void noTokenIs401InDutchAlsoInTheChallenge() {
    Http.Response response = http.anonymous().get("/fhir/Patient");
    assertRefusedInDutch(response, 401);
    String challenge = response.header("WWW-Authenticate");
    assertNotNull(challenge, response::toString);
    assertDutch(challenge.substring(challenge.indexOf("error_description")));
  }

  @Test
  void aTokenFromAStrangerIs401InDutch() {
    Http.Response response = http.withToken(TestTokens.signedByStranger()).get("/fhir/Patient");
    assertRefusedInDutch(response, 401);
  }

  @Test
  void aPartnerWithoutACareRelationshipIsRefusedInDutch() {
    Fixtures.ensurePackageExamples();
    Http.Response response = http.withToken(TestTokens.partner("kraamzorg", "Organization/kraamzorg-zonder-gezinnen"))
        .get("/fhir/Patient/family-jansen-anna");
    assertRefusedInDutch(response, 403, "Organization/kraamzorg-zonder-gezinnen");
  }

  @Test
  void aPgoThatWritesIsRefusedInDutch() {
    Http.Response response = http.withToken(TestTokens.pgo("999911120"))
        .post("/fhir/Patient", "{\"resourceType\":\"Patient\"}", "application/fhir+json");
    assertRefusedInDutch(response, 403, "PGO");
  }

  @Test
  void aWriteTheRoleMayNotDoIsRefusedInDutchNamingTheRoles() {
    Organization org = Fixtures.example(Organization.class, "family-jansen-kraamzorg");
    org.setId((String) null);
    Http.Response response = http.withToken(TestTokens.partner("kraamzorg", "Organization/family-jansen-kraamzorg"))
        .postJson("/fhir/Organization", org);
    assertRefusedInDutch(response, 403, "beheerder", "kraamzorg");
  }

  @Test
  void anUnknownResourceTypeIs400InDutch() {
    Http.Response response = http.post("/fhir/Zwangerschap", "{\"resourceType\":\"Zwangerschap\"}",
        "application/fhir+json");
    assertRefusedInDutch(response, 400, "'Zwangerschap'");
  }

  @Test
  void anIfMatchConflictIs412InDutch() {
    Organization org = Fixtures.example(Organization.class, "family-jansen-kraamzorg");
    org.setId((String) null);
    org.setName("Taaltest " + java.util.UUID.randomUUID());
    Http.Response created = http.postJson("/fhir/Organization", org);
    assertEquals(201, created.status(), created::toString);
    String id = created.resource(Organization.class).getIdElement().getIdPart();
    org.setId(id);
    Http.Response response = http.send(java.net.http.HttpRequest.newBuilder()
        .uri(java.net.URI.create(nl.geboorteketen.server.support.TestServer.shared().baseUrl() + "/Organization/" + id))
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Http.FHIR.newJsonParser().encodeResourceToString(org)))
        .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
        .header("If-Match", "W/\"99\""));
    assertRefusedInDutch(response, 412);
  }

  /** The status, a Dutch OperationOutcome, and each of the words a person needs to act on it. */
  private static void assertRefusedInDutch(Http.Response response, int status, String... mentions) {
    assertEquals(status, response.status(), response::toString);
    assertDutch(text(response));
    for (String mention : mentions) {
      assertTrue(text(response).contains(mention), response::toString);
    }
  }

  private static String text(Http.Response response) {
    OperationOutcome outcome = response.outcome();
    StringBuilder text = new StringBuilder();
    for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
      text.append(issue.getDiagnostics()).append(' ').append(issue.getDetails().getText()).append(' ');
    }
    return text.toString().replace("null", "");
  }

  static void assertDutch(String text) {
    String padded = " " + text.toLowerCase(Locale.ROOT).replaceAll("[.,;:()\"']", " ") + " ";
    for (String word : ENGLISH) {
      assertFalse(padded.contains(word), () -> "English '" + word.trim() + "' in: " + text);
    }
    assertTrue(DUTCH.stream().anyMatch(padded::contains), () -> "no common Dutch word in: " + text);
  }
}
