package nl.geboorteketen.build;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;

/**
 * Wraps a rule table (profiles/rules/*.json) in a FHIR Library, so the rules travel in the
 * package, are versioned by canonical url + version, and can be replaced through the FHIR API.
 */
final class RuleTableLibrary {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FhirContext CTX = FhirContext.forR4Cached();

  private RuleTableLibrary() {}

  static Library from(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    JsonNode table = JSON.readTree(bytes);
    String id = file.getFileName().toString().replaceFirst("\\.json$", "");
    Library library = new Library();
    library.setId(id);
    library.setUrl(required(table, "url", file));
    library.setVersion(required(table, "version", file));
    library.setName(required(table, "name", file));
    library.setTitle(required(table, "title", file));
    library.setDescription(table.path("description").asText(null));
    library.setStatus(PublicationStatus.ACTIVE);
    library.getType().addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/library-type").setCode("logic-library");
    library.addContent().setContentType("application/json").setData(bytes).setTitle(file.getFileName().toString());
    return library;
  }

  static String fileName(Library library) {
    return "Library-" + library.getIdElement().getIdPart() + ".json";
  }

  static byte[] json(Library library) {
    return CTX.newJsonParser().encodeResourceToString(library).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String required(JsonNode table, String field, Path file) {
    String value = table.path(field).asText(null);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(file + " lacks \"" + field + "\"");
    }
    return value;
  }
}
