package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attacks of issue #18, each as a partner with a valid token: the Jansen family's midwife
 * tries to open the second family. Nothing it writes may grant it access; every refusal is a 403
 * that stores nothing and is audited.
 */
class ForgedAccessTest {

  private static final String SUB = "forger-" + java.util.UUID.randomUUID();
  private static SecurityWorld world;
  private static Http midwife;
  private static Http admin;

  @BeforeAll
  static void world() {
    world = SecurityWorld.get();
    midwife = Http.shared().withToken(TestTokens.sign(new com.nimbusds.jwt.JWTClaimsSet.Builder().subject(SUB)
        .claim("client_id", "forger-ehr").claim("gk_role", "verloskundige").claim("gk_org", SecurityWorld.MIDWIFE)
        .claim("scope", "system/*.cruds")));
    admin = Http.shared();
  }

  /** Refused with 403 and the reason — and the refusal is the newest record of this caller in the audit log. */
  private static void assertForbidden(Http.Response r) {
    assertEquals(403, r.status(), r::toString);
    OperationOutcome.OperationOutcomeIssueComponent issue = r.outcome().getIssueFirstRep();
    assertEquals(OperationOutcome.IssueType.FORBIDDEN, issue.getCode(), r::toString);
    Bundle refusals = admin.get("/fhir/AuditEvent?agent=" + SUB + "&outcome=4&_count=1").resource(Bundle.class);
    assertFalse(refusals.getEntry().isEmpty(), "the refusal is audited");
    String recorded = ((org.hl7.fhir.r4.model.AuditEvent) refusals.getEntryFirstRep().getResource()).getOutcomeDesc();
    assertTrue(recorded.startsWith("403") && recorded.contains(issue.getDiagnostics().replaceAll("^HAPI-\\d+: ", "")
        .substring(0, 20)), () -> "audited as " + recorded + " for " + r);
  }

  /** Refused with 403 (for callers other than the forging midwife). */
  private static void assertRefused(Http.Response r) {
    assertEquals(403, r.status(), r::toString);
    assertEquals(OperationOutcome.IssueType.FORBIDDEN, r.outcome().getIssueFirstRep().getCode(), r::toString);
  }

  private static void assertStillClosed() {
    assertForbidden(midwife.get("/fhir/" + world.otherMother));
    assertForbidden(midwife.get("/fhir/" + world.otherMother + "/$everything"));
  }

  @Test
  void aFamilyLinkToAStrangerIsRefused() {
    RelatedPerson link = Fixtures.example(RelatedPerson.class, "family-jansen-daan-moeder");
    link.setId((String) null);
    link.getExtension().removeIf(e -> e.getUrl().endsWith("ext-maternal-record"));
    link.setPatient(new Reference(world.otherMother));
    assertForbidden(midwife.postJson("/fhir/RelatedPerson", link));
    assertStillClosed();
  }

  /** A stored document belongs to the families it carries: one about a stranger is not the midwife's to store. */
  @Test
  void aDocumentCarryingAStrangerIsRefused() {
    Bundle doc = new Bundle().setType(Bundle.BundleType.DOCUMENT).setTimestamp(new java.util.Date());
    doc.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + java.util.UUID.randomUUID());
    String base = nl.geboorteketen.server.support.TestServer.shared().baseUrl();
    String id = java.util.UUID.randomUUID().toString();
    org.hl7.fhir.r4.model.Composition c = new org.hl7.fhir.r4.model.Composition()
        .setStatus(org.hl7.fhir.r4.model.Composition.CompositionStatus.FINAL).setDate(new java.util.Date())
        .setTitle("Overdracht").setType(new org.hl7.fhir.r4.model.CodeableConcept().setText("overdracht"))
        .setSubject(new Reference(world.otherMother));
    c.addAuthor().setDisplay("vervalst");
    doc.addEntry().setFullUrl(base + "/Composition/" + id).setResource(c.setId(id));
    org.hl7.fhir.r4.model.Patient stranger = new org.hl7.fhir.r4.model.Patient();
    stranger.setId(world.otherMother);
    stranger.addName().setFamily("Vreemd");
    doc.addEntry().setFullUrl(base + "/" + world.otherMother).setResource(stranger);

