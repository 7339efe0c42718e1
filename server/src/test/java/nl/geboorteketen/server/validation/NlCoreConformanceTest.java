package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.geboorteketen.server.packages.NictizPackages;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.support.Fixtures;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our records go out as nl-core: every package example and every record the Postman chain creates
 * is validated, offline and without our server, against the nl-core profile its own profile
 * derives from. Zero errors, apart from value sets defined by a SNOMED hierarchy (no SNOMED here).
 */
class NlCoreConformanceTest {

  private static final FhirContext CTX = FhirContext.forR4Cached();
  private static final String NICTIZ = "http://nictiz.nl/fhir/StructureDefinition/";

  private static FhirValidator validator;
  private static ProfileSelector selector;
  private static PrePopulatedValidationSupport ours;

  @BeforeAll
  static void validatorWithTheNictizPackages() {
    ProfilePackage pkg = ProfilePackage.fromClasspath();
    ours = new PrePopulatedValidationSupport(CTX);
    pkg.resourcesIn("package").forEach(json -> ours.addResource(CTX.newJsonParser().parseResource(json)));
    ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(CTX),
        NictizPackages.validationSupport(CTX), ours, new InMemoryTerminologyServerValidationSupport(CTX),
        new CommonCodeSystemsTerminologyService(CTX), new SnapshotGeneratingValidationSupport(CTX));
    validator = CTX.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    selector = new ProfileSelector(CTX, pkg);
  }

  @Test
  void everyPackageExampleMeetsItsNlCoreProfile() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Resource example : Fixtures.packageExamples()) {
      checked += check(example, failures) ? 1 : 0;
    }
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    // patient ×2, organisations, practitioners and roles, the pregnancy and its members, birth records…
    assertTrue(checked >= 20, "only " + checked + " examples have an nl-core profile");
  }

  @Test
  void everyRecordThePostmanChainCreatesMeetsItsNlCoreProfile() throws IOException {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Resource record : postmanRecords()) {
      checked += check(record, failures) ? 1 : 0;
    }
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    assertTrue(checked >= 20, "only " + checked + " Postman records have an nl-core profile");
  }

  /** Validates against the nl-core ancestor of the resource's profile; false when there is none. */
  private static boolean check(Resource resource, List<String> failures) {
    Optional<String> nlCore = selector.select(resource).flatMap(NlCoreConformanceTest::nlCoreAncestor);
    if (nlCore.isEmpty()) {
      return false;
    }
    ValidationOptions options = new ValidationOptions().addProfile(nlCore.get());
    resource.getMeta().getProfile().clear();
    List<SingleValidationMessage> errors =
        OfflineTerminology.errorsThatCount(validator.validateWithResult(resource, options).getMessages());
    errors.forEach(e -> failures.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart() + " against "
        + nlCore.get() + ": " + e.getLocationString() + " " + e.getMessage()));
    return true;
  }

  private static Optional<String> nlCoreAncestor(String profile) {
    String url = profile;
    while (url != null && !url.startsWith(NICTIZ)) {
      StructureDefinition sd = (StructureDefinition) ours.fetchStructureDefinition(url);
      url = sd == null ? null : sd.getBaseDefinition();
    }
    return Optional.ofNullable(url);
  }

  /** The resources the Postman collection POSTs, placeholders filled, deliberate mistakes left out. */
  private static List<Resource> postmanRecords() throws IOException {
    JsonNode collection = new ObjectMapper().readTree(Files.readString(Path.of("../postman/geboorteketen.postman_collection.json")));
    List<Resource> result = new ArrayList<>();
    collect(collection, result);
    return result;
  }

  private static void collect(JsonNode node, List<Resource> result) {
    if (node.has("request") && node.get("request").has("body") && node.get("request").get("body").has("raw")) {
      String raw = node.get("request").get("body").get("raw").asText();
      String name = node.path("name").asText();
      boolean deliberateMistake = node.path("event").toString().contains("to.have.status(4");
      if (raw.strip().startsWith("{") && !raw.strip().startsWith("{{") && !deliberateMistake && !name.isEmpty()) {
        Resource resource = (Resource) CTX.newJsonParser().parseResource(filled(raw));
        if (resource instanceof Bundle bundle) {
          bundle.getEntry().forEach(e -> result.add(e.getResource()));
        } else {
          result.add(resource);
        }
      }
    }
    node.forEach(child -> collect(child, result));
  }

  private static String filled(String raw) {
    Matcher m = Pattern.compile("\\{\\{(\\w+)}}").matcher(raw);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = name.startsWith("bsn") ? Fixtures.randomBsn()
          : name.startsWith("ura") || name.startsWith("agb") ? "12345678"
          : name.endsWith("Uuid") ? UUID.randomUUID().toString()
          : "1";
      m.appendReplacement(sb, value);
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
