package nl.geboorteketen.server.izk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A contact written through R4 claims {@code zib-Encounter} in the IZK view; that claim holds against
 * Nictiz's STU3 definitions. Those are not in this repository (no licence stated): point
 * GK_IZK_STU3_PROFILES at their folders, as for {@link IzkReferenceFamiliesTest}.
 */
@EnabledIfEnvironmentVariable(named = "GK_IZK_STU3_PROFILES", matches = ".+")
class IzkEncounterProfileTest {

  @Test
  void theViewOfAnR4ContactMeetsZibEncounter() throws IOException {
    Map<String, String> family = Fixtures.storeNewFamily();
    String mother = family.get("Patient/family-jansen-anna");
    Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
        .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "HH", "home health"))
        .setSubject(new Reference(mother));
    visit.addEpisodeOfCare(new Reference(family.get("EpisodeOfCare/family-jansen-zwangerschap")));
    visit.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-20T10:00:00+01:00"));
    visit.setServiceProvider(new Reference(family.get("Organization/family-jansen-verloskundigenpraktijk")));
    Http.Response created = Http.shared().postJson("/fhir/Encounter", visit);
    assertEquals(201, created.status(), created::toString);

    String bsn = Http.shared().get("/fhir/" + mother).resource(Patient.class).getIdentifier().stream()
        .filter(i -> Fixtures.BSN_SYSTEM.equals(i.getSystem())).findFirst().orElseThrow().getValue();
    String base = TestServer.shared().baseUrl();
    Http.Response shown = Http.shared().withToken(TestTokens.pgo(bsn)).send(HttpRequest.newBuilder(URI.create(
        base + "/stu3/" + new IdType(created.header("Location")).toUnqualifiedVersionless().getValue()))
        .header("Accept", "application/fhir+json"));
    assertEquals(200, shown.status(), shown::toString);

    Stu3ProfileCheck profiles = Stu3ProfileCheck.fromPathList(System.getenv("GK_IZK_STU3_PROFILES"));
    assertEquals(List.of(), profiles.errors(shown.body()), shown.body());
  }
}