    assertForbidden(midwife.postJson("/fhir/Bundle", doc));
    assertStillClosed();
  }

  /**
   * A document about Anna that also carries the stranger, as documents carry people: a Patient
   * entry with a urn:uuid fullUrl, named only by her BSN. Stored, the stranger's carers and her PGO
   * would read what the midwife wrote. A document that carries Anna that way is the midwife's.
   */
  @Test
  void aDocumentCarryingAStrangerByHerBsnIsRefused() {
    String marker = "urn:uuid:" + java.util.UUID.randomUUID();
    Patient anna = admin.get("/fhir/" + SecurityWorld.ANNA).resource(Patient.class);
    String annaUrl = nl.geboorteketen.server.support.TestServer.shared().baseUrl() + "/" + SecurityWorld.ANNA;
    Bundle withStranger = travellingDocument(marker, annaUrl, anna, bsnOnly(world.otherMotherBsn));
    Http.Response refused = midwife.postJson("/fhir/Bundle", withStranger);
    assertForbidden(refused);
    assertFalse(refused.body().contains(world.otherMother), "the refusal does not say whose BSN it is");
    assertTrue(admin.get("/fhir/Bundle?identifier=" + marker).resource(Bundle.class).getEntry().isEmpty(),
        "nothing stored");
    Bundle annaByBsn = travellingDocument("urn:uuid:" + java.util.UUID.randomUUID(),
        "urn:uuid:" + java.util.UUID.randomUUID(), bsnOnly(SecurityWorld.ANNA_BSN));
    Http.Response stored = midwife.postJson("/fhir/Bundle", annaByBsn);
    assertEquals(201, stored.status(), stored::toString);
  }

  private static Patient bsnOnly(String bsn) {
    Patient person = new Patient();
    person.addIdentifier().setSystem(Fixtures.BSN_SYSTEM).setValue(bsn);
    return person;
  }

  /** A document about its first person (at that fullUrl); the others as urn:uuid entries in a section. */
  private static Bundle travellingDocument(String identifier, String subjectUrl, Patient subject, Patient... others) {
    Bundle doc = new Bundle().setType(Bundle.BundleType.DOCUMENT).setTimestamp(new java.util.Date());
    doc.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue(identifier);
    org.hl7.fhir.r4.model.Composition c = new org.hl7.fhir.r4.model.Composition()
        .setStatus(org.hl7.fhir.r4.model.Composition.CompositionStatus.FINAL).setDate(new java.util.Date())
        .setTitle("Overdracht").setType(new CodeableConcept().setText("overdracht"))
        .setSubject(new Reference(subjectUrl));
    c.addAuthor().setDisplay("Verloskundigenpraktijk");
    doc.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(c);
    doc.addEntry().setFullUrl(subjectUrl).setResource(subject);
    for (Patient other : others) {
      String urn = "urn:uuid:" + java.util.UUID.randomUUID();
      doc.addEntry().setFullUrl(urn).setResource(other);
      c.addSection().setTitle("Betrokkenen").addEntry(new Reference(urn));
    }
    return doc;
  }

  @Test
  void aTaskAboutAStrangerIsRefused() {
    Task task = SecurityWorld.handoverTask(world.otherMother, SecurityWorld.MIDWIFE, SecurityWorld.MIDWIFE,
        SecurityWorld.RECORD);
    assertForbidden(midwife.postJson("/fhir/Task", task));
    assertStillClosed();
  }

  @Test
  void aMaternalRecordForAnotherFamilysChildIsRefused() {
    EpisodeOfCare record = ownRecordFor(world.other.get(SecurityWorld.DAAN));
    assertForbidden(midwife.postJson("/fhir/EpisodeOfCare", record));
    assertForbidden(midwife.get("/fhir/" + world.other.get(SecurityWorld.DAAN)));
  }

  @Test
  void aContainedResourceAboutTheOwnClientDoesNotOpenAManagedMother() {
    EpisodeOfCare record = ownRecordFor(world.otherMother);
    org.hl7.fhir.r4.model.Condition mine = new org.hl7.fhir.r4.model.Condition()
        .setCode(new CodeableConcept().setText("zwanger")).setSubject(new Reference(SecurityWorld.ANNA));
    mine.setId("mine");
    record.addContained(mine);
    record.addDiagnosis().setCondition(new Reference("#mine"));
    assertForbidden(midwife.postJson("/fhir/EpisodeOfCare", record));
    assertStillClosed();
  }

  @Test
  void aWriteThatTouchesTwoFamiliesIsRefusedWhole() {
    Observation note = note(SecurityWorld.ANNA);
    note.addFocus(new Reference(world.otherMother));
    assertForbidden(midwife.postJson("/fhir/Observation", note));
    Observation byBsn = note(SecurityWorld.ANNA);
    byBsn.addFocus().getIdentifier().setSystem(Fixtures.BSN_SYSTEM).setValue(world.otherMotherBsn);
    assertForbidden(midwife.postJson("/fhir/Observation", byBsn));
  }

  /**
   * Not only a Patient: a record of the other family (its pregnancy, a handover Task) named from a record
   * of her own client is refused too, and the refusal does not say whose it is.
   */
  @Test
  void aRecordPointingAtAStrangersRecordIsRefusedWithoutSayingWhose() {
    String strangersPregnancy = world.other.get("Observation/family-jansen-pregnancy");
    Observation pointing = note(SecurityWorld.ANNA);
    pointing.addFocus(new Reference(strangersPregnancy));
    Http.Response r = midwife.postJson("/fhir/Observation", pointing);
    assertForbidden(r);
    assertTrue(r.outcome().getIssueFirstRep().getDiagnostics().contains(strangersPregnancy), r::toString);
    assertFalse(r.body().contains(world.otherMother), () -> "names the stranger: " + r);

    Observation derived = note(SecurityWorld.ANNA);
    derived.addFocus(new Reference(world.otherTask));
    assertForbidden(midwife.postJson("/fhir/Observation", derived));
  }

  /** The same pointing, hidden in a contained resource of a record about her own client. */
  @Test
  void aContainedRecordPointingAtAStrangersRecordIsRefused() {
    Observation hidden = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept().setText("verborgen")).setSubject(new Reference(SecurityWorld.ANNA));
    hidden.addFocus(new Reference(world.other.get("Observation/family-jansen-pregnancy")));
    hidden.setId("hidden");
    Observation outer = note(SecurityWorld.ANNA);
    outer.addContained(hidden);
    outer.addHasMember(new Reference("#hidden"));
    assertForbidden(midwife.postJson("/fhir/Observation", outer));
  }

  /**
   * In a batch each entry stands alone: an entry pointing at a stranger's record that another entry of
   * the same batch rewrites (and is refused for) is checked against the stranger's family all the same.
   */
  @Test
  void aBatchEntryPointingAtARecordAnotherEntryWritesIsStillChecked() {
    String strangersPregnancy = world.other.get("Observation/family-jansen-pregnancy");
    Observation stored = admin.get("/fhir/" + strangersPregnancy).resource(Observation.class);
    Observation pointing = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept().setText("batch-pointing-" + System.nanoTime())).setSubject(new Reference(SecurityWorld.ANNA));
    pointing.addFocus(new Reference(strangersPregnancy));
    stored.addNote().setText("door een vreemde toegevoegd");
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch.addEntry().setResource(pointing).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    batch.addEntry().setResource(stored).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(strangersPregnancy);

    Http.Response r = midwife.postJson("/fhir", batch);

    assertEquals(200, r.status(), r::toString);
    Bundle answer = r.resource(Bundle.class);
    assertTrue(answer.getEntry().get(0).getResponse().getStatus().startsWith("403"), r::toString);
    assertTrue(answer.getEntry().get(1).getResponse().getStatus().startsWith("403"), r::toString);
    assertEquals(0, admin.get("/fhir/Observation?code:text=" + pointing.getCode().getText()).resource(Bundle.class)
        .getEntry().size(), "nothing of the batch is stored");
  }

  @Test
  void anUnchangedPutOfAStrangersRecordIsRefusedToo() {
    String strangersPregnancy = world.other.get("Observation/family-jansen-pregnancy");
    Observation stored = admin.get("/fhir/" + strangersPregnancy).resource(Observation.class);
    Http.Response single = midwife.put("/fhir/" + strangersPregnancy, Http.FHIR.newJsonParser().encodeResourceToString(stored),
        "application/fhir+json");
    assertForbidden(single);
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch.addEntry().setResource(stored).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(strangersPregnancy);
    Http.Response r = midwife.postJson("/fhir", batch);
    assertTrue(r.resource(Bundle.class).getEntry().get(0).getResponse().getStatus().startsWith("403"), r::toString);
    batch.setType(Bundle.BundleType.TRANSACTION);
    assertForbidden(midwife.postJson("/fhir", batch));
  }

  @Test
  void conditionalCreateDoesNotHandOverAnotherFamilysResource() {
    String foreign = world.other.get("Observation/family-jansen-pregnancy");
    Observation mine = note(SecurityWorld.ANNA);
    Http.Response r = midwife.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/Observation"))
        .POST(HttpRequest.BodyPublishers.ofString(Http.FHIR.newJsonParser().encodeResourceToString(mine)))
        .header("Content-Type", "application/fhir+json")
        .header("If-None-Exist", "_id=" + foreign.substring(foreign.indexOf('/') + 1)));
    assertForbidden(r);
    assertFalse(r.body().contains(world.otherMother), "the match's content must not be answered");
    Patient copy = Fixtures.example(Patient.class, "family-jansen-anna");
    copy.setId((String) null);
    copy.getIdentifier().forEach(i -> i.setValue(world.otherMotherBsn));
    Http.Response patient = midwife.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/Patient"))
        .POST(HttpRequest.BodyPublishers.ofString(Http.FHIR.newJsonParser().encodeResourceToString(copy)))
        .header("Content-Type", "application/fhir+json")
        .header("If-None-Exist", "identifier=" + Fixtures.BSN_SYSTEM + "|" + world.otherMotherBsn));
    assertForbidden(patient);
    assertTrue(admin.get("/fhir/AuditEvent?outcome=4&_count=200&_sort=-date").body()
        .contains("voorwaarde van deze aanvraag"), "the refused match is in the audit log");
  }

  /** HAPI resolves a bundle's conditions before its entries, past the show hook that marks a match. */
  @Test
  void aConditionalCreateInABundleDoesNotAnswerWithAnotherFamilysRecord() {
    String herId = world.otherMother.substring(world.otherMother.indexOf('/') + 1);
    Patient copy = Fixtures.example(Patient.class, "family-jansen-anna");
    copy.setId((String) null);
    copy.getIdentifier().forEach(i -> i.setValue(world.otherMotherBsn));
    Observation note = note(SecurityWorld.ANNA);
    for (Bundle.BundleType type : List.of(Bundle.BundleType.TRANSACTION, Bundle.BundleType.BATCH)) {
      Bundle bundle = new Bundle().setType(type);
      bundle.addEntry().setResource(note).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
      bundle.addEntry().setResource(copy).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient")
          .setIfNoneExist("identifier=" + Fixtures.BSN_SYSTEM + "|" + world.otherMotherBsn);
      Http.Response r = midwife.postJson("/fhir", bundle);
      assertFalse(r.body().contains("Patient/" + herId), () -> type + " answers with her record: " + r);
      if (type == Bundle.BundleType.TRANSACTION) {
        assertForbidden(r);
      } else {
        List<Bundle.BundleEntryComponent> entries = r.resource(Bundle.class).getEntry();
        assertTrue(entries.get(0).getResponse().getStatus().startsWith("201"), r::toString);
        assertTrue(entries.get(1).getResponse().getStatus().startsWith("403"), r::toString);
      }
    }
  }

  @Test
  void conditionalUpdateOfAnotherFamilysPatientStoresNothing() {
    Patient copy = Fixtures.example(Patient.class, "family-jansen-anna");
    copy.setId((String) null);
    copy.getIdentifier().forEach(i -> i.setValue(world.otherMotherBsn));
    String url = "/fhir/Patient?identifier=" + Fixtures.BSN_SYSTEM + "%7C" + world.otherMotherBsn;
    assertForbidden(midwife.put(url, Http.FHIR.newJsonParser().encodeResourceToString(copy), "application/fhir+json"));
    Bundle found = admin.get(url).resource(Bundle.class);
    assertEquals(1, found.getEntry().size(), "still one Patient with that BSN");
    assertEquals(world.otherMother, "Patient/" + found.getEntryFirstRep().getResource().getIdElement().getIdPart());
  }

  @Test
  void conditionalDeleteAndPatchLeaveAnotherFamilyAlone() {
    String foreign = world.other.get("Observation/family-jansen-pregnancy");
    String id = foreign.substring(foreign.indexOf('/') + 1);
    Http.Response deleted = midwife.delete("/fhir/Observation?code=http://snomed.info/sct%7C118185001"
        + "&subject=" + world.otherMother);
    assertForbidden(deleted);
    assertFalse(deleted.mentions(id), () -> "the refusal names what the condition matched: " + deleted);
    assertForbidden(midwife.delete("/fhir/Observation?_id=" + id));
    String patch = "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"cancelled\"}]";
    Http.Response patched = midwife.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/Observation?subject="
        + world.otherMother + "&code=http://snomed.info/sct%7C118185001"))
        .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).header("Content-Type", "application/json-patch+json"));
    assertForbidden(patched);
    assertFalse(patched.mentions(id), () -> "the refusal names what the condition matched: " + patched);
    Observation still = admin.get("/fhir/" + foreign).resource(Observation.class);
    assertEquals(Observation.ObservationStatus.FINAL, still.getStatus());
  }

  /**
   * HAPI fails a condition that matches several records with 412 and their number, before any write
   * hook: one that also matched another family's record is refused as when it matched only that one;
   * a conditional delete and a batch entry, whose matches no hook sees, answer 412 without the number.
   */
  @Test
  void aConditionThatAlsoMatchesAnotherFamilyTellsNotHowMany() {
    String condition = "Observation?code=http://snomed.info/sct%7C118185001";
    int before = admin.get("/fhir/" + condition + "&_summary=count").resource(Bundle.class).getTotal();
    assertTrue(before > 1, "the condition matches the stranger's record and others");
    Observation note = note(SecurityWorld.ANNA);
    String body = Http.FHIR.newJsonParser().encodeResourceToString(note);
    String patch = "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"cancelled\"}]";
    String ifNoneExist = condition.substring(condition.indexOf('?') + 1).replace("%7C", "|");
    Map<String, Http.Response> answers = new LinkedHashMap<>();
    answers.put("DELETE", midwife.delete("/fhir/" + condition));
    answers.put("PUT", midwife.put("/fhir/" + condition, body, "application/fhir+json"));
    answers.put("PATCH", midwife.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/" + condition))
        .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).header("Content-Type", "application/json-patch+json")));
    answers.put("If-None-Exist", midwife.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/Observation"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/fhir+json")
        .header("If-None-Exist", ifNoneExist)));
    answers.put("transaction", midwife.post("/fhir", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\","
        + "\"entry\":[{\"request\":{\"method\":\"DELETE\",\"url\":\"" + condition + "\"}}]}", "application/fhir+json"));
    answers.put("batch", midwife.post("/fhir", "{\"resourceType\":\"Bundle\",\"type\":\"batch\","
        + "\"entry\":[{\"request\":{\"method\":\"DELETE\",\"url\":\"" + condition + "\"}}]}", "application/fhir+json"));
    answers.put("batch If-None-Exist", midwife.post("/fhir", "{\"resourceType\":\"Bundle\",\"type\":\"batch\","
        + "\"entry\":[{\"resource\":" + body + ",\"request\":{\"method\":\"POST\",\"url\":\"Observation\","
        + "\"ifNoneExist\":\"" + ifNoneExist + "\"}}]}",
        "application/fhir+json"));
    answers.forEach((how, r) -> {
      assertFalse(r.body().contains("matched"), () -> how + ": the answer tells how many records matched: " + r);
      switch (how) {
        case "DELETE", "transaction" -> assertTrue(r.status() == 412 && r.body().contains("meer dan één"), r::toString);
        case "batch", "batch If-None-Exist" -> assertTrue(r.resource(Bundle.class).getEntryFirstRep().getResponse()
            .getStatus().startsWith("412") && r.body().contains("meer dan één"), r::toString);
        default -> assertForbidden(r);
      }
    });
    assertEquals(before, admin.get("/fhir/" + condition + "&_summary=count").resource(Bundle.class).getTotal());
    assertTrue(admin.delete("/fhir/" + condition).body().contains("matched"), "the beheerder keeps HAPI's answer");
  }

  /** Others' records point at it: HAPI's answer to such a delete (409) names them; the refusal does not. */
  @Test
  void aConditionalDeleteOfAnotherFamilysReferencedRecordNamesNothing() {
    String record = world.other.get("EpisodeOfCare/family-jansen-zwangerschap");
    String id = record.substring(record.indexOf('/') + 1);
    Http.Response deleted = midwife.delete("/fhir/EpisodeOfCare?patient=" + world.otherMother);
    assertForbidden(deleted);
    assertFalse(deleted.mentions(id),
        () -> "the refusal names the record the condition matched: " + deleted);
    assertFalse(deleted.body().contains("Observation/"), () -> "the refusal names a record pointing at it: " + deleted);
    for (String type : List.of("transaction", "batch")) {
      Http.Response bundle = midwife.post("/fhir", "{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[{"
          + "\"request\":{\"method\":\"DELETE\",\"url\":\"EpisodeOfCare?patient=" + world.otherMother + "\"}}]}",
          "application/fhir+json");
      assertFalse(bundle.mentions(id),
          () -> "a " + type + " entry's refusal names the record: " + bundle);
      assertFalse(bundle.status() == 409 || bundle.body().contains("\"status\":\"409"), () -> type + ": " + bundle);
    }
    assertEquals(200, admin.get("/fhir/" + record).status());
  }

  /**
   * HAPI refuses a delete of a record others point at and names the first of them. A record of
   * another family pointing at an own record (the beheerder may write one) is not named.
   */
  @Test
  void aDeleteRefusedForAnotherFamilysReferrerDoesNotNameIt() {
    String own = created(admin.postJson("/fhir/Observation", note(SecurityWorld.ANNA)));
    Observation theirs = note(world.otherMother);
    theirs.addDerivedFrom(new Reference(own));
    String their = created(admin.postJson("/fhir/Observation", theirs));
    String theirId = their.substring(their.indexOf('/') + 1);
    Http.Response alone = midwife.delete("/fhir/" + own);
    assertEquals(409, alone.status(), alone::toString);
    assertFalse(alone.mentions(theirId), () -> "the refusal names the other family's record: " + alone);
    for (String type : List.of("transaction", "batch")) {
      Http.Response bundle = midwife.post("/fhir", "{\"resourceType\":\"Bundle\",\"type\":\"" + type
          + "\",\"entry\":[{\"request\":{\"method\":\"DELETE\",\"url\":\"" + own + "\"}}]}", "application/fhir+json");
      assertTrue(bundle.status() == 409 || bundle.body().contains("\"status\":\"409"), () -> type + ": " + bundle);
      assertFalse(bundle.mentions(theirId), () -> "a " + type + " entry's refusal names the record: " + bundle);
    }
    assertEquals(200, admin.get("/fhir/" + own).status());

    // with only her own records pointing at it, HAPI's answer names the first, as before
    assertTrue(admin.delete("/fhir/" + their).status() < 300);
    Observation ours = note(SecurityWorld.ANNA);
    ours.addDerivedFrom(new Reference(own));
    String our = created(admin.postJson("/fhir/Observation", ours));
    Http.Response named = midwife.delete("/fhir/" + own);
    assertEquals(409, named.status(), named::toString);
    assertTrue(named.mentions(our.substring(our.indexOf('/') + 1)), named::toString);
  }

  private static Observation note(String subject) {
    return new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept().setText("notitie")).setSubject(new Reference(subject));
  }

  private static String created(Http.Response r) {
    assertEquals(201, r.status(), r::toString);
    return r.resource(Observation.class).getIdElement().toUnqualifiedVersionless().getValue();
  }

  /**
   * The family refused sharing with this kraamzorg (a partner-delen deny); it is still in the care
   * team. Writing a newer permit for itself would have let it in again, as the latest Consent decides.
   */
  @Test
  void anOrganisationTheFamilyRefusedCannotWriteItselfBackIn() {
    Http refused = Http.shared().withToken(TestTokens.partner("kraamzorg", world.refusedOrg));
    assertRefused(refused.get("/fhir/" + SecurityWorld.ANNA));
    int consents = admin.get("/fhir/Consent?patient=" + SecurityWorld.ANNA + "&_summary=count")
        .resource(Bundle.class).getTotal();

    Http.Response permit = refused.postJson("/fhir/Consent",
        SecurityWorld.partnerConsent(SecurityWorld.ANNA, world.refusedOrg, Consent.ConsentProvisionType.PERMIT));
    assertRefused(permit);
    assertTrue(permit.outcome().getIssueFirstRep().getDiagnostics().contains("ingetrokken"), permit::toString);
    assertRefused(refused.postJson("/fhir/Observation", note(SecurityWorld.ANNA)));
    assertEquals(consents, admin.get("/fhir/Consent?patient=" + SecurityWorld.ANNA + "&_summary=count")
        .resource(Bundle.class).getTotal(), "nothing stored");
    assertRefused(refused.get("/fhir/" + SecurityWorld.ANNA));
  }

  @Test
  void aSecondPatientWithTheSameBsnIsAConflict() {
    Patient copy = Fixtures.example(Patient.class, "family-jansen-anna");
    copy.setId((String) null);
    copy.getIdentifier().forEach(i -> i.setValue(world.otherMotherBsn));
    Http.Response r = midwife.postJson("/fhir/Patient", copy);
    assertEquals(409, r.status(), r::toString);
    assertEquals(1, admin.get("/fhir/Patient?identifier=" + Fixtures.BSN_SYSTEM + "%7C" + world.otherMotherBsn)
        .resource(Bundle.class).getEntry().size());
  }

  @Test
  void aHandoverCannotReplaceAnotherFamilysTask() {
    Parameters in = new Parameters();
    in.addParameter().setName("type").setValue(new CodeType("verloskundige-kraamzorg"));
    in.addParameter().setName("ontvanger").setValue(new Reference(SecurityWorld.KRAAMZORG));
    in.addParameter().setName("vervangt").setValue(new Reference(world.otherTask));
    assertForbidden(midwife.postJson("/fhir/" + SecurityWorld.RECORD + "/$overdracht", in));
    assertEquals(Task.TaskStatus.REQUESTED, admin.get("/fhir/" + world.otherTask).resource(Task.class).getStatus());
  }

  @Test
  void aDenyConsentAboutAnotherFamilyIsRefused() {
    Consent deny = SecurityWorld.partnerConsent(world.otherMother, SecurityWorld.MIDWIFE, Consent.ConsentProvisionType.DENY);
    deny.getCategoryFirstRep().getCodingFirstRep().setCode("pgo-delen");
    deny.addPerformer(new Reference(SecurityWorld.ANNA));
    assertForbidden(midwife.postJson("/fhir/Consent", deny));
  }

  @Test
  void subscriptionsBelongToTheOrganisationThatMadeThem() {
    Http kraamzorg = Http.shared().withToken(TestTokens.partner("kraamzorg", SecurityWorld.KRAAMZORG));
    Subscription spy = subscription(world.otherMidwife, "Authorization: Bearer secret-of-nobody");
    assertRefused(kraamzorg.postJson("/fhir/Subscription", spy));

    Subscription theirs = subscription(world.otherMidwife, "Authorization: Bearer their-secret");
    Http otherMidwife = Http.shared().withToken(TestTokens.partner("verloskundige", world.otherMidwife));
    Http.Response stored = otherMidwife.postJson("/fhir/Subscription", theirs);
    assertEquals(201, stored.status(), stored::toString);
    String id = stored.resource(Subscription.class).getIdElement().getIdPart();
    assertRefused(kraamzorg.get("/fhir/Subscription/" + id));
    Http.Response listed = kraamzorg.get("/fhir/Subscription?_count=500");
    assertEquals(200, listed.status());
    assertFalse(listed.body().contains("their-secret"), listed::toString);
    Subscription hijack = subscription(SecurityWorld.KRAAMZORG, "Authorization: Bearer x");
    hijack.setId(id);
    assertRefused(kraamzorg.put("/fhir/Subscription/" + id, Http.FHIR.newJsonParser().encodeResourceToString(hijack),
        "application/fhir+json"));
    assertEquals(200, otherMidwife.get("/fhir/Subscription/" + id).status());
  }

  @Test
  void aMixedFamilyTransactionStoresNothingAndAMixedBatchOnlyTheOwnEntry() {
    Observation own = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept().setText("tx-own-" + System.nanoTime())).setSubject(new Reference(SecurityWorld.ANNA));
    Observation foreign = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept().setText("tx-foreign")).setSubject(new Reference(world.otherMother));
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    tx.addEntry().setResource(own).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    tx.addEntry().setResource(foreign).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    assertForbidden(midwife.postJson("/fhir", tx));
    String code = own.getCode().getText();
    assertEquals(0, admin.get("/fhir/Observation?code:text=" + code).resource(Bundle.class).getEntry().size(),
        "a refused transaction stores none of its entries");

    tx.setType(Bundle.BundleType.BATCH);
    Http.Response batch = midwife.postJson("/fhir", tx);
    assertEquals(200, batch.status(), batch::toString);
    Bundle answer = batch.resource(Bundle.class);
    assertTrue(answer.getEntry().get(0).getResponse().getStatus().startsWith("201"), batch::toString);
    assertTrue(answer.getEntry().get(1).getResponse().getStatus().startsWith("403"), batch::toString);
  }

  /**
   * A record that names a person by BSN alone, or carries her as a contained Patient, is hers: the
   * midwife may not write one about a stranger, nor read one the beheerder stored, which the
   * stranger's own midwife reads.
   */
  @Test
  void aPersonNamedByBsnDecidesWhoseTheRecordIs() {
    Basic byBsn = note();
    byBsn.getSubject().getIdentifier().setSystem(Fixtures.BSN_SYSTEM).setValue(world.otherMotherBsn);
    Basic carrying = note();
    Patient her = new Patient();
    her.setId("her");
    her.addIdentifier().setSystem(Fixtures.BSN_SYSTEM).setValue(world.otherMotherBsn);
    carrying.addContained(her);
    carrying.setSubject(new Reference("#her"));

    Http theirs = Http.shared().withToken(TestTokens.partner("verloskundige", world.otherMidwife));
    for (Basic record : java.util.List.of(byBsn, carrying)) {
      assertForbidden(midwife.postJson("/fhir/Basic", record));
      String id = stored(admin.postJson("/fhir/Basic", record));
      assertEquals(200, theirs.get("/fhir/Basic/" + id).status(), "the stranger's own midwife reads it");
      assertForbidden(midwife.get("/fhir/Basic/" + id));
      Http.Response search = midwife.get("/fhir/Basic?_id=" + id);
      assertEquals(200, search.status(), search::toString);
      assertTrue(search.resource(Bundle.class).getEntry().isEmpty(), search::toString);
    }
    assertStillClosed();
  }

  /**
   * A record that names no person but points at a stranger's record (a Provenance of it, an
   * Observation with it as focus) is the stranger's family's: not the midwife's to read or find,
   * nor the family's of an unrelated PGO; the stranger's own midwife reads it.
   */
  @Test
  void aRecordAboutAStrangersRecordIsHersToRead() {
    Reference pregnancy = new Reference(world.other.get("Observation/family-jansen-pregnancy"));
    org.hl7.fhir.r4.model.Provenance provenance = new org.hl7.fhir.r4.model.Provenance().setRecorded(new java.util.Date());
    provenance.addTarget(pregnancy);
    provenance.addAgent().getWho().setDisplay("Dr. X");
    Observation aboutIt = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept().setText("ernst-" + System.nanoTime()));
    aboutIt.addFocus(pregnancy);
    Observation twoDeep = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept().setText("ernst-" + System.nanoTime()));

    Http theirs = Http.shared().withToken(TestTokens.partner("verloskundige", world.otherMidwife));
    Http annasPgo = Http.shared().withToken(TestTokens.pgo(SecurityWorld.ANNA_BSN));
    java.util.List<String> stored = new java.util.ArrayList<>();
    for (org.hl7.fhir.r4.model.Resource record : java.util.List.of(provenance, aboutIt)) {
      Http.Response created = admin.postJson("/fhir/" + record.fhirType(), record);
      assertEquals(201, created.status(), created::toString);
      stored.add(record.fhirType() + "/" + created.resource(record.getClass()).getIdElement().getIdPart());
    }
    twoDeep.addFocus(new Reference(stored.get(1)));
    Http.Response created = admin.postJson("/fhir/Observation", twoDeep);
    assertEquals(201, created.status(), created::toString);
    stored.add("Observation/" + created.resource(Observation.class).getIdElement().getIdPart());

    assertEquals(200, annasPgo.get("/fhir/" + SecurityWorld.ANNA).status(), "Anna's PGO reads her own record");
    for (String record : stored) {
      assertEquals(200, theirs.get("/fhir/" + record).status(), record + " is read by the stranger's own midwife");
      assertForbidden(midwife.get("/fhir/" + record));
      assertRefused(annasPgo.get("/fhir/" + record));
      String[] typeAndId = record.split("/");
      Http.Response search = midwife.get("/fhir/" + typeAndId[0] + "?_id=" + typeAndId[1]);
      assertEquals(200, search.status(), search::toString);
      assertTrue(search.resource(Bundle.class).getEntry().isEmpty(), search::toString);
    }
  }

  /** A person the server does not know is in no family: no partner writes about her, or reads what names her. */
  @Test
  void aPersonTheServerDoesNotKnowIsTheBeheerdersOnly() {
    Basic unknown = note();
    unknown.getSubject().getIdentifier().setSystem(Fixtures.BSN_SYSTEM).setValue(Fixtures.randomBsn());
    Http.Response refused = midwife.postJson("/fhir/Basic", unknown);
    assertForbidden(refused);
    String said = refused.outcome().getIssueFirstRep().getDiagnostics();
    assertTrue(said.contains("geen Patient"), refused::toString);
    assertFalse(said.contains(unknown.getSubject().getIdentifier().getValue()), "a refusal shows no BSN: " + said);
    String id = stored(admin.postJson("/fhir/Basic", unknown));
    assertForbidden(midwife.get("/fhir/Basic/" + id));
  }

  /**
   * A record a partner writes that names no family (a note without subject, a Binary without
   * securityContext) would be read by every caller, the PGO app of every family included: refused,
   * nothing stored. Her own staff and a Binary about her own client are hers to write.
   */
  @Test
  void aPartnersRecordAboutNoFamilyIsRefused() {
    String text = "notitie-" + System.nanoTime();
    Basic aboutNoOne = new Basic().setCode(new CodeableConcept().setText(text));
    org.hl7.fhir.r4.model.Binary loose = new org.hl7.fhir.r4.model.Binary().setContentType("text/plain");
    loose.setData(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (org.hl7.fhir.r4.model.Resource record : java.util.List.of(aboutNoOne, loose)) {
      Http.Response refused = midwife.postJson("/fhir/" + record.fhirType(), record);
      assertForbidden(refused);
      assertTrue(refused.outcome().getIssueFirstRep().getDiagnostics().contains("hoort bij geen gezin"), refused::toString);
    }
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(aboutNoOne)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Basic");
    assertForbidden(midwife.postJson("/fhir", transaction));
    Http.Response found = admin.get("/fhir/Basic?code:text=" + text);
    assertTrue(found.resource(Bundle.class).getEntry().isEmpty(), "nothing stored: " + found);

    loose.setSecurityContext(new Reference(SecurityWorld.ANNA));
    Http.Response aboutAnna = midwife.postJson("/fhir/Binary", loose);
    assertEquals(201, aboutAnna.status(), aboutAnna::toString);
    String binary = aboutAnna.resource(org.hl7.fhir.r4.model.Binary.class).getIdElement().getIdPart();
    Http theirs = Http.shared().withToken(TestTokens.partner("verloskundige", world.otherMidwife));
    assertRefused(theirs.get("/fhir/Binary/" + binary));
    org.hl7.fhir.r4.model.Practitioner staff = new org.hl7.fhir.r4.model.Practitioner();
    staff.addName().setFamily("Verloskundige-" + System.nanoTime());
    Http.Response own = midwife.postJson("/fhir/Practitioner", staff);
    assertEquals(201, own.status(), own::toString);
  }

  /** A refusal names the reference the write made, never which Patient a BSN or a maternal record belongs to. */
  @Test
  void aRefusalDoesNotTellWhoseABsnOrRecordIs() {
    Basic byBsn = note();
    byBsn.getSubject().getIdentifier().setSystem(Fixtures.BSN_SYSTEM).setValue(world.otherMotherBsn);
    Basic byRecord = note();
    byRecord.setSubject(new Reference(world.otherRecord));
    String otherId = world.otherMother.substring("Patient/".length());
    for (Basic record : java.util.List.of(byBsn, byRecord)) {
      Http.Response refused = midwife.postJson("/fhir/Basic", record);
      assertForbidden(refused);
      String said = refused.outcome().getIssueFirstRep().getDiagnostics();
      assertFalse(said.contains(otherId), said);
      assertFalse(said.contains(world.otherMotherBsn), "BSNs are not echoed: " + said);
      assertTrue(said.contains("BSN") || said.contains(world.otherRecord), said);
    }
  }

  private static Basic note() {
    Basic note = new Basic().setCode(new CodeableConcept().setText("notitie-" + System.nanoTime()));
    note.setSubject(new Reference());
    return note;
  }

  private static String stored(Http.Response created) {
    assertEquals(201, created.status(), created::toString);
    return created.resource(Basic.class).getIdElement().getIdPart();
  }

  @Test
  void operationInputsObeyTheFamilyRule() {
    Parameters in = new Parameters();
    in.addParameter().setName("eersteKind").setValue(new org.hl7.fhir.r4.model.BooleanType(true));
    in.addParameter().setName("voeding").setValue(new CodeType("borstvoeding"));
    in.addParameter().setName("persist").setValue(new org.hl7.fhir.r4.model.BooleanType(true));
    in.addParameter().setName("zwangerschapsdossier").setValue(new Reference(world.otherRecord));
    in.addParameter().setName("client").setValue(new Reference(world.otherMother));
    assertForbidden(midwife.postJson("/fhir/ServiceRequest/$lip-indicatie", in));
  }

  /**
   * HAPI's own instance operations write tags (a claimed profile, unvalidated) or remove history: not
   * a partner's, on a stranger's record nor on its own family's.
   */
  @Test
  void hapisMetaAndExpungeOperationsAreNotAPartners() {
    String marker = "https://fhir.geboorteketen.nl/StructureDefinition/gk-maternal-record";
    Parameters meta = new Parameters();
    meta.addParameter().setName("meta").setValue(new org.hl7.fhir.r4.model.Meta().addProfile(marker + "-vervalst"));
    for (String record : new String[] {world.otherRecord, SecurityWorld.RECORD}) {
      assertForbidden(midwife.postJson("/fhir/" + record + "/$meta-add", meta));
      assertForbidden(midwife.postJson("/fhir/" + record + "/$meta-delete", meta));
      assertForbidden(midwife.get("/fhir/" + record + "/$meta"));
    }
    Parameters expunge = new Parameters();
    expunge.addParameter().setName("expungeEverything").setValue(new org.hl7.fhir.r4.model.BooleanType(true));
    assertForbidden(midwife.postJson("/fhir/" + world.otherMother + "/$expunge", expunge));
    EpisodeOfCare stored = admin.get("/fhir/" + world.otherRecord).resource(EpisodeOfCare.class);
    assertFalse(stored.getMeta().hasProfile(marker + "-vervalst"), "no profile claimed on the stranger's record");
    assertStillClosed();
  }

  private static EpisodeOfCare ownRecordFor(String patient) {
    EpisodeOfCare record = Fixtures.example(EpisodeOfCare.class, "family-jansen-zwangerschap");
    record.setId((String) null);
    record.getIdentifier().clear();
    return record.setPatient(new Reference(patient)).setManagingOrganization(new Reference(SecurityWorld.MIDWIFE));
  }

  private static Subscription subscription(String owner, String header) {
    Subscription s = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
        .setCriteria("Task?owner=" + owner).setReason("overdrachten");
    s.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint("http://127.0.0.1:9/hook")
        .setPayload("application/fhir+json").addHeader(header);
    return s;
  }

  private static String root() {
    String base = nl.geboorteketen.server.support.TestServer.shared().baseUrl();
    return base.substring(0, base.length() - "/fhir".length());
  }
}
