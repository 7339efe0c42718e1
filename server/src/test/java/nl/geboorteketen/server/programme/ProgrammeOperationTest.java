package nl.geboorteketen.server.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** $ondersteuning and $inschrijven over HTTP, on families stored like the chain partners would. */
@Tag("storage")
class ProgrammeOperationTest {

  private static final Http HTTP = Http.shared();
  private static final String GK = "https://fhir.geboorteketen.nl/CodeSystem/";

  @Test
  void flexFamilyIsEligibleForPillarOneAndHearsWhyNotForTheOthers() {
    String mother = flexFamily("c");
    Parameters answer = ondersteuning(mother);

    ParametersParameterComponent pillar1 = programme(answer, "geboortezorg-flex-pijler-1");
    assertEquals("eligible", part(pillar1, "uitkomst"), () -> part(pillar1, "uitleg"));
    assertTrue(criterion(pillar1, "verzekeraar").getPart().stream()
        .anyMatch(p -> p.getName().equals("bron") && ((Reference) p.getValue()).getReference().startsWith("Coverage/")));

    ParametersParameterComponent pillar2 = programme(answer, "geboortezorg-flex-pijler-2");
    assertEquals("not-eligible", part(pillar2, "uitkomst"));
    assertTrue(part(pillar2, "uitleg").contains("niet: het kind is geboren en nog geen zes maanden oud"),
        () -> part(pillar2, "uitleg"));

    ParametersParameterComponent voorzorg = programme(answer, "voorzorg");
    assertEquals("not-eligible", part(voorzorg, "uitkomst"));
    assertTrue(part(voorzorg, "uitleg").contains("niet: de moeder is maximaal 25 jaar"), () -> part(voorzorg, "uitleg"));
    assertEquals("unknown", part(criterion(voorzorg, "opleiding"), "uitkomst"));
    assertTrue(part(criterion(voorzorg, "opleiding"), "ontbreekt").contains("opleidingsniveau"));
  }

  @Test
  void familyOutsideThePilotAreaIsToldWhy() {
    String mother = newFamily(tx -> {});
    ParametersParameterComponent pillar1 = programme(ondersteuning(mother), "geboortezorg-flex-pijler-1");
    assertEquals("not-eligible", part(pillar1, "uitkomst"));
    String why = part(pillar1, "uitleg");
    assertTrue(why.contains("niet: het gezin is kwetsbaar of zeer kwetsbaar (categorie c of d) (categorie b"), why);
    assertTrue(why.contains("het gezin woont in Parkstad of Sittard-Geleen — onbekend, want de woongemeente (Patient.address.district) is niet vastgelegd"), why);
  }

  @Test
  void enrolmentRechecksEligibilityAndRefusesTwice() {
    String mother = flexFamily("d");
    Http.Response first = enrol(mother, "geboortezorg-flex-pijler-1");
    assertEquals(200, first.status(), first::body);
    EpisodeOfCare enrolment = first.resource(EpisodeOfCare.class);
    assertTrue(enrolment.getType().stream().anyMatch(t -> t.hasCoding(GK + "support-programme", "geboortezorg-flex-pijler-1")));

    Http.Response again = enrol(mother, "geboortezorg-flex-pijler-1");
    assertEquals(409, again.status(), again::body);
    assertTrue(again.body().contains("al ingeschreven"), again::body);

    Http.Response notEligible = enrol(mother, "voorzorg");
    assertEquals(422, notEligible.status(), notEligible::body);
    assertTrue(notEligible.body().contains("de moeder is maximaal 25 jaar"), notEligible::body);

    Http.Response unknown = enrol(mother, "bestaat-niet");
    assertEquals(400, unknown.status(), unknown::body);
  }

