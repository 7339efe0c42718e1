package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * References hold on every write: a target of a type our profile does not allow is refused (422,
 * the element in {@code issue.expression}, nothing stored), and so is a target of the right type
 * that does not meet the profile our profile asks for. Written as a midwife of a family of her own,
 * directly, by update and inside her transactions.
 */
class ReferenceTargetTest {

  private static final String MATERNAL_RECORD = "https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record";

  private static Map<String, String> family;
  private static Http midwife;

  @BeforeAll
  static void aFamilyOfHerOwn() {
    family = Fixtures.storeNewFamily();
    midwife = Http.shared().withToken(TestTokens.partner("verloskundige", id("Organization/family-jansen-verloskundigenpraktijk")));
  }

  private static String id(String example) {
    return family.get(example);
  }

  private static String mother() { return id("Patient/family-jansen-anna"); }
  private static String record() { return id("EpisodeOfCare/family-jansen-zwangerschap"); }
  private static String practice() { return id("Organization/family-jansen-verloskundigenpraktijk"); }
  private static String kraamzorg() { return id("Organization/family-jansen-kraamzorg"); }
  private static String midwifeRole() { return id("PractitionerRole/family-jansen-verloskundige-rol"); }

  /** A copy of a package example, pointing at this family's stored resources. */
  private static <T extends Resource> T fromExample(Class<T> type, String example) {
    T r = Fixtures.example(type, example);
    r.setId((String) null);
    for (Reference ref : Http.FHIR.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
      if (ref.getReference() != null && family.containsKey(ref.getReference())) {
        ref.setReference(family.get(ref.getReference()));
      }
    }
    return r;
  }

  private static ServiceRequest indication() {
    return fromExample(ServiceRequest.class, "family-jansen-indicatie-intake");
  }

  private static Observation vulnerability() {
    return fromExample(Observation.class, "family-jansen-kwetsbaarheid");
  }

  // --- the target's type, from the reference URL ---

  @Test
  void anIndicationPerformedByTheMotherIsRefused() {
    refused(indication().setPerformer(java.util.List.of(new Reference(mother()))), "ServiceRequest.performer[0]");
    stored(indication().setPerformer(java.util.List.of(new Reference(kraamzorg()))));
  }

  @Test
  void anIndicationRequestedByTheMotherIsRefused() {
    refused(indication().setRequester(new Reference(mother())), "ServiceRequest.requester");
    stored(indication().setRequester(new Reference(midwifeRole())));
    stored(indication().setRequester(new Reference(practice())));
  }

  @Test
  void aVulnerabilityAssessedByTheMotherIsRefused() {
    refused(vulnerability().setPerformer(java.util.List.of(new Reference(mother()))), "Observation.performer[0]");
    stored(vulnerability().setPerformer(java.util.List.of(new Reference(midwifeRole()))));
  }

  @Test
  void aVulnerabilityAboutAnOrganisationIsRefused() {
    refused(vulnerability().setSubject(new Reference(practice())), "Observation.subject");
  }

  @Test
  void aMaternalRecordManagedByAPatientIsRefused() {
    EpisodeOfCare record = fromExample(EpisodeOfCare.class, "family-jansen-zwangerschap");
    record.getIdentifier().clear();
    refused(record.setManagingOrganization(new Reference(mother())), "EpisodeOfCare.managingOrganization");
    EpisodeOfCare managedByOrganisation = fromExample(EpisodeOfCare.class, "family-jansen-zwangerschap");
    managedByOrganisation.getIdentifier().clear();
    refused(managedByOrganisation.setCareManager(new Reference(practice())), "EpisodeOfCare.careManager");
  }

  @Test
  void aHandoverTaskOwnedOrRequestedByAPatientIsRefused() {
    refused(handoverTask(t -> t.setOwner(new Reference(mother()))), "Task.owner");
    refused(handoverTask(t -> t.setRequester(new Reference(mother()))), "Task.requester");
    refused(handoverTask(t -> t.setFor(new Reference(practice()))), "Task.for");
    stored(handoverTask(t -> { }));
  }

  @Test
  void anUpdateThatPointsTheIndicationAtTheMotherIsRefusedAndTheStoredVersionStays() {
    String stored = stored(indication());
    ServiceRequest changed = midwife.get("/fhir/" + stored).resource(ServiceRequest.class);
    changed.setPerformer(java.util.List.of(new Reference(mother())));
    Http.Response r = midwife.put("/fhir/" + stored, Http.FHIR.newJsonParser().encodeResourceToString(changed),
        "application/fhir+json");
    assertRefused(r, "ServiceRequest.performer[0]");
    ServiceRequest now = midwife.get("/fhir/" + stored).resource(ServiceRequest.class);
    assertEquals(kraamzorg(), now.getPerformerFirstRep().getReference(), "the stored indication is unchanged");
    assertEquals("1", now.getMeta().getVersionId());
  }

