package nl.geboorteketen.server.izk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.geboorteketen.mappings.izk.IzkTable;
import nl.geboorteketen.mappings.izk.IzkView;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.rules.RuleTableStore;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Our own pregnancy with its birth and kraamweek (the Jansen examples) in the IZK's STU3 shapes, written
 * through /fhir/stu3 record by record with the midwife practice's partner token (register data as the
 * beheerder), validated by our R4 profiles, and read back unchanged as the
 * mother's PGO: the write path of the IZK view, in every build.
 */
class IzkOwnFamilyTest {

  private static final FhirContext STU3 = FhirContext.forDstu3Cached();
  private static final String BSN = "http://fhir.nl/fhir/NamingSystem/bsn";
  /** Register data (AGB / URA registers), written by the beheerder; the family's records by its midwife. */
  private static final List<String> REGISTERS = List.of("Organization", "Practitioner", "PractitionerRole");
  private static final String FOCUS = "http://nictiz.nl/fhir/StructureDefinition/observation-focusSTU3";

  @Test
  void ourPregnancyBirthAndKraamweekGoInAsStu3AndComeBackUnchanged() {
    IzkView view = new IzkView(IzkTable.parse(RuleTableStore.content(RuleTableStore.findInPackage(
        Http.FHIR, ProfilePackage.fromClasspath(), IzkTable.URL).orElseThrow())));
    String prefix = "izk" + UUID.randomUUID().toString().substring(0, 6) + "-";
    List<org.hl7.fhir.r4.model.Resource> ours = newIds(Fixtures.packageExamples(), prefix);
    String motherBsn = Fixtures.randomBsn();
    ours.stream().filter(r -> r instanceof org.hl7.fhir.r4.model.Patient).forEach(p -> ((org.hl7.fhir.r4.model.Patient) p)
        .getIdentifier().stream().filter(i -> BSN.equals(i.getSystem()))
        .forEach(i -> i.setValue(p.getIdElement().getIdPart().endsWith("anna") ? motherBsn : Fixtures.randomBsn())));

    // What the IZK has no type for (consent, gezinsplan) and the kraamzorg indication (its hours and
    // rule-table canonical have no place on a STU3 ReferralRequest) go in as R4, the rest as STU3.
    Map<String, org.hl7.fhir.r4.model.Resource> asR4 = ours.stream()
        .filter(r -> !view.table().serves(view.table().stu3Type(r.fhirType())) || r.fhirType().equals("ServiceRequest"))
        .collect(Collectors.toMap(r -> view.table().stu3Type(r.fhirType()) + "/" + r.getIdElement().getIdPart(), r -> r));
    ReferenceFamily family = ReferenceFamily.of("Jansen", ours.stream().map(view::toStu3).toList());
    List<Resource> written = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Http midwife = Http.shared().withToken(TestTokens.partner("verloskundige",
        "Organization/" + prefix + "family-jansen-verloskundigenpraktijk"));
    for (Resource r : family.inLoadOrder()) {
      String path = ReferenceFamily.ref(r);
      org.hl7.fhir.r4.model.Resource r4 = asR4.get(path);
      Http writer = REGISTERS.contains(r.fhirType()) ? Http.shared() : midwife;
      Http.Response answer = r4 == null
          ? send(writer, "PUT", "/fhir/stu3/" + path, STU3.newJsonParser().encodeResourceToString(r))
          : writer.put("/fhir/" + r4.fhirType() + "/" + r4.getIdElement().getIdPart(),
              Http.FHIR.newJsonParser().encodeResourceToString(r4), "application/fhir+json");
      if (answer.status() >= 300) {
        problems.add(path + ": " + answer);
      } else if (r4 == null) {
        written.add(r);
      }
    }
    assertTrue(problems.isEmpty(), () -> "refused: " + problems);

    Http pgo = Http.shared().withToken(TestTokens.pgo(motherBsn));
    Map<String, String> focusOf = new java.util.HashMap<>();
    for (Resource r : written) {
      Http.Response read = pgo.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/stu3/" + ReferenceFamily.ref(r)))
          .header("Accept", "application/fhir+json"));
      assertEquals(200, read.status(), () -> ReferenceFamily.ref(r) + ": " + read);
      String shown = read.body();
      Resource asRead = (Resource) STU3.newJsonParser().parseResource(shown);
      if (asRead instanceof org.hl7.fhir.dstu3.model.Observation o && o.hasExtension(FOCUS)
          && !((org.hl7.fhir.dstu3.model.Observation) r).hasExtension(FOCUS)) {
        // the view adds it: ours are named by the pregnancy's hasMember, in the IZK they point at it
        focusOf.put(ReferenceFamily.ref(r), ((org.hl7.fhir.dstu3.model.Reference) o.getExtensionByUrl(FOCUS).getValue()).getReference());
        o.getExtension().removeIf(e -> FOCUS.equals(e.getUrl()));
        shown = STU3.newJsonParser().encodeResourceToString(o);
      }
      List<String> diffs = JsonDiff.of(STU3.newJsonParser().encodeResourceToString(masked(r)), shown).stream()
          .filter(d -> !d.endsWith(".display added")).toList();
      assertTrue(diffs.isEmpty(), () -> ReferenceFamily.ref(r) + " differs: " + diffs);
    }
    org.hl7.fhir.r4.model.Observation pregnancy = ours.stream().filter(r -> r.getIdElement().getIdPart().endsWith("-pregnancy"))
        .map(org.hl7.fhir.r4.model.Observation.class::cast).findFirst().orElseThrow();
    assertEquals(pregnancy.getHasMember().stream().collect(Collectors.toMap(Reference::getReference,
        m -> "Condition/" + pregnancy.getIdElement().getIdPart())), focusOf, "each member read points at the pregnancy");
    assertTrue(written.stream().map(Resource::fhirType).collect(Collectors.toSet()).containsAll(
        List.of("Patient", "EpisodeOfCare", "Observation", "Procedure", "RelatedPerson", "CareTeam")));
  }

  /** What her PGO receives of a Patient: the BSN masked. */
  private static Resource masked(Resource r) {
    if (r instanceof org.hl7.fhir.dstu3.model.Patient p) {
      org.hl7.fhir.dstu3.model.Patient copy = STU3.newJsonParser().parseResource(org.hl7.fhir.dstu3.model.Patient.class,
          STU3.newJsonParser().encodeResourceToString(p));
      copy.getIdentifier().stream().filter(i -> BSN.equals(i.getSystem())).forEach(i -> {
        i.setValue(null);
        i.getValueElement().addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason",
            new org.hl7.fhir.dstu3.model.CodeType("masked"));
      });
      return copy;
    }
    return r;
  }

  /** The examples under new ids (prefix + id), references between them following. */
  private static List<org.hl7.fhir.r4.model.Resource> newIds(List<org.hl7.fhir.r4.model.Resource> examples, String prefix) {
    Map<String, String> renamed = examples.stream().collect(Collectors.toMap(
        r -> r.fhirType() + "/" + r.getIdElement().getIdPart(), r -> r.fhirType() + "/" + prefix + r.getIdElement().getIdPart()));
    for (org.hl7.fhir.r4.model.Resource r : examples) {
      r.setId(prefix + r.getIdElement().getIdPart());
      for (Reference ref : Http.FHIR.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
        if (ref.getReference() != null && renamed.containsKey(ref.getReference())) {
          ref.setReference(renamed.get(ref.getReference()));
        }
      }
    }
    return examples;
  }

  private static Http.Response send(Http as, String method, String path, String body) {
    return as.send(HttpRequest.newBuilder(URI.create(root() + path))
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json"));
  }

  private static String root() {
    String base = TestServer.shared().baseUrl();
    return base.substring(0, base.length() - "/fhir".length());
  }
}
