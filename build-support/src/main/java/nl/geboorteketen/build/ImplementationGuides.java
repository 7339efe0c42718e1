package nl.geboorteketen.build;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** The ImplementationGuide resource of our package: what it is, what it depends on, what it holds. */
final class ImplementationGuides {

  private static final FhirContext CTX = FhirContext.forR4();

  private ImplementationGuides() {}

  static ImplementationGuide describe(String id, String version, String canonical, Map<String, String> dependencies,
      List<Path> files, List<Library> rules) throws IOException {
    ImplementationGuide guide = new ImplementationGuide();
    guide.setId(id);
    guide.setUrl(canonical + "/ImplementationGuide/" + id);
    guide.setVersion(version);
    guide.setName("Geboorteketen");
    guide.setTitle("Geboorteketen FHIR profiles");
    guide.setStatus(Enumerations.PublicationStatus.ACTIVE);
    guide.setPublisher("Geboorteketen");
    guide.setPackageId(id);
    guide.setLicense(ImplementationGuide.SPDXLicense.CC0_1_0);
    guide.addFhirVersion(Enumerations.FHIRVersion._4_0_1);
    dependencies.forEach((name, depVersion) -> {
      if (!name.equals("hl7.fhir.r4.core")) {
        guide.addDependsOn().setPackageId(name).setVersion(depVersion)
            .setUri(name.startsWith("nictiz.") ? "http://nictiz.nl/fhir/ImplementationGuide/" + name : name);
      }
    });
    for (Path file : files) {
      Resource resource = (Resource) CTX.newJsonParser().parseResource(Files.readString(file, StandardCharsets.UTF_8));
      boolean example = !ResourceIndex.isConformance(file);
      guide.getDefinition().addResource()
          .setReference(new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart()))
          .setExample(new org.hl7.fhir.r4.model.BooleanType(example));
    }
    for (Library rule : rules) {
      guide.getDefinition().addResource().setReference(new Reference("Library/" + rule.getIdElement().getIdPart()))
          .setExample(new org.hl7.fhir.r4.model.BooleanType(false));
    }
    return guide;
  }

  static byte[] json(ImplementationGuide guide) {
    return CTX.newJsonParser().encodeResourceToString(guide).getBytes(StandardCharsets.UTF_8);
  }
}