  // --- the target's profile, where the type does not tell ---

  @Test
  void aRecordOfAProgrammeEnrolmentInsteadOfTheMaternalRecordIsRefused() {
    String enrolment = created(Http.shared(), enrolment(mother()));
    Observation v = vulnerability();
    v.getExtensionByUrl(MATERNAL_RECORD).setValue(new Reference(enrolment));
    Http.Response r = assertRefused(midwife.postJson("/fhir/Observation", v), "Observation.extension[0].value");
    assertTrue(r.body().contains("gk-maternal-record"), r::toString);
    assertTrue(r.body().contains("voldoet niet aan het profiel"), () -> "says so in Dutch: " + r);
  }

  @Test
  void anotherFamilysEnrolmentIsRefusedAsAnotherFamilysWithoutSayingWhatItIs() {
    String otherMother = Fixtures.storeNewFamily().get("Patient/family-jansen-anna");
    String foreign = created(Http.shared(), enrolment(otherMother));
    Observation v = vulnerability();
    v.getExtensionByUrl(MATERNAL_RECORD).setValue(new Reference(foreign));
    Http.Response r = midwife.postJson("/fhir/Observation", v);
    assertEquals(403, r.status(), r::toString);
    assertTrue(!r.body().contains("gk-maternal-record") && !r.body().contains("programme"), r::toString);
  }

  @Test
  void anIndicationReplacingARequestThatIsNoIndicationIsRefused() {
    ServiceRequest other = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
        .setIntent(ServiceRequest.ServiceRequestIntent.ORDER).setSubject(new Reference(mother()))
        .setCode(new CodeableConcept().setText("Echo"));
    String echo = created(Http.shared(), other);
    refused(indication().addReplaces(new Reference(echo)), "ServiceRequest.replaces[0]");
    String earlier = stored(indication().setStatus(ServiceRequest.ServiceRequestStatus.REVOKED));
    stored(indication().addReplaces(new Reference(earlier)));
  }

  // --- inside a transaction, where references name other entries ---

  @Test
  void aTransactionWhoseEntryPointsAtAnotherEntryOfTheWrongTypeIsRefusedWhole() {
    String bsn = Fixtures.randomBsn();
    Bundle tx = newClient(bsn, (woman, record, v) -> v.setPerformer(java.util.List.of(new Reference(woman))));
    Http.Response r = midwife.postJson("/fhir", tx);
    assertRefused(r, "Observation.performer[0]");
    assertEquals(0, Http.shared().get("/fhir/Patient?identifier=" + Fixtures.BSN_SYSTEM + "%7C" + bsn)
        .resource(Bundle.class).getEntry().size(), "nothing of the transaction is stored");

    Http.Response ok = midwife.postJson("/fhir", newClient(Fixtures.randomBsn(),
        (woman, record, v) -> v.setPerformer(java.util.List.of(new Reference(midwifeRole())))));
    assertEquals(200, ok.status(), ok::toString);
  }

  @Test
  void aTransactionWhoseRecordPointsAtAnEnrolmentEntryIsRefused() {
    String bsn = Fixtures.randomBsn();
    String enrolmentUrn = "urn:uuid:" + UUID.randomUUID();
    Bundle tx = newClient(bsn, (woman, record, v) -> v.getExtensionByUrl(MATERNAL_RECORD).setValue(new Reference(enrolmentUrn)));
    EpisodeOfCare enrolment = enrolment(tx.getEntryFirstRep().getFullUrl());
    tx.addEntry().setFullUrl(enrolmentUrn).setResource(enrolment).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("EpisodeOfCare");
    Http.Response r = assertRefused(midwife.postJson("/fhir", tx), "Observation.extension[0].value");
    assertTrue(r.body().contains("gk-maternal-record"), r::toString);
    assertEquals(0, Http.shared().get("/fhir/Patient?identifier=" + Fixtures.BSN_SYSTEM + "%7C" + bsn)
        .resource(Bundle.class).getEntry().size(), "nothing of the transaction is stored");
  }

  @Test
  void aTransactionWhoseMaternalRecordIsManagedByThePatientEntryIsRefused() {
    Bundle tx = newClient(Fixtures.randomBsn(), (woman, record, v) -> record.setManagingOrganization(new Reference(woman)));
    assertRefused(midwife.postJson("/fhir", tx), "EpisodeOfCare.managingOrganization");
  }

  // --- helpers ---

  private interface NewClientChange {
    void apply(String womanUrn, EpisodeOfCare record, Observation vulnerability);
  }

