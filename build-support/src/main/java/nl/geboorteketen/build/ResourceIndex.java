package nl.geboorteketen.build;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/** One line of a FHIR package's .index.json, the way package loaders find resources by url. */
final class ResourceIndex {

  private static final FhirContext CTX = FhirContext.forR4();

  private static final Set<String> CONFORMANCE_TYPES = Set.of(
      "StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter", "OperationDefinition",
      "CapabilityStatement", "ConceptMap", "NamingSystem", "PlanDefinition", "ActivityDefinition",
      "Library", "Questionnaire", "ImplementationGuide", "StructureMap");

  private ResourceIndex() {}

  /** Whether a SUSHI output file holds a definition (package/) rather than an example. */
  static boolean isConformance(Path file) {
    String name = file.getFileName().toString();
    int dash = name.indexOf('-');
    return dash > 0 && CONFORMANCE_TYPES.contains(name.substring(0, dash));
  }

  static String entryFor(Path file) throws IOException {
    Resource resource = (Resource) CTX.newJsonParser().parseResource(Files.readString(file));
    return entryFor(file.getFileName().toString(), resource);
  }

  static String entryFor(String file, Resource resource) {
    StringBuilder sb = new StringBuilder("{");
    sb.append(field("filename", file)).append(',');
    sb.append(field("resourceType", resource.fhirType())).append(',');
    sb.append(field("id", resource.getIdElement().getIdPart()));
    if (resource instanceof MetadataResource meta) {
      if (meta.hasUrl()) sb.append(',').append(field("url", meta.getUrl()));
      if (meta.hasVersion()) sb.append(',').append(field("version", meta.getVersion()));
    }
    if (resource instanceof StructureDefinition sd) {
      sb.append(',').append(field("kind", sd.getKind().toCode()));
      sb.append(',').append(field("type", sd.getType()));
      if (sd.hasDerivation()) sb.append(',').append(field("derivation", sd.getDerivation().toCode()));
    }
    return sb.append('}').toString();
  }

  private static String field(String name, String value) {
    return "\"" + name + "\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
