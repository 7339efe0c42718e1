package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search's conditions run over every family's records; only its results are filtered. With
 * {@code _has} (and {@code _list}, which HAPI makes into one) the conditions are about the records
 * that point at a result, so a result everyone may read (an Organization) answered a question
 * about a stranger. Each test asks the beheerder first, to show the question does tell.
 */
class ReverseChainTest {

  private static SecurityWorld world;
  private static Http midwife;
  private static Http pgo;
  private static Http admin;

  @BeforeAll
  static void world() {
    world = SecurityWorld.get();
    midwife = Http.shared().withToken(TestTokens.partner("verloskundige", SecurityWorld.MIDWIFE));
    pgo = Http.shared().withToken(TestTokens.pgo(SecurityWorld.ANNA_BSN));
    admin = Http.shared();
  }

  /** Which practice cares for the stranger, asked through the maternal records that point at practices. */
  private static String whoCaresForTheStranger() {
    return "_has:EpisodeOfCare:organization:patient.identifier=" + world.otherMotherBsn;
  }

  private static String practice() {
    return world.otherMidwife.substring("Organization/".length());
  }

  private static void assertRefused(Http.Response r, String saying) {
    assertEquals(403, r.status(), r::toString);
    OperationOutcome.OperationOutcomeIssueComponent issue = r.outcome().getIssueFirstRep();
    assertEquals(OperationOutcome.IssueType.FORBIDDEN, issue.getCode(), r::toString);
    assertTrue(issue.getDiagnostics().contains(saying), r::toString);
  }

  @Test
  void whatPointsAtAnOrganisationTellsAPartnerOrPgoNothing() {
    String question = "/fhir/Organization?" + whoCaresForTheStranger();
    Http.Response told = admin.get(question);
    assertTrue(told.mentions(practice()), () -> "the beheerder's answer names the stranger's practice: " + told);
    assertFalse(admin.get(question.replace(world.otherMotherBsn, SecurityWorld.ANNA_BSN)).mentions(practice()));
    for (Http caller : List.of(midwife, pgo)) {
      assertRefused(caller.get(question), "alleen gebruiken bij het zoeken naar Patient");
      assertRefused(caller.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/Organization/_search"))
          .POST(HttpRequest.BodyPublishers.ofString(whoCaresForTheStranger()))
          .header("Content-Type", "application/x-www-form-urlencoded")), "alleen gebruiken bij het zoeken naar Patient");
    }

    ListResource strangersList = new ListResource().setStatus(ListResource.ListStatus.CURRENT)
        .setMode(ListResource.ListMode.WORKING).setSubject(new Reference(world.otherMother));
    strangersList.addEntry().setItem(new Reference(world.otherMidwife));
    Http.Response stored = admin.postJson("/fhir/List", strangersList);
    assertEquals(201, stored.status(), stored::toString);
    String list = "/fhir/Organization?_list=" + stored.resource(ListResource.class).getIdElement().getIdPart();
    assertTrue(admin.get(list).mentions(practice()), "the beheerder reads what the stranger's list holds");
    assertRefused(midwife.get(list), "_list");
  }

  @Test
  void aPartnersReverseChainStaysWithHerFamilysPatients() {
    Http.Response mothers = midwife.get("/fhir/Patient?_has:EpisodeOfCare:patient:status=active");
    assertEquals(200, mothers.status(), mothers::toString);
    assertTrue(mothers.mentions(SecurityWorld.ANNA.substring("Patient/".length())), mothers::toString);
    assertFalse(mothers.mentions(world.otherMother.substring("Patient/".length())), mothers::toString);
    assertRefused(midwife.get("/fhir/Patient?_has:Observation:subject:_has:Provenance:target:agent="
        + world.otherMidwife), "niet binnen _has");
    assertRefused(midwife.get("/fhir/Patient?_has:AuditEvent:patient:type=rest"), "AuditEvent is alleen leesbaar");
    assertEquals(200, pgo.get("/fhir/Patient?_has:AuditEvent:patient:type=rest").status(), "the family reads its log");
  }

  @Test
  void aConditionAboutWhatPointsAtARecordIsRefusedAndStoresNothing() {
    String marker = "kamer-" + System.nanoTime();
    Location room = new Location().setName(marker).setStatus(Location.LocationStatus.ACTIVE);
    String body = Http.FHIR.newJsonParser().encodeResourceToString(room);
    assertRefused(midwife.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/Location"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/fhir+json")
        .header("If-None-Exist", whoCaresForTheStranger())), "voorwaarde van een conditionele aanvraag");
    assertRefused(midwife.put("/fhir/Location?" + whoCaresForTheStranger(), body, "application/fhir+json"),
        "voorwaarde van een conditionele aanvraag");

    Observation byThePractice = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept().setText(marker)).setSubject(new Reference(SecurityWorld.ANNA));
    byThePractice.addPerformer(new Reference("Organization?" + whoCaresForTheStranger()));
    assertRefused(midwife.postJson("/fhir/Observation", byThePractice), "voorwaarde van een conditionele aanvraag");

    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch.addEntry().setResource(room).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Location")
        .setIfNoneExist(whoCaresForTheStranger());
    batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Location?" + whoCaresForTheStranger());
    Http.Response answered = midwife.postJson("/fhir", batch);
    assertEquals(200, answered.status(), answered::toString);
    for (Bundle.BundleEntryComponent entry : answered.resource(Bundle.class).getEntry()) {
      assertTrue(entry.getResponse().getStatus().startsWith("403"), answered::toString);
    }
    assertTrue(admin.get("/fhir/Location?name:exact=" + marker).resource(Bundle.class).getEntry().isEmpty(),
        "nothing stored");
    assertTrue(admin.get("/fhir/Observation?code:text=" + marker).resource(Bundle.class).getEntry().isEmpty(),
        "nothing stored");
  }

  private static String root() {
    String base = nl.geboorteketen.server.support.TestServer.shared().baseUrl();
    return base.substring(0, base.length() - "/fhir".length());
  }
}
