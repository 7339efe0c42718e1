package nl.geboorteketen.server.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IParser;
import java.util.List;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FHIR's own definitions answer as HAPI's core support does, but are parsed one by one. */
class CoreDefinitionsTest {

  private static final FhirContext CTX = FhirContext.forR4Cached();
  private static final CoreDefinitions CORE = CoreDefinitions.load(CTX);
  private static final DefaultProfileValidationSupport HAPI = new DefaultProfileValidationSupport(CTX);
  private static final IParser JSON = CTX.newJsonParser();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "StructureDefinition, http://hl7.org/fhir/StructureDefinition/Patient",
    "StructureDefinition, Patient",
    "StructureDefinition, StructureDefinition/Observation",
    "StructureDefinition, http://hl7.org/fhir/StructureDefinition/String",
    "StructureDefinition, http://hl7.org/fhir/StructureDefinition/patient-nationality",
    "StructureDefinition, http://hl7.org/fhir/StructureDefinition/bodyweight",
    "StructureDefinition, http://hl7.org/fhir/StructureDefinition/no-such-thing",
    "CodeSystem, http://hl7.org/fhir/administrative-gender",
    "CodeSystem, http://terminology.hl7.org/CodeSystem/v3-RoleCode",
    "ValueSet, http://hl7.org/fhir/ValueSet/administrative-gender",
    "ValueSet, http://hl7.org/fhir/ValueSet/administrative-gender|4.0.0",
    "ValueSet, http://hl7.org/fhir/ValueSet/no-such-thing",
  })
  void findsWhatHapisCoreSupportFinds(String type, String url) {
    IBaseResource ours = fetch(CORE, type, url);
    IBaseResource hapis = fetch(HAPI, type, url);
    if (hapis == null) {
      assertNull(ours, url);
      return;
    }
    assertNotNull(ours, url);
    IBaseResource hapisWithoutCommentary = Commentary.dropped(CTX.newTerser().clone(hapis));
    assertEquals(JSON.encodeResourceToString(hapisWithoutCommentary), JSON.encodeResourceToString(ours), url);
    assertEquals("hl7.fhir.r4.core", ours.getUserData(DefaultProfileValidationSupport.SOURCE_PACKAGE_ID));
  }

  /** HAPI's support finds no core StructureDefinition by url and version; ours does, for 4.0.1. */
  @Test
  void findsACoreProfileByItsVersion() {
    assertNull(HAPI.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/Patient|4.0.1"));
    assertEquals(CORE.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/Patient"),
        CORE.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/Patient|4.0.1"));
    assertNull(CORE.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/Patient|3.0.2"));
  }

  /** Mappings, comments and requirements go; what validation reads stays. */
  @Test
  void keepsWhatValidationReadsWithoutTheCommentary() {
    StructureDefinition hapis = (StructureDefinition) HAPI.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/Patient");
    StructureDefinition ours = (StructureDefinition) CORE.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/Patient");
    assertTrue(hapis.hasMapping() && hapis.getSnapshot().getElement().stream().anyMatch(e -> e.hasComment() || e.hasRequirements()));
    assertFalse(ours.hasMapping());
    assertFalse(ours.getSnapshot().getElement().stream().anyMatch(e -> e.hasMapping() || e.hasComment() || e.hasRequirements()));
    assertEquals(JSON.encodeResourceToString(Commentary.dropped(hapis.copy())), JSON.encodeResourceToString(ours),
        "nothing else differs");
    assertEquals(hapis.getSnapshot().getElement().stream().mapToInt(e -> e.getConstraint().size()).sum(),
        ours.getSnapshot().getElement().stream().mapToInt(e -> e.getConstraint().size()).sum());
  }

  @Test
  void parsesOnlyWhatIsAskedForAndListsOnlySpecialisations() {
    CoreDefinitions core = CoreDefinitions.load(CTX);
    assertTrue(core.size() > 4000, core.size() + " definitions");
    assertEquals(0, core.parsedCount(), "nothing parsed up front");

    List<StructureDefinition> listed = core.fetchAllStructureDefinitions();
    assertTrue(listed.stream().anyMatch(sd -> "Patient".equals(sd.getName())));
    assertFalse(listed.stream().anyMatch(sd -> sd.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT));
    assertTrue(core.parsedCount() < core.size() / 4, core.parsedCount() + " parsed to list them");
    assertEquals(HAPI.fetchAllSearchParameters().size(), core.fetchAllSearchParameters().size());
  }

  /** Every chain HAPI reads definitions through has ours, and none has HAPI's own. */
  @Test
  void theServerAsksOnlyThese() {
    Fixtures.ensurePackageExamples();
    IValidationSupport validatorChain = TestServer.shared().bean(IValidationSupport.class);
    FhirContext serverContext = TestServer.shared().bean(FhirContext.class);
    for (IValidationSupport chain : List.of(validatorChain, serverContext.getValidationSupport(),
        FhirContext.forCached(FhirVersionEnum.R4).getValidationSupport())) {
      List<IValidationSupport> supports = ((ValidationSupportChain) chain).getValidationSupports();
      assertTrue(supports.stream().anyMatch(CoreDefinitions.class::isInstance), chain.getName());
      assertFalse(supports.stream().anyMatch(DefaultProfileValidationSupport.class::isInstance), chain.getName());
    }
    CoreDefinitions core = TestServer.shared().bean(CoreDefinitionsInChain.class).definitions(serverContext);
    // the built-in search parameters (1,381) are all read for the registry, as before
    assertTrue(core.parsedCount() < core.size() / 2, core.parsedCount() + " of " + core.size() + " parsed");
    System.out.printf("[memory] core definitions parsed after the examples: %d of %d%n", core.parsedCount(), core.size());
  }

  private static IBaseResource fetch(IValidationSupport support, String type, String url) {
    return switch (type) {
      case "StructureDefinition" -> support.fetchStructureDefinition(url);
      case "CodeSystem" -> support.fetchCodeSystem(url);
      default -> support.fetchValueSet(url);
    };
  }
}