  /** A new client, her maternal record and her vulnerability, in one transaction, as a midwife registers them. */
  private static Bundle newClient(String bsn, NewClientChange change) {
    Patient woman = Fixtures.example(Patient.class, "family-jansen-anna");
    woman.setId((String) null);
    woman.getIdentifier().stream().filter(i -> Fixtures.BSN_SYSTEM.equals(i.getSystem())).forEach(i -> i.setValue(bsn));
    String womanUrn = "urn:uuid:" + UUID.randomUUID();
    String recordUrn = "urn:uuid:" + UUID.randomUUID();
    EpisodeOfCare record = Fixtures.example(EpisodeOfCare.class, "family-jansen-zwangerschap");
    record.setId((String) null);
    record.getIdentifier().clear();
    record.setPatient(new Reference(womanUrn)).setManagingOrganization(new Reference(practice()));
    Observation v = vulnerability();
    v.setSubject(new Reference(womanUrn));
    v.getExtensionByUrl(MATERNAL_RECORD).setValue(new Reference(recordUrn));
    change.apply(womanUrn, record, v);
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    tx.addEntry().setFullUrl(womanUrn).setResource(woman).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
    tx.addEntry().setFullUrl(recordUrn).setResource(record).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("EpisodeOfCare");
    tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(v).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    return tx;
  }

  /** A programme enrolment (gk-programme-enrolment): an EpisodeOfCare, but no maternal record. */
  private static EpisodeOfCare enrolment(String patient) {
    EpisodeOfCare e = new EpisodeOfCare().setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE)
        .setPatient(new Reference(patient));
    e.addType(new CodeableConcept(new Coding("https://fhir.geboorteketen.nl/CodeSystem/episode-type",
        "programma-inschrijving", null)));
    e.addType(new CodeableConcept(new Coding("https://fhir.geboorteketen.nl/CodeSystem/support-programme",
        "voorzorg", null)));
    e.getPeriod().setStartElement(DateTimeType.today());
    return e;
  }

  /** A handover Task from the practice to the kraamzorg about the mother, with one change. */
  private Task handoverTask(Consumer<Task> change) {
    Task t = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
        .setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "308292007", "Transfer of care")))
        .setFor(new Reference(mother())).setRequester(new Reference(practice())).setOwner(new Reference(kraamzorg()))
        .setFocus(new Reference(document())).setAuthoredOnElement(DateTimeType.now());
    t.addExtension(new Extension(MATERNAL_RECORD, new Reference(record())));
    change.accept(t);
    return t;
  }

  private static String document;

  private static synchronized String document() {
    if (document == null) {
      Bundle doc = new Bundle().setType(Bundle.BundleType.DOCUMENT).setTimestamp(new java.util.Date());
      doc.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID());
      org.hl7.fhir.r4.model.Composition c = new org.hl7.fhir.r4.model.Composition()
          .setStatus(org.hl7.fhir.r4.model.Composition.CompositionStatus.FINAL).setDate(new java.util.Date())
          .setTitle("Testdocument").setType(new CodeableConcept().setText("overdracht"));
      c.addAuthor().setDisplay("test");
      doc.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(c);
      document = created(Http.shared(), doc);
    }
    return document;
  }

  /** Posts as the midwife; expects 422 naming the element, and nothing stored. */
  private static void refused(Resource r, String expression) {
    int before = count(r);
    assertRefused(midwife.postJson("/fhir/" + r.fhirType(), r), expression);
    assertEquals(before, count(r), () -> "nothing stored for " + expression);
  }

  private static Http.Response assertRefused(Http.Response r, String expression) {
    assertEquals(422, r.status(), r::toString);
    OperationOutcome oo = r.outcome();
    assertTrue(oo.getIssue().stream().anyMatch(i -> i.getExpression().stream().anyMatch(e -> e.getValue().equals(expression))),
        () -> "an issue names " + expression + ": " + r);
    assertTrue(oo.getIssue().stream().filter(i -> i.getExpression().stream().anyMatch(e -> e.getValue().equals(expression)))
        .allMatch(i -> i.getDiagnostics().contains("verwijzing") || i.getDiagnostics().contains("Verwijs")),
        () -> "the issue says in Dutch it is about the reference: " + r);
    return r;
  }

  private static String stored(Resource r) {
    return created(midwife, r);
  }

  private static String created(Http as, Resource r) {
    Http.Response response = as.postJson("/fhir/" + r.fhirType(), r);
    assertEquals(201, response.status(), response::toString);
    return new IdType(response.header("Location")).toUnqualifiedVersionless().getValue();
  }

  /** How many resources of this type the store holds (as the beheerder sees it). */
  private static int count(Resource r) {
    return Http.shared().get("/fhir/" + r.fhirType() + "?_summary=count").resource(Bundle.class).getTotal();
  }
}
