package nl.geboorteketen.server.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mother's Patient/{id}/$everything holds her newborn and the newborn's records. */
class MotherEverythingTest {

  private static StoredFamily family;
  private static StoredFamily stranger;
  /** The child's own record, linked to nothing of the mother's (e.g. written by JGZ later). */
  private static String childsFlag;
  private static String mothersFlag;

  @BeforeAll
  static void families() {
    family = new StoredFamily();
    stranger = new StoredFamily();
    childsFlag = StoredFamily.create(new Flag().setStatus(Flag.FlagStatus.ACTIVE)
        .setSubject(new Reference(family.child())).setCode(new CodeableConcept().setText("consultatiebureau: groei volgen")));
    mothersFlag = StoredFamily.create(new Flag().setStatus(Flag.FlagStatus.ACTIVE)
        .setSubject(new Reference(family.mother())).setCode(new CodeableConcept().setText("moeder: hulp bij voeding")));
  }

  private static String everything(String patient) {
    return "/fhir/" + patient + "/$everything?_count=500";
  }

  private static void holdsTheNewborn(Set<String> got, String who) {
    assertTrue(got.contains(family.mother()), () -> who + ": the mother herself, got " + got);
    assertTrue(got.contains(mothersFlag), () -> who + ": her own record");
    assertTrue(got.contains(family.child()), () -> who + ": her newborn, got " + got);
    assertTrue(got.contains(childsFlag), () -> who + ": the newborn's own record");
    assertTrue(got.contains(family.id("Observation/family-jansen-daan-birth-weight")), () -> who + ": the birth weight");
    assertFalse(got.contains(stranger.mother()) || got.contains(stranger.child()), () -> who + ": another family");
  }

  @Test
  void partnersWithACareRelationshipGetTheNewborn() {
    holdsTheNewborn(StoredFamily.refs(family.midwife().get(everything(family.mother()))), "midwife");
    holdsTheNewborn(StoredFamily.refs(family.kraamzorg().get(everything(family.mother()))), "kraamzorg");
  }

  @Test
  void herPgoGetsTheNewbornWithoutBsn() {
    Http.Response r = family.pgo().get(everything(family.mother()));
    holdsTheNewborn(StoredFamily.refs(r), "PGO");
    assertFalse(r.body().contains("\"system\":\"http://fhir.nl/fhir/NamingSystem/bsn\",\"value\""), "no BSN value for a PGO");
    assertTrue(r.body().contains("\"valueCode\":\"masked\""), "the BSNs are there, masked as MedMij asks");
  }

  @Test
  void theChildsEverythingStaysTheChilds() {
    Set<String> got = StoredFamily.refs(family.midwife().get(everything(family.child())));
    assertTrue(got.contains(childsFlag));
    assertFalse(got.contains(mothersFlag), "the mother's own records are not the child's");
  }

  @Test
  void aPartnerWithoutCareRelationshipGetsNothing() {
    for (String patient : new String[] {family.mother(), family.child()}) {
      Http.Response r = stranger.midwife().get(everything(patient));
      assertEquals(403, r.status(), r::toString);
      assertFalse(r.body().contains(childsFlag));
    }
    Http.Response typeLevel = stranger.midwife().get("/fhir/Patient/$everything?_id=" + family.mother().substring(8));
    assertTrue(typeLevel.status() == 200 || typeLevel.status() == 403, typeLevel::toString);
    if (typeLevel.status() == 200) {
      Set<String> got = StoredFamily.refs(typeLevel);
      assertFalse(got.contains(family.mother()) || got.contains(family.child()) || got.contains(childsFlag),
          () -> "type-level $everything leaks " + got);
    }
  }
}
