package nl.geboorteketen.server.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationDefinitionParameterComponent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks every OperationDefinition in the package and calls each declared operation at each declared
 * level: a valid call (200/201), an unknown parameter, a wrong type and each missing required input
 * (400 naming the parameter, with its gk-issue code). A definition without a valid call below fails
 * the test, so nothing is declared that is not served.
 */
class OperationContractTest {

  private static final Http HTTP = Http.shared();
  private static final String ISSUES = "https://fhir.geboorteketen.nl/CodeSystem/gk-issue";

  /** One valid call per declared operation and level: the path (with example ids) and its inputs. */
  record Call(String definition, String path, String query) {}

  private static final List<Call> VALID = List.of(
      new Call("lip-indicatie", "ServiceRequest/$lip-indicatie", "eersteKind=true&voeding=borstvoeding"),
      new Call("lip-indicatie-dossier", "{EpisodeOfCare/family-jansen-zwangerschap}/$lip-indicatie", "moment=intake"),
      new Call("eigen-bijdrage", "ServiceRequest/$eigen-bijdrage", "uren=49&jaar=2026"),
      new Call("eigen-bijdrage", "{ServiceRequest/family-jansen-indicatie-intake}/$eigen-bijdrage", "jaar=2026"),
      new Call("ondersteuning", "{Patient/family-jansen-anna}/$ondersteuning", "programma=voorzorg"),
      new Call("inschrijven", "{Patient/family-jansen-anna}/$inschrijven", "programma=babythuiszorg"),
      new Call("monitoring", "$monitoring", "start=2026-01-01&end=2026-12-31"),
      new Call("bewaarder-toewijzen", "$bewaarder-toewijzen", "record={Practitioner/family-jansen-verloskundige}"
          + "&organisatie={Organization/family-jansen-verloskundigenpraktijk}&reden=contracttest"),
      new Call("borstvoedingsindicator", "{Organization/family-jansen-kraamzorg}/$borstvoedingsindicator",
          "start=2026-01-01&end=2026-12-31"),
      new Call("overdracht", "{EpisodeOfCare/family-jansen-zwangerschap}/$overdracht",
          "type=verloskundige-kraamzorg&ontvanger={Organization/family-jansen-kraamzorg}"),
      new Call("zorgrelaties", "{Patient/family-jansen-anna}/$zorgrelaties", "alleen-actief=true"),
      new Call("episodeofcare-everything", "{EpisodeOfCare/family-jansen-zwangerschap}/$everything", ""),
      new Call("zorgrelatie-verlenen", "{Patient/family-jansen-anna}/$zorgrelatie-verlenen",
          "organisatie={Organization/family-jansen-jgz}&reden=contracttest"),
      new Call("zorgrelatie-intrekken", "{Patient/family-jansen-anna}/$zorgrelatie-intrekken",
          "organisatie={Organization/family-jansen-jgz}&reden=contracttest"));

  private static Map<String, OperationDefinition> definitions;
  private static Map<String, String> family;

