package nl.geboorteketen.server.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import nl.geboorteketen.mappings.eligibility.ProgrammeTable;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.rules.RuleTableStore;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;

/** A region's own programme with one place, added as a new version of the programme table over REST. */
public final class RegionalProgramme {

  private RegionalProgramme() {}

  /** Loads the packaged table plus programme {@code code} (capacity 1, any adult mother) on this server. */
  public static void load(Http http, String code) throws Exception {
    Library packaged = RuleTableStore.findInPackage(FhirContext.forR4Cached(), ProfilePackage.fromClasspath(),
        ProgrammeTable.URL).orElseThrow();
    ObjectMapper json = new ObjectMapper();
    ObjectNode table = (ObjectNode) json.readTree(RuleTableStore.content(packaged));
    ObjectNode programme = ((ArrayNode) table.path("rules").path("programmes")).addObject();
    programme.put("code", code).put("system", "https://regio.example.nl/programma").put("name", "Regionale steun (test)")
        .put("capacity", 1);
    ObjectNode criterion = programme.putArray("criteria").addObject();
    criterion.put("id", "volwassen").put("fact", "ageYears").put("op", "ge").put("value", 18)
        .put("text", "de moeder is volwassen");
    Library library = packaged.copy();
    library.setId((String) null);
    library.setVersion("regio-" + code);
    library.getContentFirstRep().setData(json.writeValueAsString(table).getBytes(StandardCharsets.UTF_8));
    Http.Response r = http.postJson("/fhir/Library", library);
    assertEquals(201, r.status(), r::body);
  }

  public static Http.Response enrol(Http http, String mother, String programme) {
    Parameters in = new Parameters();
    in.addParameter().setName("programma").setValue(new CodeType(programme));
    return http.postJson("/fhir/" + mother + "/$inschrijven", in);
  }
}
