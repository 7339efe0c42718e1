package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The BSN slice of our Patient profile: 9 digits and the 11-proof, checked on every write. */
class BsnElfproefTest {

  private static final String BSN = "http://fhir.nl/fhir/NamingSystem/bsn";

  @ParameterizedTest(name = "BSN {0}: valid={1} ({2})")
  @CsvFileSource(resources = "/bsn-cases.csv", numLinesToSkip = 1)
  void patientWithBsnIsStoredOnlyWhenTheBsnPassesTheElfproef(String bsn, boolean valid, String reason) {
    Fixtures.ensurePackageExamples();
    Patient patient = examplePatientWithBsn();
    patient.getIdentifier().stream().filter(i -> BSN.equals(i.getSystem())).forEach(i -> i.setValue(bsn));

    boolean held = !Http.shared().get("/fhir/Patient?identifier=" + BSN + "%7C" + bsn)
        .resource(org.hl7.fhir.r4.model.Bundle.class).getEntry().isEmpty();
    Http.Response response = Http.shared().postJson("/fhir/Patient", patient);

    if (valid && held) {
      // a valid BSN that an example Patient already has: one Patient per BSN
      assertEquals(409, response.status(), () -> reason + ": " + response);
      assertTrue(response.body().contains("per BSN"), response::toString);
    } else if (valid) {
      assertEquals(201, response.status(), () -> reason + ": " + response);
    } else {
      assertEquals(422, response.status(), () -> reason + ": " + response);
      assertTrue(response.body().contains("gk-bsn-1"), () -> "the invariant is named: " + response);
      assertTrue(response.body().contains("Patient.identifier"), () -> "the element is named: " + response);
    }
  }

  private static Patient examplePatientWithBsn() {
    for (Resource r : Fixtures.packageExamples()) {
      if (r instanceof Patient p && p.getIdentifier().stream().map(Identifier::getSystem).anyMatch(BSN::equals)) {
        Patient copy = p.copy();
        copy.setId((String) null);
        copy.getLink().clear();
        return copy;
      }
    }
    throw new IllegalStateException("the package has no example Patient with a BSN");
  }
}
