package nl.geboorteketen.server.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EpisodeOfCare/{id}/$everything: one pregnancy — the maternal record, what points at it, the
 * mother and the newborn — for the partners that care for the family and the mother's PGO, and
 * nothing of it for anyone else.
 */
class EpisodeOfCareEverythingTest {

  private static final String EXT_MATERNAL_RECORD = "https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record";
  /** Package examples that belong to the pregnancy: they point at the record, or are mother and child. */
  private static final List<String> OF_THE_PREGNANCY = List.of("EpisodeOfCare/family-jansen-zwangerschap",
      "Patient/family-jansen-anna", "Patient/family-jansen-daan", "RelatedPerson/family-jansen-daan-moeder",
      "Observation/family-jansen-pregnancy", "Observation/family-jansen-edd", "Procedure/family-jansen-delivery",
      "ServiceRequest/family-jansen-indicatie-intake", "Observation/family-jansen-ziekenhuisopname",
      "Observation/family-jansen-daan-birth-weight", "Observation/family-jansen-kwetsbaarheid",
      "CarePlan/family-jansen-gezinsplan", "Goal/family-jansen-doel-netwerk",
      "Organization/family-jansen-verloskundigenpraktijk");

  private static StoredFamily family;
  private static StoredFamily stranger;
  private static String encounter;
  private static String provenance;
  private static String unrelatedFlag;

  @BeforeAll
  static void families() {
    family = new StoredFamily();
    stranger = new StoredFamily();
    // linked by an element of its own, not the extension
    Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
        .setClass_(new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "HH", "home health"))
        .setSubject(new Reference(family.mother()));
    visit.addEpisodeOfCare(new Reference(family.record()));
    encounter = StoredFamily.create(visit);
    // a Provenance names its pregnancy with the extension (e.g. the signatures of a herindicatie)
    Provenance signed = new Provenance().setRecordedElement(InstantType.now());
    signed.addTarget(new Reference(family.id("ServiceRequest/family-jansen-indicatie-intake")));
    signed.addAgent().setWho(new Reference(family.midwifePractice()));
    signed.addExtension(EXT_MATERNAL_RECORD, new Reference(family.record()));
    provenance = StoredFamily.create(signed);
    // the mother's, but not of this pregnancy
    Flag flag = new Flag().setStatus(Flag.FlagStatus.ACTIVE).setSubject(new Reference(family.mother()))
        .setCode(new CodeableConcept().setText("allergie voor pinda's"));
    unrelatedFlag = StoredFamily.create(flag);
  }

  private static String path(StoredFamily f) {
    return "/fhir/" + f.record() + "/$everything";
  }

  @Test
  void theMidwifeGetsThePregnancyWithMotherAndNewborn() {
    Http.Response r = family.midwife().get(path(family));
    assertEquals("searchset", r.resource(Bundle.class).getType().toCode());
    Set<String> got = StoredFamily.refs(r);
    for (String expected : family.stored(OF_THE_PREGNANCY)) {
      assertTrue(got.contains(expected), () -> expected + " missing from " + got);
    }
    assertTrue(got.contains(encounter), "a record linked by Encounter.episodeOfCare");
    assertTrue(got.contains(provenance), "a Provenance with ext-maternal-record");
    assertFalse(got.contains(unrelatedFlag), "the mother's record outside this pregnancy stays out");
    for (String other : stranger.ids.values()) {
      if (!other.startsWith("Organization/") && !other.startsWith("Practitioner")) {
        assertFalse(got.contains(other), () -> other + " of another family in the answer");
      }
    }
    assertFalse(r.body().contains("\"resourceType\":\"StructureDefinition\""));
  }

  @Test
  void everyPartnerThatCaresForTheFamilyGetsIt() {
    Set<String> got = StoredFamily.refs(family.kraamzorg().get(path(family)));
    assertTrue(got.containsAll(family.stored(OF_THE_PREGNANCY)), () -> "kraamzorg got " + got);
  }

  @Test
  void theMothersPgoGetsItWithoutBsn() {
    Http.Response r = family.pgo().get(path(family));
    Set<String> got = StoredFamily.refs(r);
    assertTrue(got.containsAll(family.stored(OF_THE_PREGNANCY)), () -> "PGO got " + got);
    assertFalse(r.body().contains(family.motherBsn), "no BSN for a PGO");
    assertTrue(r.body().contains("\"valueCode\":\"masked\""), "the BSN is there, masked as MedMij asks");
  }

  @Test
  void aPartnerWithoutCareRelationshipGetsNothing() {
    Http.Response r = stranger.midwife().get(path(family));
    assertEquals(403, r.status(), r::toString);
    assertFalse(r.body().contains(family.mother()));
    Http.Response otherPgo = stranger.pgo().get(path(family));
    assertEquals(403, otherPgo.status(), otherPgo::toString);
  }

  @Test
  void anUnknownRecordIs404AndAnotherEpisodeIsNotAPregnancy() {
    assertEquals(404, Http.shared().get("/fhir/EpisodeOfCare/no-such-record/$everything").status());
    // an enrolment in a support programme is an EpisodeOfCare too, not a pregnancy
    EpisodeOfCare programme = new EpisodeOfCare().setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE)
        .setPatient(new Reference(family.mother()));
    programme.addType().addCoding().setSystem("https://fhir.geboorteketen.nl/CodeSystem/episode-type")
        .setCode("programma-inschrijving");
    programme.addType().setText("een steunprogramma");
    programme.getPeriod().setStartElement(org.hl7.fhir.r4.model.DateTimeType.now());
    String other = StoredFamily.create(programme);
    Http.Response r = Http.shared().get("/fhir/" + other + "/$everything");
    assertEquals(422, r.status(), r::toString);
    assertEquals("EpisodeOfCare.type", r.outcome().getIssueFirstRep().getExpression().get(0).getValue());
  }

  @Test
  void eachAccessIsAudited() {
    StoredFamily.refs(family.midwife().get(path(family)));
    Bundle log = Http.shared().get("/fhir/AuditEvent?agent=" + family.midwifeSubject
        + "&subtype=http://hl7.org/fhir/restful-interaction%7Coperation&_count=100").resource(Bundle.class);
    assertTrue(log.getEntry().stream().map(e -> (AuditEvent) e.getResource()).anyMatch(e ->
        e.getEntity().stream().anyMatch(x -> family.id("Observation/family-jansen-pregnancy").equals(x.getWhat().getReference()))
            && e.getEntity().stream().anyMatch(x -> family.child().equals(x.getWhat().getReference()))),
        () -> "no audit record naming what $everything returned: " + log.getEntry().size() + " records");
  }

  @Test
  void theOperationIsDeclaredInThePackage() {
    Bundle found = Http.shared().get("/fhir/OperationDefinition?url="
        + "https://fhir.geboorteketen.nl/OperationDefinition/episodeofcare-everything").resource(Bundle.class);
    assertEquals(1, found.getEntry().size());
    org.hl7.fhir.r4.model.OperationDefinition od = (org.hl7.fhir.r4.model.OperationDefinition) found.getEntryFirstRep().getResource();
    assertEquals("everything", od.getCode());
    assertTrue(od.getInstance() && !od.getType() && !od.getSystem());
    assertTrue(od.getParameter().stream().noneMatch(p -> p.getUse() == org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse.IN));
  }
}
