package nl.geboorteketen.server.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/** The package is installed at start-up: its conformance resources are served and declared. */
class PackageInstalledTest {

  private final Http http = Http.shared();

  private static List<MetadataResource> packageConformance() {
    return ProfilePackage.fromClasspath().resourcesIn("package").stream()
        .map(json -> (Resource) Http.FHIR.newJsonParser().parseResource(json))
        .filter(MetadataResource.class::isInstance).map(MetadataResource.class::cast)
        .filter(r -> Set.of("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter").contains(r.fhirType()))
        .toList();
  }

  @Test
  void everyConformanceResourceOfThePackageIsServedByUrl() {
    List<MetadataResource> resources = packageConformance();
    assertFalse(resources.isEmpty());
    for (MetadataResource r : resources) {
      String query = "/fhir/" + r.fhirType() + "?url=" + URLEncoder.encode(r.getUrl(), StandardCharsets.UTF_8);
      Bundle found = http.get(query).resource(Bundle.class);
      assertEquals(1, found.getEntry().size(), () -> r.fhirType() + " " + r.getUrl() + " is not served");
    }
  }

  @Test
  void metadataListsEveryProfileAsSupportedProfileOfItsType() {
    CapabilityStatement cs = http.get("/fhir/metadata").resource(CapabilityStatement.class);
    for (MetadataResource r : packageConformance()) {
      if (r instanceof StructureDefinition sd && sd.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE
          && sd.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT) {
        Set<String> declared = cs.getRestFirstRep().getResource().stream()
            .filter(res -> res.getType().equals(sd.getType()))
            .flatMap(res -> res.getSupportedProfile().stream()).map(CanonicalType::getValue)
            .collect(Collectors.toSet());
        assertTrue(declared.contains(sd.getUrl()), () -> sd.getUrl() + " missing for " + sd.getType());
      }
    }
  }

  @Test
  void searchParametersOfThePackageAreUsable() {
    for (String query : List.of("/fhir/EpisodeOfCare?pregnancy-key=123", "/fhir/Observation?edd=ge2026-01-01",
        "/fhir/Observation?maternal-record=EpisodeOfCare/x", "/fhir/RelatedPerson?related-patient=Patient/x")) {
      Http.Response response = http.get(query);
      assertEquals(200, response.status(), () -> query + " -> " + response);
    }
  }
}
