package nl.geboorteketen.server.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import nl.geboorteketen.mappings.overdracht.HandoverDocumentBuilder;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** $overdracht over HTTP: each type end to end, and its refusals. */
class OverdrachtTest {

  @Test
  void midwifeToKraamzorgCarriesPregnancyBirthChildIndicationAndSignalsOnly() {
    HandoverFamily f = new HandoverFamily();
    String indication = f.indication(ServiceRequest.ServiceRequestStatus.ACTIVE);
    String revoked = f.indication(ServiceRequest.ServiceRequestStatus.REVOKED);
    String flag = f.flag("Partner werkloos, schulden");

    Http.Response response = f.overdracht("verloskundige-kraamzorg", f.kraamzorg(), null, null);

    assertEquals(200, response.status(), response::toString);
    Bundle doc = HandoverFamily.document(response);
    Set<String> expected = new TreeSet<>(Set.of(f.mother(), f.child(), f.midwife(), f.kraamzorg(), indication, flag,
        f.id("Observation/family-jansen-pregnancy"), f.id("Observation/family-jansen-edd"),
        f.id("Observation/family-jansen-gestational-age"), f.id("Observation/family-jansen-gravidity"),
        f.id("Observation/family-jansen-parity"), f.id("Observation/family-jansen-lmp"),
        f.id("Observation/family-jansen-intended-feeding"), f.id("Observation/family-jansen-planned-birth-place"),
        f.id("Procedure/family-jansen-delivery"), f.id("Observation/family-jansen-daan-birth-weight"),
        f.id("Observation/family-jansen-daan-apgar-1"), f.id("Observation/family-jansen-daan-apgar-5")));
    assertEquals(expected, HandoverDocumentBuilder.contentKeys(doc));
    assertTrue(!HandoverDocumentBuilder.contentKeys(doc).contains(revoked), "a revoked indication never goes");
    assertEachEntryEqualsTheStoredRecord(f, doc);

    Composition c = (Composition) doc.getEntryFirstRep().getResource();
    assertEquals("https://fhir.geboorteketen.nl/StructureDefinition/gk-handover-kraamzorg", c.getMeta().getProfile().get(0).getValue());
    assertEquals(f.mother(), c.getSubject().getReference());
    assertEquals(f.midwife(), c.getAuthorFirstRep().getReference());

    Task task = HandoverFamily.task(response);
    assertEquals(Task.TaskStatus.REQUESTED, task.getStatus());
    assertEquals("308292007", task.getCode().getCodingFirstRep().getCode());
    assertEquals(f.midwife(), task.getRequester().getReference());
    assertEquals(f.kraamzorg(), task.getOwner().getReference());
    assertEquals(f.mother(), task.getFor().getReference());
    assertEquals("Bundle/" + doc.getIdElement().getIdPart(), task.getFocus().getReference());
    assertEquals(200, f.http.get("/fhir/" + task.getFocus().getReference()).status(), "the document is stored");
    String byEveryLink = "/fhir/Task?owner=" + f.kraamzorg() + "&requester=" + f.midwife() + "&patient=" + f.mother()
        + "&focus=" + task.getFocus().getReference();
    assertEquals(1, f.http.get(byEveryLink).resource(Bundle.class).getEntry().size(),
        "the Task's links are indexed with the ids the handover resolved: " + byEveryLink);
  }

  @Test
  void kraamzorgToJgzCarriesTheKraamweekAndNeedsConsentForJgz() {
    HandoverFamily f = new HandoverFamily();
    String plan = f.gezinsplan();
    String vulnerability = f.vulnerability("c");

    Http.Response refused = f.overdracht("kraamzorg-jgz", f.jgz(), f.kraamzorg(), null);
    assertEquals(422, refused.status(), refused::toString);
    OperationOutcome oo = refused.outcome();
    assertEquals(OperationOutcome.IssueType.BUSINESSRULE, oo.getIssueFirstRep().getCode());
    assertTrue(oo.getIssueFirstRep().getDiagnostics().contains("partner-delen"), refused::toString);

    String consent = f.consent("partner-delen", f.jgz(), Consent.ConsentProvisionType.PERMIT);
    Http.Response response = f.overdracht("kraamzorg-jgz", f.jgz(), f.kraamzorg(), null);

    assertEquals(200, response.status(), response::toString);
    Bundle doc = HandoverFamily.document(response);
    Set<String> expected = new TreeSet<>(Set.of(f.mother(), f.child(), f.kraamzorg(), f.jgz(), plan, vulnerability,
        f.id("Observation/family-jansen-daan-feeding-type"), f.id("Observation/family-jansen-daan-feeding-day-1"),
        f.id("Observation/family-jansen-daan-feeding-day-8"), f.id("Observation/family-jansen-daan-birth-weight"),
        f.id("Observation/family-jansen-daan-weight-day-3"), f.id("Observation/family-jansen-daan-jaundice-day-4"),
        f.id("Observation/family-jansen-daan-temperature-day-2"), f.id("Observation/family-jansen-anna-recovery-day-2"),
        f.id("Observation/family-jansen-hours-delivered")));
    assertEquals(expected, HandoverDocumentBuilder.contentKeys(doc));
    assertTrue(!HandoverDocumentBuilder.contentKeys(doc).contains(consent), "the consent itself is not content here");
    assertEachEntryEqualsTheStoredRecord(f, doc);
    Task task = HandoverFamily.task(response);
    assertEquals(f.kraamzorg(), task.getRequester().getReference());
    assertEquals(f.jgz(), task.getOwner().getReference());
  }