  @BeforeAll
  static void storeAFamily() {
    definitions = new LinkedHashMap<>();
    ProfilePackage.fromClasspath().resourcesIn("package").stream()
        .filter(json -> json.contains("\"OperationDefinition\""))
        .map(json -> (OperationDefinition) Http.FHIR.newJsonParser().parseResource(json))
        .forEach(od -> definitions.put(od.getIdElement().getIdPart(), od));
    family = Fixtures.storeNewFamily();
    // the one fact the example family lacks for BabythuisZorg, so $inschrijven's valid call enrols
    Observation motivated = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept(new Coding("https://fhir.geboorteketen.nl/CodeSystem/gk-observation-code",
            "gemotiveerd-voor-steun", null)))
        .setSubject(new Reference(family.get("Patient/family-jansen-anna")))
        .setEffective(DateTimeType.now()).setValue(new BooleanType(true));
    Http.Response stored = HTTP.postJson("/fhir/Observation", motivated);
    assertEquals(201, stored.status(), stored::toString);
  }

  @Test
  void everyDeclaredLevelHasAValidCallAndEveryCallIsDeclared() {
    List<String> declared = new ArrayList<>();
    for (OperationDefinition od : definitions.values()) {
      if (od.getSystem()) {
        declared.add(od.getIdElement().getIdPart() + " system");
      }
      for (var resource : od.getResource()) {
        if (od.getType()) {
          declared.add(od.getIdElement().getIdPart() + " " + resource.getValue() + " type");
        }
        if (od.getInstance()) {
          declared.add(od.getIdElement().getIdPart() + " " + resource.getValue() + " instance");
        }
      }
    }
    List<String> called = VALID.stream().map(c -> c.definition() + " " + level(c.path())).sorted().toList();
    assertEquals(declared.stream().sorted().toList(), called);
  }

  private static String level(String path) {
    if (path.startsWith("$")) {
      return "system";
    }
    if (path.startsWith("{")) {
      return path.substring(1, path.indexOf('/')) + " instance";
    }
    return path.substring(0, path.indexOf('/')) + " type";
  }

  @TestFactory
  Stream<DynamicTest> eachOperationKeepsItsContract() {
    return VALID.stream().flatMap(call -> {
      OperationDefinition od = definitions.get(call.definition());
      List<DynamicTest> tests = new ArrayList<>();
      tests.add(DynamicTest.dynamicTest(call.path() + " valid", () -> {
        Http.Response r = send(od, call.path(), query(call.query()));
        assertTrue(r.status() == 200 || r.status() == 201, r::toString);
      }));
      tests.add(DynamicTest.dynamicTest(call.path() + " unknown parameter", () -> {
        Map<String, String> q = query(call.query());
        q.put("programme", "voorzorg");
        expectProblem(send(od, call.path(), q), "programme", "parameter-onbekend", "not-supported");
      }));
      typedInput(od).ifPresent(p -> tests.add(DynamicTest.dynamicTest(call.path() + " wrong type of " + p.getName(), () -> {
        Map<String, String> q = query(call.query());
        q.put(p.getName(), WRONG.get(p.getType()));
        expectProblem(send(od, call.path(), q), p.getName(), "parameter-type", "value");
      })));
      for (OperationDefinitionParameterComponent p : inputs(od)) {
        if (p.getMin() > 0) {
          tests.add(DynamicTest.dynamicTest(call.path() + " without " + p.getName(), () -> {
            Map<String, String> q = query(call.query());
            q.remove(p.getName());
            expectProblem(send(od, call.path(), q), p.getName(), "parameter-ontbreekt", "required");
          }));
        }
      }
      return tests.stream();
    });
  }

  @Test
  void theCapabilityStatementPointsAtThePackagesDefinitionsAndTheyAreReadableById() {
    String metadata = HTTP.get("/fhir/metadata").body();
    for (OperationDefinition od : definitions.values()) {
      assertTrue(metadata.contains("\"definition\":\"" + od.getUrl() + "\""), od.getUrl());
      Http.Response read = HTTP.get("/fhir/OperationDefinition/" + od.getIdElement().getIdPart());
      assertEquals(200, read.status(), read::toString);
      assertEquals(od.getUrl(), read.resource(OperationDefinition.class).getUrl());
    }
    assertFalse(metadata.contains("OperationDefinition/Patient-i-"), "a generated definition is referenced");
    Http.Response profile = HTTP.get("/fhir/StructureDefinition/gk-patient");
    assertEquals(200, profile.status(), profile::toString);
  }

  /** HAPI's own operations, declared by HAPI's generated definitions; anything else must be in our package. */
  private static final java.util.Set<String> HAPI_OPERATIONS = java.util.Set.of("validate", "meta", "meta-add",
      "meta-delete", "expunge", "everything", "lastn", "snapshot", "expand", "validate-code", "lookup", "subsumes",
      "translate", "document", "invalidate-expansion", "hapi.fhir.merge", "hapi.fhir.undo-merge",
      "perform-reindexing-pass", "mark-all-resources-for-reindexing", "get-resource-counts", "reindex-terminology",
      "hapi.fhir.replace-references", "hapi.fhir.undo-replace-references");

  @Test
  void everythingServedIsDeclared() {
    org.hl7.fhir.r4.model.CapabilityStatement cs = HTTP.get("/fhir/metadata")
        .resource(org.hl7.fhir.r4.model.CapabilityStatement.class);
    List<String> undeclared = new ArrayList<>();
    var rest = cs.getRestFirstRep();
    Stream.concat(rest.getOperation().stream(), rest.getResource().stream().flatMap(r -> r.getOperation().stream()))
        .filter(op -> !op.getDefinition().startsWith("https://fhir.geboorteketen.nl/OperationDefinition/"))
        .filter(op -> !HAPI_OPERATIONS.contains(op.getName()))
        .forEach(op -> undeclared.add(op.getName() + " → " + op.getDefinition()));
    assertEquals(List.of(), undeclared);
  }

  @Test
  void aPostWhoseBodyIsNotParametersIsRefused() {
    Http.Response r = HTTP.post("/fhir/" + resolve("{Patient/family-jansen-anna}") + "/$inschrijven",
        "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"x\"}}", "application/fhir+json");
    expectProblem(r, "body", "body-geen-parameters", "structure");
  }

  @Test
  void aPostWithoutBodyTakesItsInputsFromTheQueryAsReadmeShows() {
    String path = "/fhir/" + resolve("{Patient/family-jansen-anna}") + "/$zorgrelatie-verlenen?organisatie="
        + resolve("{Organization/family-jansen-jgz}") + "&reden=zonder-body";
    Http.Response r = postWithoutBody(path);
    assertEquals(200, r.status(), r::toString);
    Http.Response typo = postWithoutBody(path + "&organisation=x");
    expectProblem(typo, "organisation", "parameter-onbekend", "not-supported");
  }

  /** As {@code curl -X POST '…?a=b'} sends it: no body, no Content-Type. */
  private static Http.Response postWithoutBody(String path) {
    String base = nl.geboorteketen.server.support.TestServer.shared().baseUrl();
    return HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base.replaceAll("/fhir$", "") + path))
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).header("Accept", "application/fhir+json"));
  }

  @Test
  void anIndicationCannotNameTheMotherAsItsPerformer() {
    String mother = resolve("{Patient/family-jansen-anna}");
    Http.Response r = HTTP.get("/fhir/ServiceRequest/$lip-indicatie?eersteKind=true&voeding=borstvoeding&persist=true"
        + "&uitvoerder=" + mother + "&zwangerschapsdossier=" + resolve("{EpisodeOfCare/family-jansen-zwangerschap}"));
    expectProblem(r, "uitvoerder", "parameter-verwijzing", "value");
    assertTrue(r.outcome().getIssueFirstRep().getDiagnostics().contains("Organization"), r::toString);
  }

  @Test
  void aMistypedPostedValueIsNamed() {
    Parameters body = new Parameters();
    body.addParameter().setName("type").setValue(new StringType("verloskundige-kraamzorg"));
    body.addParameter().setName("ontvanger").setValue(new Reference(resolve("{Patient/family-jansen-anna}")));
    Http.Response r = HTTP.postJson("/fhir/" + resolve("{EpisodeOfCare/family-jansen-zwangerschap}") + "/$overdracht", body);
    expectProblem(r, "type", "parameter-type", "value");
    expectProblem(r, "ontvanger", "parameter-verwijzing", "value");
  }

  /** A value no parser of that type accepts. */
  private static final Map<String, String> WRONG = Map.of("boolean", "ja", "integer", "2.5", "decimal", "veel",
      "date", "gisteren", "code", " x", "Reference", "kraamzorg");

  private static java.util.Optional<OperationDefinitionParameterComponent> typedInput(OperationDefinition od) {
    return inputs(od).stream().filter(p -> WRONG.containsKey(p.getType())).findFirst();
  }

  private static List<OperationDefinitionParameterComponent> inputs(OperationDefinition od) {
    return od.getParameter().stream().filter(p -> p.getUse() == OperationDefinition.OperationParameterUse.IN).toList();
  }

  private static void expectProblem(Http.Response r, String parameter, String code, String issueType) {
    assertEquals(400, r.status(), r::toString);
    OperationOutcome oo = r.outcome();
    assertTrue(oo.getIssue().stream().anyMatch(i -> i.getExpression().stream().anyMatch(e -> parameter.equals(e.getValue()))
        && i.getDetails().hasCoding(ISSUES, code) && issueType.equals(i.getCode().toCode())
        && i.getDiagnostics().contains(parameter)), r::toString);
  }

  /** GET when the operation changes nothing, else POST with the inputs as a Parameters body typed by the definition. */
  private static Http.Response send(OperationDefinition od, String path, Map<String, String> query) {
    String url = "/fhir/" + resolve(path);
    if (!od.getAffectsState()) {
      StringBuilder q = new StringBuilder();
      query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=')
          .append(URLEncoder.encode(resolve(v), StandardCharsets.UTF_8)));
      return HTTP.get(url + q);
    }
    Parameters body = new Parameters();
    query.forEach((name, raw) -> body.addParameter().setName(name).setValue(typed(od, name, resolve(raw))));
    return HTTP.postJson(url, body);
  }

  private static Type typed(OperationDefinition od, String name, String raw) {
    String type = inputs(od).stream().filter(p -> p.getName().equals(name)).map(OperationDefinitionParameterComponent::getType)
        .findFirst().orElse("string");
    if (WRONG.get(type) != null && WRONG.get(type).equals(raw)) {
      return new StringType(raw);
    }
    return switch (type) {
      case "boolean" -> new BooleanType(raw);
      case "integer" -> new IntegerType(raw);
      case "decimal" -> new DecimalType(raw);
      case "date" -> new DateType(raw);
      case "code" -> new CodeType(raw);
      case "Reference" -> new Reference(raw);
      default -> new StringType(raw);
    };
  }

  private static Map<String, String> query(String query) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
      String[] kv = pair.split("=", 2);
      result.put(kv[0], kv[1]);
    }
    return result;
  }

  /** {Type/example-id} becomes the id the example got when this test stored its family. */
  private static String resolve(String text) {
    String result = text;
    for (Map.Entry<String, String> e : family.entrySet()) {
      result = result.replace("{" + e.getKey() + "}", e.getValue());
    }
    return result;
  }
}
