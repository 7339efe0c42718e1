package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.IValidatorModule;
import java.util.List;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/**
 * The validator's working context lists the base types, not the ~900 profiles and extension
 * definitions (every FHIRPath engine the validator builds, several per write, walks that list),
 * and still finds each profile by url.
 */
class ConstraintsUnlistedTest {

  @Test
  void theValidatorListsBaseTypesAndFindsProfilesByUrl() {
    Fixtures.ensurePackageExamples();
    FhirInstanceValidator validator = (FhirInstanceValidator) TestServer.shared().beanNamed("myInstanceValidator", IValidatorModule.class);
    List<StructureDefinition> listed = validator.getWorkerContext().fetchResourcesByType(StructureDefinition.class);
    long constraints = listed.stream().filter(sd -> sd.getDerivation() == TypeDerivationRule.CONSTRAINT).count();
    assertTrue(listed.stream().anyMatch(sd -> "Patient".equals(sd.getName())), "base types are listed");
    assertTrue(constraints < 100, constraints + " of " + listed.size() + " listed are constraints");

    IValidationSupport chain = TestServer.shared().bean(IValidationSupport.class);
    for (String url : List.of("http://nictiz.nl/fhir/StructureDefinition/nl-core-Patient",
        "http://hl7.org/fhir/StructureDefinition/patient-nationality",
        "http://hl7.org/fhir/StructureDefinition/bodyweight")) {
      assertNotNull(chain.fetchStructureDefinition(url), url);
    }
  }
}
