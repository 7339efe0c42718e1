package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * A Dutch system sends records as nl-core has them (their extensions, codes and identifier habits,
 * meta.profile on nl-core): they are validated against nl-core, stored, and read back as sent.
 */
class NictizShapedRecordsTest {

  private final Map<String, String> values = new HashMap<>();

  @Test
  void nlCoreRecordsOfAFamilyAndItsCarersAreStoredAsSent() throws IOException {
    Http beheerder = Http.shared();
    values.put("ura", digits(8));
    values.put("uzi", digits(9));
    values.put("agb", digits(8));
    values.put("bsn", Fixtures.randomBsn());
    values.put("organization", created(beheerder, "Organization", "organization.json"));
    values.put("practitioner", created(beheerder, "Practitioner", "practitioner.json"));
    created(beheerder, "PractitionerRole", "practitionerrole.json");

    Http midwife = beheerder.withToken(TestTokens.partner("verloskundige", values.get("organization")));
    values.put("patient", created(midwife, "Patient", "patient.json"));
    for (String member : new String[] {"edd", "gravidity", "parity"}) {
      values.put(member, created(midwife, "Observation", member + ".json"));
    }
    String pregnancy = created(midwife, "Observation", "pregnancy.json");

    Resource stored = midwife.get("/fhir/" + values.get("patient")).resource(org.hl7.fhir.r4.model.Patient.class);
    assertTrue(stored.getMeta().hasProfile("http://nictiz.nl/fhir/StructureDefinition/nl-core-Patient"),
        "the nl-core claim is kept");
    String body = midwife.get("/fhir/" + pregnancy).body();
    assertTrue(body.contains("nl-core-Pregnancy") && body.contains(values.get("edd")), body);
  }

  @Test
  void anNlCoreClaimThatTheRecordBreaksIsRefusedNamingNlCore() throws IOException {
    values.put("bsn", Fixtures.randomBsn());
    // an official name whose given names do not say whether they are birth names or initials
    org.hl7.fhir.r4.model.Patient patient = (org.hl7.fhir.r4.model.Patient) Http.FHIR.newJsonParser()
        .parseResource(filled(read("patient.json")));
    patient.getNameFirstRep().getGiven().forEach(given -> given.getExtension().clear());
    String json = Http.FHIR.newJsonParser().encodeResourceToString(patient);

    Http.Response response = Http.shared().post("/fhir/Patient", json, "application/fhir+json");

    assertEquals(422, response.status(), response::toString);
    assertTrue(response.body().contains("nl-core") || response.body().contains("NameInformation"), response::toString);
    assertTrue(response.body().contains("Patient.name[0].given"), response::toString);
  }

  private String created(Http http, String type, String file) throws IOException {
    Http.Response response = http.post("/fhir/" + type, filled(read(file)), "application/fhir+json");
    assertEquals(201, response.status(), () -> file + " was not stored: " + response);
    return type + "/" + response.resource(Resource.class).getIdElement().getIdPart();
  }

  private String filled(String template) {
    String result = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      result = result.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    return result;
  }

  private static String digits(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(ThreadLocalRandom.current().nextInt(10));
    }
    return sb.toString();
  }

  private static String read(String file) throws IOException {
    try (InputStream in = NictizShapedRecordsTest.class.getResourceAsStream("/nictiz-shaped/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
