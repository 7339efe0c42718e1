package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
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
}