  @Test
  void aRegionAddsAProgrammeWithoutCodeAndTheLastPlaceGoesToOneFamily() throws Exception {
    String code = "regio-steun-" + UUID.randomUUID().toString().substring(0, 8);
    RegionalProgramme.load(HTTP, code);
    String a = flexFamily("c");
    String b = flexFamily("c");
    ParametersParameterComponent regional = programme(ondersteuning(a), code);
    assertEquals("eligible", part(regional, "uitkomst"), () -> part(regional, "uitleg"));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Http.Response>> calls = List.of(
          () -> enrol(a, code),
          () -> enrol(b, code));
      List<Integer> statuses = new ArrayList<>();
      List<String> bodies = new ArrayList<>();
      for (Future<Http.Response> f : pool.invokeAll(calls)) {
        statuses.add(f.get().status());
        bodies.add(f.get().body());
      }
      assertEquals(List.of(200, 409), statuses.stream().sorted().toList(), bodies::toString);
      String refused = bodies.get(statuses.indexOf(409));
      assertTrue(refused.contains("het maximum van 1 gezinnen is nog niet bereikt") && refused.contains("1 van 1 plaatsen bezet"), refused);
    } finally {
      pool.shutdownNow();
    }
    ParametersParameterComponent afterwards = programme(ondersteuning(b), code);
    assertEquals("not-eligible", part(criterion(afterwards, "capaciteit"), "uitkomst"));
  }

  @Test
  void gezinsplanKeepsItsVersionsAndPartnersReadTheCurrentOne() {
    Fixtures.NewFamily family = Fixtures.examplesAsNewFamily();
    Bundle answer = HTTP.postJson("/fhir", family.transaction()).resource(Bundle.class);
    String plan = location(family, answer, "CarePlan/family-jansen-gezinsplan");
    CarePlan current = HTTP.get("/fhir/" + plan).resource(CarePlan.class);
    current.getActivityFirstRep().getDetail().setDescription("Schuldhulpverlening én budgetcoach via het wijkteam");
    Http.Response updated = HTTP.put("/fhir/" + plan, Http.FHIR.newJsonParser().encodeResourceToString(current), "application/fhir+json");
    assertEquals(200, updated.status(), updated::body);
    Bundle history = HTTP.get("/fhir/" + plan + "/_history").resource(Bundle.class);
    assertEquals(2, history.getEntry().size());
    assertTrue(HTTP.get("/fhir/" + plan).body().contains("budgetcoach"));
  }

  @Test
  void monitoringReportsInflowAndHoursPerMunicipalityPillarAndMonth() {
    String a = flexFamily("c", "Simpelveld");
    String b = flexFamily("d", "Simpelveld");
    assertEquals(200, enrol(a, "geboortezorg-flex-pijler-1").status());
    assertEquals(200, enrol(b, "geboortezorg-flex-pijler-1").status());
    // each example family carries an intake indication of 49 h and 49 h delivered in the kraamweek

    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
    Http.Response r = HTTP.get("/fhir/$monitoring?start=" + today.minusDays(1) + "&end=" + today.plusDays(1));
    assertEquals(200, r.status(), r::body);
    String csv = r.resource(Parameters.class).getParameter().stream().filter(p -> p.getName().equals("csv"))
        .findFirst().orElseThrow().getValue().primitiveValue();
    assertTrue(csv.startsWith("maand;gemeente;pijler;instroom;uren_geindiceerd"), csv);
    assertTrue(csv.contains(today.toString().substring(0, 7) + ";Simpelveld;geboortezorg-flex-pijler-1;2;98;2;98;2"), csv);

    assertEquals(400, HTTP.get("/fhir/$monitoring?start=" + today).status());
  }

  // --- helpers ---

  private static Http.Response enrol(String mother, String programme) {
    return RegionalProgramme.enrol(HTTP, mother, programme);
  }

  private static Parameters ondersteuning(String mother) {
    Http.Response r = HTTP.get("/fhir/" + mother + "/$ondersteuning");
    assertEquals(200, r.status(), r::body);
    return r.resource(Parameters.class);
  }

  private static ParametersParameterComponent programme(Parameters answer, String code) {
    return answer.getParameter().stream().filter(p -> p.getName().equals("programma"))
        .filter(p -> p.getPart().stream().anyMatch(x -> x.getName().equals("code") && ((Coding) x.getValue()).getCode().equals(code)))
        .findFirst().orElseThrow(() -> new AssertionError("no programme " + code));
  }

  private static ParametersParameterComponent criterion(ParametersParameterComponent programme, String id) {
    return programme.getPart().stream().filter(p -> p.getName().equals("criterium"))
        .filter(c -> id.equals(part(c, "id"))).findFirst().orElseThrow(() -> new AssertionError("no criterion " + id));
  }

  private static String part(ParametersParameterComponent parent, String name) {
    return parent.getPart().stream().filter(p -> p.getName().equals(name)).findFirst()
        .map(p -> p.getValue().primitiveValue()).orElse(null);
  }

  /** A copy of the Jansen family living in Heerlen, at CZ, with Geboortezorg Limburg and both consents. */
  private static String flexFamily(String category) {
    return flexFamily(category, "Heerlen");
  }

  private static String flexFamily(String category, String municipality) {
    return newFamily(tx -> {
      String mother = tx.urns().get("Patient/family-jansen-anna");
      for (Bundle.BundleEntryComponent e : tx.bundle().getEntry()) {
        if (e.getFullUrl().equals(mother)) {
          ((Patient) e.getResource()).getAddressFirstRep().setDistrict(municipality).setCity(municipality);
        }
        if (e.getResource() instanceof Observation o && o.getCode().hasCoding(GK + "gk-observation-code", "kwetsbaarheid")) {
          o.getValueCodeableConcept().getCodingFirstRep().setCode(category).setDisplay(null);
        }
      }
      Organization glim = new Organization();
      glim.addIdentifier().setSystem("http://fhir.nl/fhir/NamingSystem/agb-z").setValue("33009999");
      glim.addType().addCoding().setSystem("http://nictiz.nl/fhir/NamingSystem/organization-type").setCode("K4");
      glim.setName("Geboortezorg Limburg").setActive(true);
      String glimUrn = add(tx.bundle(), glim);
      Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setBeneficiary(new Reference(mother));
      coverage.addPayor().setIdentifier(new Identifier().setSystem("http://fhir.nl/fhir/NamingSystem/uzovi").setValue("9664")).setDisplay("CZ");
      add(tx.bundle(), coverage);
      CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(mother));
      team.addParticipant().setMember(new Reference(glimUrn)).addRole().setText("Kraamzorg en flexibele kraamzorg na dag 10");
      add(tx.bundle(), team);
      for (String cat : List.of("prenataal-huisbezoek", "pilot-consultatie")) {
        Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE)
            .setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)))
            .setPatient(new Reference(mother)).setDateTime(new java.util.Date());
        consent.addCategory().addCoding().setSystem(GK + "consent-category").setCode(cat);
        consent.addPolicy().setUri("https://fhir.geboorteketen.nl/toestemming");
        consent.getPolicyRule().setText("Toestemming van de cliënt (WGBO)");
        consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
        add(tx.bundle(), consent);
      }
    });
  }

  private record Tx(Bundle bundle, java.util.Map<String, String> urns) {}

  private static String newFamily(java.util.function.Consumer<Tx> change) {
    Fixtures.NewFamily family = Fixtures.examplesAsNewFamily();
    change.accept(new Tx(family.transaction(), family.urnByExampleId()));
    Http.Response r = HTTP.postJson("/fhir", family.transaction());
    assertEquals(200, r.status(), r::body);
    return location(family, r.resource(Bundle.class), "Patient/family-jansen-anna");
  }

  private static String add(Bundle tx, Resource resource) {
    String urn = "urn:uuid:" + UUID.randomUUID();
    tx.addEntry().setFullUrl(urn).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
    return urn;
  }

  private static String location(Fixtures.NewFamily family, Bundle answer, String exampleId) {
    String urn = family.urnByExampleId().get(exampleId);
    List<Bundle.BundleEntryComponent> sent = family.transaction().getEntry();
    for (int i = 0; i < sent.size(); i++) {
      if (sent.get(i).getFullUrl().equals(urn)) {
        String loc = answer.getEntry().get(i).getResponse().getLocation();
        return loc.substring(0, loc.indexOf("/_history"));
      }
    }
    throw new AssertionError("no " + exampleId);
  }

}
