package nl.geboorteketen.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every request README shows (a backticked {@code GET /fhir/…} or a curl to {@code /fhir}) runs here
 * against a stored copy of the example family, with the status README promises. A request added to
 * README without a row below fails {@link #everyReadmeRequestHasARow()}.
 */
class ReadmeExamplesTest {

  private static final Http BEHEERDER = Http.shared();
  private static final Pattern BACKTICKED = Pattern.compile("`((?:GET|POST|PUT|DELETE) /fhir[^`]*)`");
  private static final Pattern CURL = Pattern.compile("curl [^\\n]*'http://localhost:8080(/fhir[^']*)'");

  private static Map<String, String> family;
  private static final Map<String, Supplier<Http.Response>> ROWS = new LinkedHashMap<>();
  private static final Map<String, Integer> EXPECTED = new LinkedHashMap<>();

  private static void row(String readme, int status, Supplier<Http.Response> call) {
    ROWS.put(readme, call);
    EXPECTED.put(readme, status);
  }

  @BeforeAll
  static void storeTheExampleFamily() {
    family = Fixtures.storeNewFamily();
    String mother = family.get("Patient/family-jansen-anna");
    String record = family.get("EpisodeOfCare/family-jansen-zwangerschap");
    String kraamzorg = family.get("Organization/family-jansen-kraamzorg");
    Observation motivated = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept(new Coding("https://fhir.geboorteketen.nl/CodeSystem/gk-observation-code",
            "gemotiveerd-voor-steun", null)))
        .setSubject(new Reference(mother)).setEffective(DateTimeType.now()).setValue(new BooleanType(true));
    assertEquals(201, BEHEERDER.postJson("/fhir/Observation", motivated).status());

    row("GET /fhir/EpisodeOfCare/{id}/$everything", 200, () -> BEHEERDER.get("/fhir/" + record + "/$everything"));
    row("GET /fhir/Patient/{mother}/$everything", 200, () -> BEHEERDER.get("/fhir/" + mother + "/$everything"));
    row("GET /fhir/Patient/{mother}/$ondersteuning[?programma=code]", 200,
        () -> BEHEERDER.get("/fhir/" + mother + "/$ondersteuning?programma=voorzorg"));
    row("POST /fhir/Patient/{mother}/$inschrijven?programma=code", 200,
        () -> postWithoutBody("/fhir/" + mother + "/$inschrijven?programma=babythuiszorg"));
    row("GET /fhir/$monitoring?start=2026-01-01&end=2026-12-31", 200,
        () -> BEHEERDER.get("/fhir/$monitoring?start=2026-01-01&end=2026-12-31"));
    row("PUT /fhir/Organization/../Patient/x", 400,
        () -> BEHEERDER.put("/fhir/Organization/../Patient/x", "{\"resourceType\":\"Patient\"}", "application/fhir+json"));
    row("PUT /fhir/Organization/%2e%2e/Patient/x", 400,
        () -> BEHEERDER.put("/fhir/Organization/%2e%2e/Patient/x", "{\"resourceType\":\"Patient\"}", "application/fhir+json"));
    row("GET /fhir/metadata", 200, () -> BEHEERDER.anonymous().get("/fhir/metadata"));
    row("GET /fhir/stu3/Observation/{id}", 200, () -> BEHEERDER.get("/fhir/stu3/" + family.get("Observation/family-jansen-edd")));
    row("GET /fhir/stu3/Condition/{id}", 200, () -> BEHEERDER.get("/fhir/stu3/"
        + family.get("Observation/family-jansen-pregnancy").replace("Observation/", "Condition/")));
    row("POST /fhir/stu3/{type}", 201, () -> BEHEERDER.post("/fhir/stu3/Observation", izkGravidity(null, mother, record),
        "application/fhir+json"));
    row("PUT /fhir/stu3/{type}/{id}", 201, () -> {
      String id = "readme-" + java.util.UUID.randomUUID();
      return BEHEERDER.put("/fhir/stu3/Observation/" + id, izkGravidity(id, mother, record), "application/fhir+json");
    });
    row("POST /fhir/EpisodeOfCare/{id}/$overdracht", 200, () -> {
      Parameters in = new Parameters();
      in.addParameter().setName("type").setValue(new CodeType("verloskundige-kraamzorg"));
      in.addParameter().setName("ontvanger").setValue(new Reference(kraamzorg));
      return BEHEERDER.postJson("/fhir/" + record + "/$overdracht", in);
    });
    row("POST /fhir/$bewaarder-toewijzen", 200, () -> {
      Parameters in = new Parameters();
      in.addParameter().setName("record").setValue(new Reference(family.get("Practitioner/family-jansen-verloskundige")));
      in.addParameter().setName("organisatie").setValue(new Reference(
          family.get("Organization/family-jansen-verloskundigenpraktijk")));
      in.addParameter().setName("reden").setValue(new org.hl7.fhir.r4.model.StringType("README"));
      return BEHEERDER.postJson("/fhir/$bewaarder-toewijzen", in);
    });
    row("GET /fhir/Organization/{id}/$borstvoedingsindicator?start=YYYY-MM-DD&end=YYYY-MM-DD", 200,
        () -> BEHEERDER.get("/fhir/" + kraamzorg + "/$borstvoedingsindicator?start=2026-01-01&end=2026-12-31"));
    row("GET /fhir/AuditEvent", 200, () -> {
      Patient anna = BEHEERDER.get("/fhir/" + mother).resource(Patient.class);
      String bsn = anna.getIdentifier().stream().filter(i -> Fixtures.BSN_SYSTEM.equals(i.getSystem()))
          .findFirst().orElseThrow().getValue();
      return BEHEERDER.withToken(TestTokens.pgo(bsn)).get("/fhir/AuditEvent");
    });
    row("/fhir/Patient?_count=5", 200, () -> BEHEERDER.get("/fhir/Patient?_count=5"));
  }

  /** A gravidity in the IZK's STU3 shape, as README's IZK section describes it. */
  private static String izkGravidity(String id, String mother, String record) {
    return "{\"resourceType\":\"Observation\"," + (id == null ? "" : "\"id\":\"" + id + "\",")
        + "\"meta\":{\"profile\":[\"http://fhir.nl/fhir/StructureDefinition/nl-core-observation\","
        + "\"http://nictiz.nl/fhir/StructureDefinition/zib-Pregnancy-Gravidity\"]},\"status\":\"final\","
        + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"161732006\",\"display\":\"gravida\"}]},"
        + "\"subject\":{\"reference\":\"" + mother + "\"},\"context\":{\"reference\":\"" + record + "\"},"
        + "\"effectiveDateTime\":\"2026-06-01\",\"valueQuantity\":{\"value\":2,\"unit\":\"1\","
        + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"1\"}}";
  }

  private static Http.Response postWithoutBody(String path) {
    String base = TestServer.shared().baseUrl();
    return BEHEERDER.send(HttpRequest.newBuilder(URI.create(base.replaceAll("/fhir$", "") + path))
        .POST(HttpRequest.BodyPublishers.noBody()).header("Accept", "application/fhir+json"));
  }

  static List<String> readmeRequests() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> found = new ArrayList<>();
    for (Pattern p : List.of(BACKTICKED, CURL)) {
      Matcher m = p.matcher(readme);
      while (m.find()) {
        if (!found.contains(m.group(1))) {
          found.add(m.group(1));
        }
      }
    }
    return found;
  }

  @Test
  void everyReadmeRequestHasARow() throws IOException {
    assertEquals(readmeRequests().stream().sorted().toList(), ROWS.keySet().stream().sorted().toList());
  }

  @TestFactory
  Stream<DynamicTest> everyReadmeRequestAnswersAsReadmeSays() {
    return ROWS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      Http.Response r = e.getValue().get();
      assertEquals((int) EXPECTED.get(e.getKey()), r.status(), r::toString);
    }));
  }
}