  @Test
  void midwifeToJgzPrenatalRequestCarriesSignalsAndConsentButNoChild() {
    HandoverFamily f = new HandoverFamily();
    String flag = f.flag("Zorgmijdend");
    String vulnerability = f.vulnerability("c");

    Http.Response refused = f.overdracht("verloskundige-jgz-prenataal", f.jgz(), null, null);
    assertEquals(422, refused.status(), refused::toString);
    assertTrue(refused.body().contains("prenataal-huisbezoek"), refused::toString);

    String consent = f.consent("prenataal-huisbezoek", f.jgz(), Consent.ConsentProvisionType.PERMIT);
    Http.Response response = f.overdracht("verloskundige-jgz-prenataal", f.jgz(), null, null);

    assertEquals(200, response.status(), response::toString);
    Bundle doc = HandoverFamily.document(response);
    assertEquals(new TreeSet<>(Set.of(f.mother(), f.midwife(), f.jgz(), flag, vulnerability, consent,
        f.id("Observation/family-jansen-pregnancy"), f.id("Observation/family-jansen-edd"))),
        HandoverDocumentBuilder.contentKeys(doc));
    assertEachEntryEqualsTheStoredRecord(f, doc);
  }

  @Test
  void missingRequiredContentIsRefusedListingEachMissingItem() {
    HandoverFamily f = new HandoverFamily();
    f.consent("prenataal-huisbezoek", f.jgz(), Consent.ConsentProvisionType.PERMIT);

    Http.Response refused = f.overdracht("verloskundige-jgz-prenataal", f.jgz(), null, null);

    assertEquals(422, refused.status(), refused::toString);
    OperationOutcome oo = refused.outcome();
    assertEquals(1, oo.getIssue().size(), refused::toString);
    assertEquals(OperationOutcome.IssueType.REQUIRED, oo.getIssueFirstRep().getCode());
    assertEquals("Composition.section.where(code = 'signalen')", oo.getIssueFirstRep().getExpression().get(0).getValue());
    assertTrue(oo.getIssueFirstRep().getDiagnostics().contains("gk-vulnerability"), refused::toString);
    assertEquals(0, f.http.get("/fhir/Task?owner=" + f.jgz()).resource(Bundle.class).getEntry().size(),
        "nothing is stored for a refused handover");
  }

  @Test
  void anExplicitRefusalBlocksEvenWhereTheCareRelationshipSuffices() {
    HandoverFamily f = new HandoverFamily();
    f.consent("partner-delen", f.kraamzorg(), Consent.ConsentProvisionType.DENY);

    Http.Response refused = f.overdracht("verloskundige-kraamzorg", f.kraamzorg(), null, null);

    assertEquals(422, refused.status(), refused::toString);
    assertTrue(refused.body().contains("geweigerd"), refused::toString);
  }

  @Test
  void aPartnerHandsOverInItsOwnNameOnly() {
    HandoverFamily f = new HandoverFamily();
    f.indication(ServiceRequest.ServiceRequestStatus.ACTIVE);
    Http kraamzorg = f.http.withToken(TestTokens.partner("kraamzorg", f.kraamzorg()));
    Http midwife = f.http.withToken(TestTokens.partner("verloskundige", f.midwife()));
    Http jgz = f.http.withToken(TestTokens.partner("jgz", f.jgz()));

    Http.Response inAnothersName = kraamzorg.postJson("/fhir/" + f.record() + "/$overdracht", parameters(f, f.midwife()));
    assertEquals(403, inAnothersName.status(), inAnothersName::toString);
    assertTrue(inAnothersName.outcome().getIssueFirstRep().getDiagnostics().contains("eigen naam"), inAnothersName::toString);
    assertEquals(403, jgz.postJson("/fhir/" + f.record() + "/$overdracht", parameters(f, null)).status(),
        "JGZ receives handovers; it does not send this type");

    Http.Response own = f.overdracht(midwife, "verloskundige-kraamzorg", f.kraamzorg(), null, null);
    assertEquals(200, own.status(), own::toString);
    assertEquals(f.midwife(), HandoverFamily.task(own).getRequester().getReference(), "the sender is the token's organisation");
  }

