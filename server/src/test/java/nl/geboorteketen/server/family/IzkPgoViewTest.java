package nl.geboorteketen.server.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MedMij IZK endpoint (/fhir/stu3) as a PGO app uses it: every search of the IZK scripts, without a
 * patient parameter, with two families stored; the token alone scopes the answers to the woman.
 */
class IzkPgoViewTest {

  private static final FhirContext STU3 = FhirContext.forDstu3Cached();
  private static final ca.uhn.fhir.util.FhirTerser TERSER = STU3.newTerser();
  private static final String MATERNAL_RECORD = "{record}";
  private static final String PRACTITIONER_ROLE_EXTENSION = "http://nictiz.nl/fhir/StructureDefinition/practitionerrole-reference";

  private static StoredFamily family;
  private static StoredFamily other;
  private static String encounter;

  @BeforeAll
  static void families() {
    family = new StoredFamily();
    other = new StoredFamily();
    Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
        .setClass_(new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "HH", "home health"))
        .setSubject(new org.hl7.fhir.r4.model.Reference(family.mother()));
    visit.addEpisodeOfCare(new org.hl7.fhir.r4.model.Reference(family.record()));
    encounter = StoredFamily.create(visit);
  }

  /** GET on the IZK endpoint with the headers the MedMij scripts send. */
  private static Http.Response izk(Http as, String pathAndQuery, String accept) {
    String query = pathAndQuery.replace(MATERNAL_RECORD, family.record()).replace("|", "%7C");
    return as.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/stu3/" + query)).GET()
        .header("Accept", accept).header("MedMij-Request-ID", UUID.randomUUID().toString())
        .header("X-Correlation-ID", "izk-test-1"));
  }

  private static String root() {
    String base = nl.geboorteketen.server.support.TestServer.shared().baseUrl();
    return base.substring(0, base.length() - "/fhir".length());
  }

  private static Bundle bundle(Http.Response r) {
    assertEquals(200, r.status(), r::toString);
    return STU3.newJsonParser().parseResource(Bundle.class, r.body());
  }

  private static Set<String> ids(Bundle b) {
    return b.getEntry().stream().map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())
        .collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "Patient;Patient/family-jansen-anna",
      "Coverage;",
      "FamilyMemberHistory;",
      "RelatedPerson;",
      "DeviceUseStatement?_include=DeviceUseStatement:device;",
      "EpisodeOfCare?type=http://snomed.info/sct|364320009&_include=EpisodeOfCare:organization&_include=EpisodeOfCare:care-manager;EpisodeOfCare/family-jansen-zwangerschap Organization/family-jansen-verloskundigenpraktijk",
      "EpisodeOfCare?type=http://snomed.info/sct|364320009&status=active&_include=EpisodeOfCare:organization&_include=EpisodeOfCare:care-manager;EpisodeOfCare/family-jansen-zwangerschap Organization/family-jansen-verloskundigenpraktijk",
      "Condition?context={record};Condition/family-jansen-pregnancy",
      "Encounter?episodeofcare={record}&_include=Encounter:practitioner;{encounter}",
      "Observation?context={record};Observation/family-jansen-edd Observation/family-jansen-daan-birth-weight",
      "Observation?context:Encounter.episodeofcare={record};",
      "Procedure?context={record}&_include=Procedure:performer&_include=Procedure:based-on;Procedure/family-jansen-delivery",
      "CareTeam?context={record};",
      "DiagnosticReport?context={record};",
      "ReferralRequest?context={record};ReferralRequest/family-jansen-indicatie-intake",
  })
  void everyIzkSearchAnswersWithHerRecordsOnly(String search, String expected) {
    for (String accept : List.of("application/fhir+json", "application/fhir+xml")) {
      Http.Response r = izk(family.pgo(), search, accept);
      assertEquals(200, r.status(), r::toString);
      assertTrue(r.header("Content-Type").startsWith(accept), r.header("Content-Type"));
      assertEquals("izk-test-1", r.header("X-Correlation-ID"));
      Bundle b = accept.endsWith("xml") ? STU3.newXmlParser().parseResource(Bundle.class, r.body())
          : STU3.newJsonParser().parseResource(Bundle.class, r.body());
      assertEquals(Bundle.BundleType.SEARCHSET, b.getType());
      assertTrue(!b.hasTotal() || b.getTotal() <= b.getEntry().size(), "total no higher than the matches");
      assertEquals(null, b.getLink("next"), "all on the first page");
      String self = URLDecoder.decode(b.getLink("self").getUrl(), StandardCharsets.UTF_8);
      String sent = search.replace(MATERNAL_RECORD, family.record());
      assertTrue(self.endsWith("/fhir/stu3/" + sent), "self link holds every parameter: " + self);
      for (Bundle.BundleEntryComponent e : b.getEntry()) {
        assertTrue(e.getFullUrl().startsWith("http") && e.getFullUrl().contains("/fhir/stu3/")
            && e.getFullUrl().endsWith("/" + e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()),
            e.getFullUrl());
      }
      Set<String> got = ids(b);
      for (String each : expected == null ? List.<String>of() : List.of(expected.split(" "))) {
        String id = each.equals("{encounter}") ? encounter : stored(each);
        assertTrue(got.contains(id), () -> search + " misses " + id + ", got " + got);
      }
      for (String id : other.ids.values()) {
        String stu3Id = id.replace("ServiceRequest/", "ReferralRequest/");
        assertFalse(got.contains(stu3Id), () -> "another family's " + stu3Id + " in " + search);
      }
      assertFalse(r.body().contains(family.motherBsn), "no BSN digits for a PGO");
      for (Bundle.BundleEntryComponent e : b.getEntry()) {
        everyReferenceHasADisplay(e.getResource());
      }
      meetsMedMijsGeneralRules(b);
    }
  }

  /**
   * MedMij's scripts assert exactly one Patient, her, and only her own related persons: the token is
   * hers. Her son is in her family on R4, and here he comes with the records about him.
   */
  @Test
  void patientAndRelatedPersonAreAboutHerNotHerFamily() {
    String son = family.id("Patient/family-jansen-daan");
    assertEquals(Set.of(family.mother()), ids(bundle(izk(family.pgo(), "Patient", "application/fhir+json"))));
    Set<String> related = ids(bundle(izk(family.pgo(), "RelatedPerson", "application/fhir+json")));
    assertFalse(related.contains(family.id("RelatedPerson/family-jansen-daan-moeder")), "her son's mother link: " + related);
    assertEquals(200, izk(family.pgo(), son, "application/fhir+json").status(), "her son, read by id");
    Http.Response onR4 = family.pgo().get("/fhir/Patient");
    assertTrue(onR4.body().contains(son.substring("Patient/".length())), "R4 still gives her family: " + onR4);
    Set<String> asPartner = ids(bundle(izk(family.midwife(), "Patient?_id=" + son.substring("Patient/".length()),
        "application/fhir+json")));
    assertEquals(Set.of(son), asPartner, "a partner's search is not narrowed to the woman");
  }

  /** MedMij: every reference carries a display, also where ours were written without one. */
  private static void everyReferenceHasADisplay(org.hl7.fhir.dstu3.model.Base element) {
    if (element instanceof Reference ref && ref.hasReference()) {
      assertTrue(ref.hasDisplay(), () -> "no display on the reference to " + ref.getReference());
    }
    element.children().forEach(p -> p.getValues().forEach(IzkPgoViewTest::everyReferenceHasADisplay));
    if (element instanceof org.hl7.fhir.dstu3.model.Element e) {
      e.getExtension().forEach(IzkPgoViewTest::everyReferenceHasADisplay);
    }
  }

  /**
   * The rules every MedMij XIS-Server search checks, whatever it searched: each Coding has a system
   * and a code (and no zib OID as system), each CodeableConcept a display, a text or an extension,
   * each Identifier a system or type and a value, each record a meta.profile (the STU3 ones for the
   * profile of ours it was validated against, claimed or not when it was written).
   */
  private static void meetsMedMijsGeneralRules(Bundle b) {
    for (Bundle.BundleEntryComponent e : b.getEntry()) {
      org.hl7.fhir.dstu3.model.Resource r = e.getResource();
      assertTrue(r.getMeta().hasProfile(), () -> r.getId() + " has no meta.profile");
      for (org.hl7.fhir.dstu3.model.Coding c : TERSER.getAllPopulatedChildElementsOfType(r, org.hl7.fhir.dstu3.model.Coding.class)) {
        assertTrue(c.hasSystem() && c.hasCode(), () -> r.getId() + ": a coding without system or code: " + c.getSystem() + "|" + c.getCode());
        assertFalse(c.getSystem().startsWith("urn:oid:2.16.840.1.113883.2.4.3.11.60.40.2"), () -> r.getId() + ": zib OID " + c.getSystem());
      }
      for (org.hl7.fhir.dstu3.model.CodeableConcept cc : TERSER.getAllPopulatedChildElementsOfType(r,
          org.hl7.fhir.dstu3.model.CodeableConcept.class)) {
        assertTrue(cc.getCoding().stream().anyMatch(org.hl7.fhir.dstu3.model.Coding::hasDisplay) || cc.hasText()
            || cc.hasExtension(), () -> r.getId() + ": a CodeableConcept without display or text: " + cc.getCodingFirstRep().getCode());
      }
      for (org.hl7.fhir.dstu3.model.Identifier i : TERSER.getAllPopulatedChildElementsOfType(r, org.hl7.fhir.dstu3.model.Identifier.class)) {
        assertTrue((i.hasSystem() || i.hasType()) && i.getValueElement().hasValue() || i.getValueElement().hasExtension(),
            () -> r.getId() + ": an identifier without system or value: " + i.getSystem());
      }
    }
  }

  /** The stored id of a package example, with ReferralRequest for our ServiceRequest. */
  private static String stored(String example) {
    if (example.startsWith("Condition/")) {
      return family.id(example.replace("Condition/", "Observation/")).replace("Observation/", "Condition/");
    }
    if (example.startsWith("ReferralRequest/")) {
      return family.id(example.replace("ReferralRequest/", "ServiceRequest/")).replace("ServiceRequest/", "ReferralRequest/");
    }
    return family.id(example);
  }

  /** STU3 takes no PractitionerRole as performer: the IZK names the practitioner and keeps the role in an extension. */
  @Test
  void aPerformerRoleIsItsPractitionerWithTheRoleBesideIt() {
    String midwife = family.id("Practitioner/family-jansen-verloskundige");
    String midwifeRole = family.id("PractitionerRole/family-jansen-verloskundige-rol");
    Bundle observations = bundle(izk(family.pgo(), "Observation?context={record}", "application/fhir+json"));
    Observation edd = (Observation) observations.getEntry().stream().map(e -> e.getResource())
        .filter(r -> stored("Observation/family-jansen-edd").equals("Observation/" + r.getIdElement().getIdPart()))
        .findFirst().orElseThrow();
    Reference performer = edd.getPerformerFirstRep();
    assertEquals(midwife, performer.getReference());
    assertEquals("Sanne de Vries", performer.getDisplay());
    Reference role = (Reference) performer.getExtensionByUrl(PRACTITIONER_ROLE_EXTENSION).getValue();
    assertEquals(midwifeRole, role.getReference());
    assertTrue(role.hasDisplay(), "the role reference has a display too");

    Bundle procedures = bundle(izk(family.pgo(),
        "Procedure?context={record}&_include=Procedure:performer&_include=Procedure:based-on", "application/fhir+json"));
    Set<String> got = ids(procedures);
    assertTrue(got.contains(midwifeRole) && got.contains(midwife),
        () -> "an included role brings the practitioner the performer names: " + got);
    Bundle.BundleEntryComponent included = procedures.getEntry().stream()
        .filter(e -> midwife.equals("Practitioner/" + e.getResource().getIdElement().getIdPart())).findFirst().orElseThrow();
    assertEquals(Bundle.SearchEntryMode.INCLUDE, included.getSearch().getMode());
    assertTrue(included.getFullUrl().endsWith("/fhir/stu3/" + midwife), included.getFullUrl());
    assertEquals(1, procedures.getEntry().stream().filter(e -> e.getFullUrl().equals(included.getFullUrl())).count());
  }

  /** In the IZK a pregnancy is a zib-Pregnancy Condition: ours is found and read as one, and no longer as an Observation. */
  @Test
  void herPregnancyIsACondition() {
    String pregnancy = stored("Condition/family-jansen-pregnancy");
    Bundle conditions = bundle(izk(family.pgo(), "Condition?context={record}", "application/fhir+json"));
    org.hl7.fhir.dstu3.model.Condition found = conditions.getEntry().stream().map(e -> e.getResource())
        .filter(r -> pregnancy.equals("Condition/" + r.getIdElement().getIdPart()))
        .map(org.hl7.fhir.dstu3.model.Condition.class::cast).findFirst().orElseThrow();
    assertEquals(List.of("http://nictiz.nl/fhir/StructureDefinition/zib-Pregnancy"),
        found.getMeta().getProfile().stream().map(p -> p.getValue()).toList());
    assertEquals(org.hl7.fhir.dstu3.model.Condition.ConditionClinicalStatus.ACTIVE, found.getClinicalStatus());
    assertEquals(family.record(), found.getContext().getReference());
    assertEquals(family.mother(), found.getSubject().getReference());
    assertTrue(!conditions.hasTotal() || conditions.getTotal() == conditions.getEntry().size(), "total counts the pregnancy");
    Bundle observations = bundle(izk(family.pgo(), "Observation?context={record}", "application/fhir+json"));
    assertFalse(ids(observations).contains(pregnancy.replace("Condition/", "Observation/")), "not an Observation as well");
    Observation gravidity = observations.getEntry().stream().map(e -> e.getResource())
        .filter(r -> stored("Observation/family-jansen-gravidity").equals("Observation/" + r.getIdElement().getIdPart()))
        .map(Observation.class::cast).findFirst().orElseThrow();
    Reference focus = (Reference) gravidity.getExtensionByUrl("http://nictiz.nl/fhir/StructureDefinition/observation-focusSTU3").getValue();
    assertEquals(pregnancy, focus.getReference(), "a member points at the pregnancy, as in the IZK");
    assertTrue(focus.hasDisplay());
    Http.Response memberRead = izk(family.pgo(), stored("Observation/family-jansen-gravidity"), "application/fhir+json");
    assertEquals(200, memberRead.status(), memberRead::toString);
    Reference readFocus = (Reference) STU3.newJsonParser().parseResource(Observation.class, memberRead.body())
        .getExtensionByUrl("http://nictiz.nl/fhir/StructureDefinition/observation-focusSTU3").getValue();
    assertEquals(pregnancy, readFocus.getReference(), "read on its own, a member points at the pregnancy too");
    assertTrue(ids(bundle(izk(family.pgo(), "Condition?context={record}&clinical-status=inactive", "application/fhir+json")))
        .isEmpty(), "an ongoing pregnancy is not inactive");

    Http.Response read = izk(family.pgo(), pregnancy, "application/fhir+xml");
    assertEquals(200, read.status(), read::toString);
    org.hl7.fhir.dstu3.model.Condition asRead = STU3.newXmlParser()
        .parseResource(org.hl7.fhir.dstu3.model.Condition.class, read.body());
    assertEquals(pregnancy.split("/")[1], asRead.getIdElement().getIdPart());
    assertEquals("118185001", asRead.getCode().getCodingFirstRep().getCode());
    String location = read.header("Content-Location");
    assertTrue(location == null || location.contains("/fhir/stu3/" + pregnancy + "/"), location);
  }

  /** Another woman's pregnancy is as unknown to her PGO as any record that does not exist. */
  @Test
  void anotherWomansPregnancyIsNotFound() {
    String theirs = other.id("Observation/family-jansen-pregnancy").replace("Observation/", "Condition/");
    Http.Response read = izk(family.pgo(), theirs, "application/fhir+json");
    Http.Response missing = izk(family.pgo(), "Condition/no-such-record", "application/fhir+json");
    assertEquals(missing.status(), read.status(), read::toString);
    assertTrue(read.status() == 404 && read.body().contains("OperationOutcome"), read::toString);
    assertTrue(bundle(izk(family.pgo(), "Condition?_id=" + theirs.split("/")[1], "application/fhir+json"))
        .getEntry().isEmpty());
    assertEquals(200, izk(other.pgo(), theirs, "application/fhir+json").status(), "she reads her own");
  }

  /**
   * An attacker with a partner token for another family stores a Condition under her pregnancy's id:
   * it must not take her pregnancy's place when she reads it, nor show in her searches.
   */
  @Test
  void aConditionInAnotherFamilyDoesNotShadowHerPregnancy() {
    // a pregnancy under an id a client chose (server ids are numbers and shared by all types)
    String id = "preg-" + UUID.randomUUID().toString().substring(0, 8);
    org.hl7.fhir.r4.model.Observation hers = new org.hl7.fhir.r4.model.Observation()
        .setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL)
        .setCode(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(
            new org.hl7.fhir.r4.model.Coding("http://snomed.info/sct", "118185001", "Finding related to pregnancy")))
        .setSubject(new org.hl7.fhir.r4.model.Reference(family.mother()))
        .setEffective(new org.hl7.fhir.r4.model.DateTimeType("2025-08-17"));
    hers.addExtension("https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record",
        new org.hl7.fhir.r4.model.Reference(family.record()));
    hers.setId(id);
    Http.Response stored = Http.shared().put("/fhir/Observation/" + id,
        FhirContext.forR4Cached().newJsonParser().encodeResourceToString(hers), "application/fhir+json");
    assertEquals(201, stored.status(), stored::toString);
    String pregnancy = "Condition/" + id;
    org.hl7.fhir.r4.model.Condition decoy = new org.hl7.fhir.r4.model.Condition()
        .setSubject(new org.hl7.fhir.r4.model.Reference(other.mother()))
        .setCode(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(
            new org.hl7.fhir.r4.model.Coding("http://snomed.info/sct", "118185001", "Finding related to pregnancy")));
    decoy.setId(pregnancy.split("/")[1]);
    Http.Response put = other.midwife().put("/fhir/" + pregnancy,
        FhirContext.forR4Cached().newJsonParser().encodeResourceToString(decoy), "application/fhir+json");
    assertTrue(put.status() == 201 || put.status() == 200, put::toString);

    Http.Response read = izk(family.pgo(), pregnancy, "application/fhir+json");
    assertEquals(200, read.status(), read::toString);
    org.hl7.fhir.dstu3.model.Condition shown = STU3.newJsonParser()
        .parseResource(org.hl7.fhir.dstu3.model.Condition.class, read.body());
    assertEquals(family.mother(), shown.getSubject().getReference(), "her pregnancy, not the decoy");
    Bundle found = bundle(izk(family.pgo(), "Condition?context={record}", "application/fhir+json"));
    assertTrue(ids(found).contains(pregnancy));
    found.getEntry().forEach(e -> assertEquals(family.mother(),
        ((org.hl7.fhir.dstu3.model.Condition) e.getResource()).getSubject().getReference()));
  }

  /** A contact written through R4 was validated against gk-encounter, and claims the zib it builds on. */
  @Test
  void aContactWrittenThroughR4ClaimsTheZibEncounter() {
    Http.Response r = izk(family.pgo(), encounter, "application/fhir+json");
    assertEquals(200, r.status(), r::toString);
    org.hl7.fhir.dstu3.model.Encounter shown = STU3.newJsonParser().parseResource(org.hl7.fhir.dstu3.model.Encounter.class, r.body());
    assertEquals(List.of("http://nictiz.nl/fhir/StructureDefinition/zib-Encounter"),
        shown.getMeta().getProfile().stream().map(org.hl7.fhir.dstu3.model.UriType::getValue).toList());
  }

  /** MedMij asks a display on each coding; a bare code from a code system the server holds gets its display. */
  @Test
  void aBareCodeIsShownWithItsDisplay() {
    Encounter bare = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
        .setClass_(new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "HH", null))
        .setSubject(new org.hl7.fhir.r4.model.Reference(family.mother()));
    bare.addEpisodeOfCare(new org.hl7.fhir.r4.model.Reference(family.record()));
    String id = StoredFamily.create(bare);
    Http.Response r = izk(family.pgo(), id, "application/fhir+json");
    assertEquals(200, r.status(), r::toString);
    org.hl7.fhir.dstu3.model.Encounter shown = STU3.newJsonParser().parseResource(org.hl7.fhir.dstu3.model.Encounter.class, r.body());
    assertEquals("http://hl7.org/fhir/v3/ActCode", shown.getClass_().getSystem());
    assertEquals("home health", shown.getClass_().getDisplay());
  }

  @Test
  void recordsCarryTheIzkShapes() {
    Bundle b = bundle(izk(family.pgo(), "Observation?context={record}", "application/fhir+json"));
    Observation edd = b.getEntry().stream().map(e -> (Observation) e.getResource())
        .filter(o -> o.getIdElement().getIdPart().equals(family.id("Observation/family-jansen-edd").split("/")[1]))
        .findFirst().orElseThrow();
    assertEquals(family.record(), edd.getContext().getReference());
    assertEquals(List.of("http://fhir.nl/fhir/StructureDefinition/nl-core-observation",
        "http://nictiz.nl/fhir/StructureDefinition/bc-PregnancyObservation"),
        edd.getMeta().getProfile().stream().map(p -> p.getValue()).toList());
    assertFalse(b.getEntry().stream().anyMatch(e -> STU3.newJsonParser().encodeResourceToString(e.getResource())
        .contains("ext-maternal-record")), "the link is context, not our extension");

    Patient mother = (Patient) bundle(izk(family.pgo(), "Patient", "application/fhir+json")).getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(p -> p.getIdElement().getIdPart().equals(family.mother().split("/")[1])).findFirst().orElseThrow();
    var bsn = mother.getIdentifier().stream().filter(i -> "http://fhir.nl/fhir/NamingSystem/bsn".equals(i.getSystem()))
        .findFirst().orElseThrow();
    assertEquals(null, bsn.getValue(), "no digits");
    assertEquals("masked", bsn.getValueElement().getExtensionByUrl(
        "http://hl7.org/fhir/StructureDefinition/data-absent-reason").getValue().primitiveValue());
  }

  @Test
  void herPgoMayNameExactlyHerFamilysIdsInASearch() {
    String ids = family.mother().substring("Patient/".length()) + "," + family.child().substring("Patient/".length());
    Http.Response r = family.pgo().get("/fhir/Patient?_id=" + ids);
    assertEquals(200, r.status(), "the narrowing adds the same _id value; HAPI must not see it twice: " + r);
    assertEquals(2, r.resource(org.hl7.fhir.r4.model.Bundle.class).getEntry().size());
  }

  @Test
  void withoutHerPgoConsentHerAppSeesNothingHereEither() {
    var noConsent = nl.geboorteketen.server.support.Fixtures.examplesAsNewFamily(r -> !(r instanceof org.hl7.fhir.r4.model.Consent));
    Http.Response stored = Http.shared().postJson("/fhir", noConsent.transaction());
    assertEquals(200, stored.status(), stored::toString);
    org.hl7.fhir.r4.model.Patient woman = (org.hl7.fhir.r4.model.Patient) noConsent.transaction().getEntry().stream()
        .map(e -> e.getResource()).filter(r -> r instanceof org.hl7.fhir.r4.model.Patient p
            && p.getNameFirstRep().getGivenAsSingleString().equals("Anna")).findFirst().orElseThrow();
    String bsn = woman.getIdentifierFirstRep().getValue();
    Http app = Http.shared().withToken(nl.geboorteketen.server.support.TestTokens.pgo(bsn));
    Http.Response r = izk(app, "EpisodeOfCare?type=http://snomed.info/sct|364320009", "application/fhir+json");
    assertEquals(403, r.status(), r::toString);
    assertTrue(r.body().contains("pgo-delen"), r.body());
  }

  @Test
  void anotherFamilysRecordIsNotFoundThroughHerToken() {
    Bundle b = bundle(izk(family.pgo(), "Observation?context=" + other.record(), "application/fhir+json"));
    assertTrue(b.getEntry().isEmpty(), () -> ids(b).toString());
    assertEquals(403, izk(family.pgo(), other.record(), "application/fhir+json").status());
  }

  /** A member read of another family goes no further than the refused read: no pregnancy search, no focus. */
  @Test
  void anotherFamilysPartnerReadingHerGravidityByIdGetsNothingOfIt() {
    String gravidity = stored("Observation/family-jansen-gravidity");
    Http.Response stranger = izk(other.midwife(), gravidity, "application/fhir+json");
    assertEquals(403, stranger.status(), stranger::toString);
    assertTrue(stranger.body().contains("OperationOutcome"));
    assertFalse(stranger.body().contains("observation-focusSTU3"), stranger.body());
    assertFalse(stranger.body().contains(stored("Condition/family-jansen-pregnancy")), stranger.body());
  }

  @Test
  void partnersAreHeldToTheirCareRelationships() {
    assertEquals(200, izk(family.midwife(), family.record(), "application/fhir+json").status());
    Http.Response stranger = izk(other.midwife(), family.record(), "application/fhir+json");
    assertEquals(403, stranger.status(), stranger::toString);
    assertTrue(stranger.body().contains("OperationOutcome"));
    Bundle none = bundle(izk(other.midwife(), "Observation?context={record}", "application/fhir+json"));
    assertTrue(none.getEntry().isEmpty(), () -> ids(none).toString());
  }

  @Test
  void anIzkReadIsInTheAuditLogLikeAnyRead() {
    String edd = family.id("Observation/family-jansen-edd");
    assertEquals(200, izk(family.midwife(), edd, "application/fhir+json").status());
    org.hl7.fhir.r4.model.Bundle log = Http.shared().get("/fhir/AuditEvent?agent=" + family.midwifeSubject
        + "&subtype=http://hl7.org/fhir/restful-interaction%7Cread&_count=100").resource(org.hl7.fhir.r4.model.Bundle.class);
    assertTrue(log.getEntry().stream().map(e -> (org.hl7.fhir.r4.model.AuditEvent) e.getResource())
        .anyMatch(e -> e.getEntity().stream().anyMatch(x -> edd.equals(x.getWhat().getReference()))),
        () -> "no audit record of the IZK read of " + edd + " among " + log.getEntry().size());
  }

  @Test
  void withoutATokenNothingButTheCapabilityStatement() {
    Http.Response r = izk(Http.shared().anonymous(), "Observation?context={record}", "application/fhir+json");
    assertEquals(401, r.status(), r::toString);
    Http.Response metadata = izk(Http.shared().anonymous(), "metadata", "application/fhir+json");
    assertEquals(200, metadata.status(), metadata::toString);
    CapabilityStatement cs = STU3.newJsonParser().parseResource(CapabilityStatement.class, metadata.body());
    assertEquals("3.0.2", cs.getFhirVersion());
    assertTrue(cs.getRestFirstRep().getResource().stream().anyMatch(r2 -> r2.getType().equals("ReferralRequest")));
  }

  @Test
  void aSearchParameterTheViewDoesNotKnowIsRefusedNotDropped() {
    Http.Response r = izk(family.pgo(), "Observation?patient=" + other.mother(), "application/fhir+json");
    assertEquals(400, r.status(), r::toString);
    var oo = STU3.newJsonParser().parseResource(org.hl7.fhir.dstu3.model.OperationOutcome.class, r.body());
    assertEquals("patient", oo.getIssueFirstRep().getExpression().get(0).getValue());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "XML with a DOCTYPE;POST;Observation;application/fhir+xml;<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/></Observation>;400",
      "an element STU3 does not have;POST;Observation;application/fhir+json;{\"resourceType\":\"Observation\",\"status\":\"final\",\"focus\":[{\"reference\":\"Patient/x\"}]};400",
      "another type than the URL says;POST;Observation;application/fhir+json;{\"resourceType\":\"Condition\"};400",
      "an id that is not the URL's;PUT;Observation/abc;application/fhir+json;{\"resourceType\":\"Observation\",\"id\":\"xyz\",\"status\":\"final\"};400",
      "a type the IZK does not have;GET;Basic;application/fhir+json;;404",
      "a delete;DELETE;Observation/abc;application/fhir+json;;405",
      "a path that climbs out;GET;Observation/%2e%2e;application/fhir+json;;400",
      "an id with a space;GET;Observation/a%20b;application/fhir+json;;400",
  })
  void badInputGetsAnStu3OutcomeNotAStackTrace(String what, String method, String path, String type, String body, int status) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + "/fhir/stu3/" + path))
        .header("Accept", "application/fhir+json").header("Content-Type", type)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    Http.Response r = family.midwife().send(request);
    assertEquals(status, r.status(), () -> what + ": " + r);
    var oo = STU3.newJsonParser().parseResource(org.hl7.fhir.dstu3.model.OperationOutcome.class, r.body());
    assertTrue(oo.getIssueFirstRep().hasDiagnostics(), what);
    assertFalse(r.body().contains("Exception") || r.body().contains("at nl.") || r.body().contains("at ca.uhn"), r.body());
  }

  /** A partner of the other family, with a valid token, tries to reach this family through the IZK endpoint. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "her BSN as the subject's identifier;POST;Observation;;{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"identifier\":{\"system\":\"http://fhir.nl/fhir/NamingSystem/bsn\",\"value\":\"{bsn}\"},\"display\":\"x\"}}",
      "a contained record about her;POST;Observation;;{\"resourceType\":\"Observation\",\"contained\":[{\"resourceType\":\"Observation\",\"id\":\"c\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"{mother}\"}}],\"status\":\"final\",\"code\":{\"text\":\"x\"},\"related\":[{\"type\":\"has-member\",\"target\":{\"reference\":\"#c\"}}]}",
      "a conditional create that matches her record;POST;Observation;_id={edd};{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}",
      "an update of her record;PUT;Observation/{eddId};;{\"resourceType\":\"Observation\",\"id\":\"{eddId}\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}",
  })
  void anotherFamilysPartnerCannotReachHerThroughTheIzkEndpoint(String what, String method, String path, String ifNoneExist,
      String body) {
    String edd = family.id("Observation/family-jansen-edd");
    java.util.function.UnaryOperator<String> fill = t -> t.replace("{bsn}", family.motherBsn).replace("{mother}", family.mother())
        .replace("{eddId}", edd.substring("Observation/".length())).replace("{edd}", edd.substring("Observation/".length()));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + "/fhir/stu3/" + fill.apply(path)))
        .header("Accept", "application/fhir+json").header("Content-Type", "application/fhir+json")
        .method(method, HttpRequest.BodyPublishers.ofString(fill.apply(body)));
    if (ifNoneExist != null) {
      request.header("If-None-Exist", fill.apply(ifNoneExist));
    }
    Http.Response r = other.midwife().send(request);
    assertEquals(403, r.status(), () -> what + ": " + r);
    assertFalse(r.body().contains(family.motherBsn), what);
    var stored = Http.shared().get("/fhir/" + edd).resource(org.hl7.fhir.r4.model.Observation.class);
    assertEquals("1", stored.getMeta().getVersionId(), "her record is untouched");
  }

  @Test
  void aPartnerWritesInTheIzkShapeAndThePgoReadsItBack() {
    Observation gravidity = new Observation();
    gravidity.getMeta().addProfile("http://fhir.nl/fhir/StructureDefinition/nl-core-observation")
        .addProfile("http://nictiz.nl/fhir/StructureDefinition/zib-Pregnancy-Gravidity");
    gravidity.setStatus(Observation.ObservationStatus.FINAL);
    gravidity.getCode().addCoding().setSystem("http://snomed.info/sct").setCode("161732006").setDisplay("gravida");
    gravidity.setSubject(new Reference(family.mother()).setDisplay("Anna Jansen"));
    gravidity.setContext(new Reference(family.record()).setDisplay("Zwangerschap 1 Anna Jansen"));
    gravidity.setEffective(new org.hl7.fhir.dstu3.model.DateTimeType("2026-06-01"));
    gravidity.setValue(new org.hl7.fhir.dstu3.model.Quantity().setValue(2).setUnit("1")
        .setSystem("http://unitsofmeasure.org").setCode("1"));
    String body = STU3.newJsonParser().encodeResourceToString(gravidity);

    Http.Response stranger = other.midwife().send(HttpRequest.newBuilder(URI.create(root() + "/fhir/stu3/Observation"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/fhir+json"));
    assertEquals(403, stranger.status(), stranger::toString);

    Http.Response created = family.midwife().send(HttpRequest.newBuilder(URI.create(root() + "/fhir/stu3/Observation"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/fhir+json"));
    assertEquals(201, created.status(), created::toString);
    String location = created.header("Location");
    assertNotNull(location);
    assertTrue(location.contains("/fhir/stu3/Observation/"), location);
    String id = location.replaceAll(".*/Observation/([^/]+).*", "$1");

    var r4 = Http.shared().get("/fhir/Observation/" + id).resource(org.hl7.fhir.r4.model.Observation.class);
    assertEquals(2, r4.getValueIntegerType().getValue(), "a count is an integer in R4");
    assertEquals(family.record(), ((org.hl7.fhir.r4.model.Reference) r4.getExtensionByUrl(
        "https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record").getValue()).getReference());

    Observation back = STU3.newJsonParser().parseResource(Observation.class,
        izk(family.pgo(), "Observation/" + id, "application/fhir+json").body());
    assertEquals(List.of("http://fhir.nl/fhir/StructureDefinition/nl-core-observation",
        "http://nictiz.nl/fhir/StructureDefinition/zib-Pregnancy-Gravidity"),
        back.getMeta().getProfile().stream().map(p -> p.getValue()).toList());
    assertEquals("Zwangerschap 1 Anna Jansen", back.getContext().getDisplay());
    assertEquals("Anna Jansen", back.getSubject().getDisplay());
    assertEquals(2, back.getValueQuantity().getValue().intValue());
  }
}
