package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import nl.geboorteketen.mappings.PregnancyKey;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bundles sent as the partners who send them in real use: whole or refused, never half. */
class PartnerBundleTest {

  @BeforeAll
  static void world() {
    SecurityWorld.get();
  }

  /** A new client and her maternal record, as a midwife registers them in one go. */
  static Bundle newClientBundle(Bundle.BundleType type, String practice) {
    Patient woman = Fixtures.example(Patient.class, "family-jansen-anna");
    woman.setId((String) null);
    woman.getIdentifier().stream().filter(i -> Fixtures.BSN_SYSTEM.equals(i.getSystem()))
        .forEach(i -> i.setValue(Fixtures.randomBsn()));
    String urn = "urn:uuid:" + UUID.randomUUID();
    EpisodeOfCare record = Fixtures.example(EpisodeOfCare.class, "family-jansen-zwangerschap");
    record.setId((String) null);
    record.getIdentifier().clear();
    record.setPatient(new Reference(urn)).setManagingOrganization(new Reference(practice));
    Bundle bundle = new Bundle().setType(type);
    bundle.addEntry().setFullUrl(urn).setResource(woman).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
    bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(record).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("EpisodeOfCare");
    return bundle;
  }

  @Test
  void aMidwifesTransactionStoresEveryEntry() {
    Http midwife = Http.shared().withToken(TestTokens.partner("verloskundige", SecurityWorld.MIDWIFE));
    Http.Response r = midwife.postJson("/fhir", newClientBundle(Bundle.BundleType.TRANSACTION, SecurityWorld.MIDWIFE));
    assertEquals(200, r.status(), r::toString);
    for (Bundle.BundleEntryComponent e : r.resource(Bundle.class).getEntry()) {
      String location = e.getResponse().getLocation().replaceAll("/_history/.*", "");
      assertEquals(200, Http.shared().get("/fhir/" + location).status(), "beheerder reads " + location);
      Http.Response own = midwife.get("/fhir/" + location);
      assertEquals(200, own.status(), () -> "the midwife reads " + location + ": " + own);
    }
  }

  /** The whole pregnancy registered by the midwife in one go: the record is stored once, with its key. */
  @Test
  void aMidwifesWholePregnancyTransactionStoresTheRecordOnceWithItsKey() {
    Bundle bundle = newClientBundle(Bundle.BundleType.TRANSACTION, SecurityWorld.MIDWIFE);
    String woman = bundle.getEntry().get(0).getFullUrl();
    String record = bundle.getEntry().get(1).getFullUrl();
    Observation edd = Fixtures.example(Observation.class, "family-jansen-edd");
    edd.setId((String) null);
    edd.setSubject(new Reference(woman));
    edd.getExtension().forEach(e -> e.setValue(new Reference(record)));
    String eddUrn = "urn:uuid:" + UUID.randomUUID();
    bundle.addEntry().setFullUrl(eddUrn).setResource(edd).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    Observation pregnancy = Fixtures.example(Observation.class, "family-jansen-pregnancy");
    pregnancy.setId((String) null);
    pregnancy.setSubject(new Reference(woman));
    pregnancy.getExtension().forEach(e -> e.setValue(new Reference(record)));
    pregnancy.getPerformer().forEach(p -> p.setReference(SecurityWorld.MIDWIFE));
    pregnancy.setHasMember(java.util.List.of(new Reference(eddUrn)));
    bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(pregnancy).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    Http midwife = Http.shared().withToken(TestTokens.partner("verloskundige", SecurityWorld.MIDWIFE));

    Http.Response r = midwife.postJson("/fhir", bundle);

    assertEquals(200, r.status(), r::toString);
    String location = r.resource(Bundle.class).getEntry().get(1).getResponse().getLocation().replaceAll("/_history/.*", "");
    EpisodeOfCare stored = midwife.get("/fhir/" + location).resource(EpisodeOfCare.class);
    assertTrue(stored.getIdentifier().stream().anyMatch(i -> PregnancyKey.SYSTEM.equals(i.getSystem())), "the key");
    assertEquals("1", stored.getMeta().getVersionId(), "written once");
  }
}
