package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A conditional reference ({@code Patient?identifier=…}) in a partner's write, alone or in a
 * bundle: HAPI resolves it to the one record it matches. It may match the partner's own families'
 * records, never another family's, and a refusal does not name the match; the record is validated
 * against what the reference resolved to.
 */
class ConditionalReferenceTest {

  private static final String MARK = "urn:uuid:" + UUID.randomUUID();
  private static SecurityWorld world;
  private static Http midwife;
  private static Http admin;

  @BeforeAll
  static void world() {
    world = SecurityWorld.get();
    midwife = Http.shared().withToken(TestTokens.partner("verloskundige", SecurityWorld.MIDWIFE));
    admin = Http.shared();
  }

  @ParameterizedTest
  @ValueSource(strings = {"alone", "transaction", "batch"})
  void anotherFamilysBsnIsRefusedWithoutNamingHer(String how) {
    assertRefusedWithoutNamingHer(how, note(byBsn(world.otherMotherBsn)));
  }

  /** An element that takes no Patient: the validator's refusal would name the target it resolved to. */
  @ParameterizedTest
  @ValueSource(strings = {"alone", "transaction", "batch"})
  void anotherFamilysBsnWhereNoPatientMayStandIsRefusedWithoutNamingHer(String how) {
    Observation note = note(SecurityWorld.ANNA);
    note.setDevice(new Reference(byBsn(world.otherMotherBsn)));
    assertRefusedWithoutNamingHer(how, note);
  }

  private static void assertRefusedWithoutNamingHer(String how, Observation note) {
    Http.Response r = send(how, note);
    assertEquals(403, status(r, how), r::toString);
    assertFalse(r.mentions(herId()), () -> "the refusal names her record: " + r);
    assertEquals(0, stored(note), "nothing is stored");
  }

  @ParameterizedTest
  @ValueSource(strings = {"alone", "transaction", "batch"})
  void theOwnFamilysBsnIsStoredAsALiteralReference(String how) {
    Observation note = note(byBsn(SecurityWorld.ANNA_BSN));
    Http.Response r = send(how, note);
    assertEquals(201, status(r, how), r::toString);
    Bundle found = admin.get("/fhir/Observation?identifier=" + MARK + "%7C" + note.getIdentifierFirstRep().getValue())
        .resource(Bundle.class);
    assertEquals(SecurityWorld.ANNA, ((Observation) found.getEntryFirstRep().getResource()).getSubject().getReference());
  }

  /** As the beheerder, whom the gate lets write a record of no family. */
  @ParameterizedTest
  @ValueSource(strings = {"alone", "transaction", "batch"})
  void theResolvedTargetIsValidated(String how) {
    Observation note = note(SecurityWorld.MIDWIFE.replace("/", "?_id="));
    Http.Response r = send(admin, how, note);
    assertEquals(422, status(r, how), r::toString);
    assertTrue(r.body().contains("Observation.subject"), r::toString);
    assertEquals(0, stored(note), "nothing is stored");
  }

  @Test
  void anUpdateIsValidatedAgainstTheResolvedTarget() {
    Observation note = note(SecurityWorld.ANNA);
    Http.Response created = admin.postJson("/fhir/Observation", note);
    assertEquals(201, created.status(), created::toString);
    String id = created.resource(Observation.class).getIdElement().getIdPart();
    note.setId(id);
    note.setSubject(new Reference(SecurityWorld.MIDWIFE.replace("/", "?_id=")));
    Http.Response updated = admin.put("/fhir/Observation/" + id,
        Http.FHIR.newJsonParser().encodeResourceToString(note), "application/fhir+json");
    assertEquals(422, updated.status(), updated::toString);
    Observation still = admin.get("/fhir/Observation/" + id).resource(Observation.class);
    assertEquals("1", still.getMeta().getVersionId());
    assertEquals(SecurityWorld.ANNA, still.getSubject().getReference());
  }

  /** The form FHIR's examples use: the system's slashes as they are. */
  private static String byBsn(String bsn) {
    return "Patient?identifier=" + Fixtures.BSN_SYSTEM + "|" + bsn;
  }

  private static Observation note(String subject) {
    Observation note = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept().setText("notitie")).setSubject(new Reference(subject));
    note.addIdentifier().setSystem(MARK).setValue(UUID.randomUUID().toString());
    return note;
  }

  private static Http.Response send(String how, Observation note) {
    return send(midwife, how, note);
  }

  private static Http.Response send(Http as, String how, Observation note) {
    if (how.equals("alone")) {
      return as.postJson("/fhir/Observation", note);
    }
    Bundle bundle = new Bundle().setType(how.equals("batch") ? Bundle.BundleType.BATCH : Bundle.BundleType.TRANSACTION);
    bundle.addEntry().setResource(note).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    return as.postJson("/fhir", bundle);
  }

  /** A single request's status; for a bundle answered 200, its entry's. */
  private static int status(Http.Response r, String how) {
    if (how.equals("alone") || r.status() != 200) {
      return r.status();
    }
    return Integer.parseInt(r.resource(Bundle.class).getEntryFirstRep().getResponse().getStatus().substring(0, 3));
  }

  private static int stored(Observation note) {
    return admin.get("/fhir/Observation?identifier=" + MARK + "%7C" + note.getIdentifierFirstRep().getValue()
        + "&_summary=count").resource(Bundle.class).getTotal();
  }

  private static String herId() {
    return world.otherMother.substring(world.otherMother.indexOf('/') + 1);
  }
}