  private static org.hl7.fhir.r4.model.Parameters parameters(HandoverFamily f, String sender) {
    org.hl7.fhir.r4.model.Parameters p = new org.hl7.fhir.r4.model.Parameters();
    p.addParameter().setName("type").setValue(new org.hl7.fhir.r4.model.CodeType("verloskundige-kraamzorg"));
    p.addParameter().setName("ontvanger").setValue(new org.hl7.fhir.r4.model.Reference(f.kraamzorg()));
    if (sender != null) {
      p.addParameter().setName("zender").setValue(new org.hl7.fhir.r4.model.Reference(sender));
    }
    return p;
  }

  @Test
  void aReceiverOfTheWrongKindAndAnUnknownTypeAreRefused() {
    HandoverFamily f = new HandoverFamily();
    Http.Response wrongKind = f.overdracht("verloskundige-kraamzorg", f.jgz(), null, null);
    assertEquals(422, wrongKind.status(), wrongKind::toString);
    assertEquals("Parameters.parameter('ontvanger')", wrongKind.outcome().getIssueFirstRep().getExpression().get(0).getValue());

    // the OperationDefinition binds type to gk-handover-type: refused before the handover starts
    Http.Response unknown = f.overdracht("huisarts", f.kraamzorg(), null, null);
    assertEquals(400, unknown.status(), unknown::toString);
    assertEquals("type", unknown.outcome().getIssueFirstRep().getExpression().get(0).getValue());
    assertEquals("parameter-code", unknown.outcome().getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
  }

  /** Every turn taken (as by that many slow handovers): 503 with Retry-After in bounded time, nothing stored. */
  @Test
  void aHandoverThatCannotStartInTimeIsAnswered503AndStoresNothing() {
    HandoverFamily f = new HandoverFamily();
    nl.geboorteketen.server.fhir.Turns turns = TestServer.shared().bean(OverdrachtProvider.class).turns();
    int taken = turns.takeAll();
    Http.Response busy;
    long took;
    try {
      long started = System.currentTimeMillis();
      busy = f.overdracht("verloskundige-kraamzorg", f.kraamzorg(), null, null);
      took = System.currentTimeMillis() - started;
    } finally {
      turns.releaseAll(taken);
    }
    assertEquals(503, busy.status(), busy::toString);
    assertEquals("2", busy.header("Retry-After"));
    assertTrue(busy.outcome().getIssueFirstRep().getDiagnostics().contains("opnieuw"), busy::toString);
    assertTrue(took < 15_000, "answered in bounded time, took " + took + " ms");
    assertEquals(0, f.http.get("/fhir/Task?owner=" + f.kraamzorg() + "&patient=" + f.mother())
        .resource(Bundle.class).getEntry().size(), "nothing stored");

    Http.Response after = f.overdracht("verloskundige-kraamzorg", f.kraamzorg(), null, null);
    assertEquals(200, after.status(), after::toString);
    assertEquals(taken, turns.free(), "every turn given back");
  }

  /** Field by field: each record in the document is the stored record, unchanged. */
  static void assertEachEntryEqualsTheStoredRecord(HandoverFamily f, Bundle doc) {
    for (Bundle.BundleEntryComponent e : doc.getEntry()) {
      Resource inDoc = e.getResource();
      if (inDoc instanceof Composition) {
        continue;
      }
      String key = inDoc.fhirType() + "/" + inDoc.getIdElement().getIdPart();
      Resource stored = f.http.get("/fhir/" + key).resource(Resource.class);
      inDoc.setMeta(null);
      stored.setMeta(null);
      assertEquals(Http.FHIR.newJsonParser().encodeResourceToString(stored),
          Http.FHIR.newJsonParser().encodeResourceToString(inDoc), key + " differs from the stored record");
      assertTrue(e.getFullUrl().endsWith("/" + key), e.getFullUrl());
    }
  }
}
