package nl.geboorteketen.mappings.izk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.dstu3.model.Property;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.api.Test;

/** Our fixture family through the IZK view and back, record by record (src/test/resources/izk-view-cases.csv). */
class IzkViewTest {

  static final FhirContext R4 = FhirContext.forR4Cached();
  static final FhirContext STU3 = FhirContext.forDstu3Cached();
  static final IzkView VIEW = new IzkView(table());

  static IzkTable table() {
    try {
      return IzkTable.parse(Files.readAllBytes(Path.of("../profiles/rules/izk-stu3.json")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Resource fixture(String file) throws Exception {
    return (Resource) R4.newJsonParser().parseResource(Files.readString(Path.of("../profiles/fsh-generated/resources", file)));
  }

  @ParameterizedTest(name = "{0} is an STU3 {1}")
  @CsvFileSource(resources = "/izk-view-cases.csv", delimiter = '|', numLinesToSkip = 1)
  void ourRecordInTheIzkShape(String file, String stu3Type, String profiles, String context) throws Exception {
    Resource r4 = fixture(file);
    org.hl7.fhir.dstu3.model.Resource stu3 = VIEW.toStu3(r4);

    assertEquals(stu3Type, stu3.fhirType());
    assertEquals(r4.getIdElement().getIdPart(), stu3.getIdElement().getIdPart(), "the id stays");
    List<String> expected = profiles.equals("-") ? List.of() : Arrays.asList(profiles.split(" "));
    assertEquals(expected, stu3.getMeta().getProfile().stream().map(p -> p.getValue()).toList());
    Property ctx = stu3.getNamedProperty("context");
    String actualContext = ctx == null || ctx.getValues().isEmpty() ? "-" : ((Reference) ctx.getValues().get(0)).getReference();
    assertEquals(context, actualContext);
    String json = STU3.newJsonParser().encodeResourceToString(stu3);
    if (!context.equals("-")) {
      assertFalse(json.contains("ext-maternal-record"), "the maternal-record link is context, not an extension: " + json);
    }
    // valid STU3 for the STU3 parser (strict: an R4-only element would fail here)
    STU3.newJsonParser().setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler()).parseResource(json);
  }

  @ParameterizedTest(name = "{0} round-trips")
  @CsvFileSource(resources = "/izk-view-cases.csv", delimiter = '|', numLinesToSkip = 1)
  void writtenInStu3ReadsBackTheSame(String file, String stu3Type, String profiles, String context) throws Exception {
    org.hl7.fhir.dstu3.model.Resource stu3 = VIEW.toStu3(fixture(file), FIXTURE_ROLES, FIXTURE_NAMES);
    Resource back = VIEW.toR4(stu3);
    org.hl7.fhir.dstu3.model.Resource again = VIEW.toStu3(back, FIXTURE_ROLES, FIXTURE_NAMES);
    assertEquals(STU3.newJsonParser().encodeResourceToString(stu3), STU3.newJsonParser().encodeResourceToString(again));
    Resource original = asPractitionerWithRole(fixture(file));
    original.setMeta(null);
    back.setMeta(null);
    if (!stu3Type.equals("ReferralRequest")) {
      // the IZK writes a Dutch postal code without its space; R4 keeps what it is given
      assertEquals(R4.newJsonParser().encodeResourceToString(original).replaceAll("(\\d{4}) ([A-Z]{2})", "$1$2"),
          R4.newJsonParser().encodeResourceToString(back), "the R4 record is the same but for its meta");
    }
  }

  static final String ROLE_EXTENSION = "http://nictiz.nl/fhir/StructureDefinition/practitionerrole-reference";
  static final java.util.Map<String, String> FIXTURE_ROLES = java.util.Map.of(
      "PractitionerRole/family-jansen-verloskundige-rol", "Practitioner/family-jansen-verloskundige",
      "PractitionerRole/family-jansen-kraamverzorgende-rol", "Practitioner/family-jansen-kraamverzorgende");
  static final java.util.Map<String, String> FIXTURE_NAMES = java.util.Map.of(
      "Practitioner/family-jansen-verloskundige", "Sanne de Vries",
      "Practitioner/family-jansen-kraamverzorgende", "Fatima el Amrani");

  /** What a role reference of ours is once it went through the IZK view: the practitioner, the role in the extension. */
  static Resource asPractitionerWithRole(Resource r4) {
    for (var ref : R4.newTerser().getAllPopulatedChildElementsOfType(r4, org.hl7.fhir.r4.model.Reference.class)) {
      String role = ref.getReference();
      if (role != null && FIXTURE_ROLES.containsKey(role)) {
        var roleRef = new org.hl7.fhir.r4.model.Reference(role).setDisplay(ref.getDisplay());
        ref.setReference(FIXTURE_ROLES.get(role)).setDisplay(FIXTURE_NAMES.get(FIXTURE_ROLES.get(role)));
        ref.addExtension(ROLE_EXTENSION, roleRef);
      }
    }
    return r4;
  }

  @ParameterizedTest(name = "{0}: {2}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {
      // fixture; where the role stands; practitioner known; STU3 reference; STU3 display
      "Observation-family-jansen-edd.json;performer;true;Practitioner/family-jansen-verloskundige;Sanne de Vries",
      "Observation-family-jansen-edd.json;performer;false;;Verloskundige",
      "Procedure-family-jansen-delivery.json;performer.actor;true;Practitioner/family-jansen-verloskundige;Sanne de Vries",
      "ServiceRequest-family-jansen-indicatie-intake.json;requester.agent;true;Practitioner/family-jansen-verloskundige;Sanne de Vries",
  })
  void aRoleWhereStu3TakesNoRoleIsItsPractitionerWithTheRoleInTheExtension(String file, String element,
      boolean practitionerKnown, String expectedReference, String expectedDisplay) throws Exception {
    Resource r4 = fixture(file);
    for (var ref : R4.newTerser().getAllPopulatedChildElementsOfType(r4, org.hl7.fhir.r4.model.Reference.class)) {
      if ("PractitionerRole/family-jansen-verloskundige-rol".equals(ref.getReference())) {
        ref.setDisplay("Verloskundige");
      }
    }
    var stu3 = VIEW.toStu3(r4, practitionerKnown ? FIXTURE_ROLES : java.util.Map.of(), FIXTURE_NAMES);
    Reference at = (Reference) STU3.newTerser().getValues(stu3, stu3.fhirType() + "." + element).get(0);
    assertEquals(expectedReference, at.getReference());
    assertEquals(expectedDisplay, at.getDisplay());
    Reference role = (Reference) at.getExtensionByUrl(ROLE_EXTENSION).getValue();
    assertEquals("PractitionerRole/family-jansen-verloskundige-rol", role.getReference());
    assertEquals("Verloskundige", role.getDisplay());
    String json = STU3.newJsonParser().encodeResourceToString(stu3);
    assertEquals(json.split("\"valueReference\":\\{\"reference\":\"PractitionerRole/", -1).length,
        json.split("\"reference\":\"PractitionerRole/", -1).length,
        "no STU3 reference names a role outside the extension: " + json);
  }

  @Test
  void aRoleStaysARoleWhereStu3TakesOne() {
    var role = new org.hl7.fhir.r4.model.PractitionerRole();
    role.setId("r");
    role.setPractitioner(new org.hl7.fhir.r4.model.Reference("Practitioner/p"));
    var schedule = new org.hl7.fhir.r4.model.Schedule().addActor(new org.hl7.fhir.r4.model.Reference("PractitionerRole/r"));
    var stu3 = (org.hl7.fhir.dstu3.model.Schedule) VIEW.toStu3(schedule, java.util.Map.of("PractitionerRole/r", "Practitioner/p"), java.util.Map.of());
    assertEquals("PractitionerRole/r", stu3.getActorFirstRep().getReference());
    assertEquals(java.util.Map.of("PractitionerRole/r", "Practitioner/p"), PractitionerRoles.practitioners(List.of(role)));
    assertEquals(java.util.Set.of("PractitionerRole/r"), PractitionerRoles.referenced(schedule));
  }

  @Test
  void aMaskedBsnStaysMaskedWithItsSystem() {
    Patient p = new Patient();
    Identifier bsn = p.addIdentifier().setSystem("http://fhir.nl/fhir/NamingSystem/bsn");
    bsn.getValueElement().addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason",
        new org.hl7.fhir.r4.model.CodeType("masked"));
    String json = STU3.newJsonParser().encodeResourceToString(VIEW.toStu3(p));
    assertTrue(json.contains("\"system\":\"http://fhir.nl/fhir/NamingSystem/bsn\""), json);
    assertTrue(json.contains("\"valueCode\":\"masked\""), json);
  }

  @Test
  void extensionsOnNamePartsAndAddressLinesSurviveAWrite() {
    var stu3 = new org.hl7.fhir.dstu3.model.Patient();
    stu3.addName().addGivenElement().setValue("Leonie").addExtension(
        "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier", new org.hl7.fhir.dstu3.model.CodeType("BR"));
    stu3.addAddress().addLineElement().setValue("Kerkstraat 1").addExtension(
        "http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-houseNumber", new org.hl7.fhir.dstu3.model.StringType("1"));
    Patient r4 = (Patient) VIEW.toR4(stu3);
    assertEquals("BR", r4.getNameFirstRep().getGiven().get(0).getExtensionFirstRep().getValue().primitiveValue());
    assertEquals("1", r4.getAddressFirstRep().getLine().get(0).getExtensionFirstRep().getValue().primitiveValue());
  }

  @ParameterizedTest(name = "{0} is {1} in R4")
  @org.junit.jupiter.params.provider.CsvSource({
      "http://hl7.org/fhir/v3/AdministrativeGender, http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender",
      "http://hl7.org/fhir/v2/0203, http://terminology.hl7.org/CodeSystem/v2-0203",
      "http://hl7.org/fhir/observation-category, http://terminology.hl7.org/CodeSystem/observation-category",
      "http://snomed.info/sct, http://snomed.info/sct",
      "http://hl7.org/fhir/v3/, http://hl7.org/fhir/v3/"})
  void codeSystemsThatMovedInR4MoveBothWays(String stu3System, String r4System) {
    var stu3 = new org.hl7.fhir.dstu3.model.Observation();
    stu3.setStatus(org.hl7.fhir.dstu3.model.Observation.ObservationStatus.FINAL);
    stu3.addCategory().addCoding().setSystem(stu3System).setCode("x");
    Observation r4 = (Observation) VIEW.toR4(stu3);
    assertEquals(r4System, r4.getCategoryFirstRep().getCodingFirstRep().getSystem());
    var again = (org.hl7.fhir.dstu3.model.Observation) VIEW.toStu3(r4);
    assertEquals(stu3System, again.getCategoryFirstRep().getCodingFirstRep().getSystem());
  }

  @Test
  void extensionsInsideBackboneElementsAreRenamedToo() {
    var stu3 = new org.hl7.fhir.dstu3.model.Patient();
    var proficiency = stu3.addCommunication().addExtension();
    proficiency.setUrl("http://nictiz.nl/fhir/StructureDefinition/patient-proficiency");
    proficiency.addExtension("type", new org.hl7.fhir.dstu3.model.Coding("http://hl7.org/fhir/v3/LanguageAbilityMode", "ESP", null));
    Patient r4 = (Patient) VIEW.toR4(stu3);
    var ext = r4.getCommunicationFirstRep().getExtensionFirstRep();
    assertEquals("http://hl7.org/fhir/StructureDefinition/patient-proficiency", ext.getUrl());
    assertEquals("http://terminology.hl7.org/CodeSystem/v3-LanguageAbilityMode",
        ((org.hl7.fhir.r4.model.Coding) ext.getExtensionFirstRep().getValue()).getSystem());
  }

  @Test
  void aFetusKeepsItsCodeAndAProcedureGetsNoNotDone() {
    var fetus = new org.hl7.fhir.dstu3.model.BodySite();
    fetus.getCode().addCoding().setSystem("http://snomed.info/sct").setCode("83418008");
    var back = (org.hl7.fhir.dstu3.model.BodySite) VIEW.toStu3(VIEW.toR4(fetus));
    assertEquals("83418008", back.getCode().getCodingFirstRep().getCode());
    var delivery = new org.hl7.fhir.dstu3.model.Procedure();
    delivery.setStatus(org.hl7.fhir.dstu3.model.Procedure.ProcedureStatus.COMPLETED);
    assertFalse(((org.hl7.fhir.dstu3.model.Procedure) VIEW.toStu3(VIEW.toR4(delivery))).hasNotDone());
  }

  @ParameterizedTest(name = "{0} is shown as {1}")
  @CsvFileSource(resources = "/izk-display-cases.csv", delimiter = '|', numLinesToSkip = 1)
  void aReferenceWithoutDisplayGetsTheNameOfWhatItPointsAt(String file, String display) throws Exception {
    assertEquals(display, Displays.of(fixture(file)).orElse("-"));
  }

  @Test
  void onlyReferencesWithoutDisplayAreFilled() {
    Observation o = new Observation();
    o.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/a/_history/2"));
    o.addPerformer(new org.hl7.fhir.r4.model.Reference("Practitioner/p").setDisplay("dr. Eigen"));
    o.addExtension("x", new org.hl7.fhir.r4.model.Reference("EpisodeOfCare/e"));
    assertEquals(java.util.Set.of("Patient/a", "EpisodeOfCare/e"), Displays.missing(o));
    Displays.fill(o, java.util.Map.of("Patient/a", "Anna Jansen", "Practitioner/p", "anders"));
    assertEquals("Anna Jansen", o.getSubject().getDisplay());
    assertEquals("dr. Eigen", o.getPerformerFirstRep().getDisplay());
    org.hl7.fhir.r4.model.Bundle answer = new org.hl7.fhir.r4.model.Bundle();
    answer.addEntry().setResource(new Observation().setSubject(new org.hl7.fhir.r4.model.Reference("Patient/b")));
    assertEquals(java.util.Set.of("Patient/b"), Displays.missing(answer), "the entries of a search answer too");
  }

  @ParameterizedTest(name = "{0}|{1} with display ''{2}'' is shown as ''{3}''")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {
      "http://terminology.hl7.org/CodeSystem/v3-ActCode;HH;;home health",
      "http://terminology.hl7.org/CodeSystem/v3-ActCode;HH;thuis;thuis",
      "http://snomed.info/sct;161714006;;",
  })
  void aCodingWithoutDisplayGetsTheOneItsCodeSystemGives(String system, String code, String given, String shown) {
    java.util.Map<String, String> known = java.util.Map.of("http://terminology.hl7.org/CodeSystem/v3-ActCode|HH", "home health");
    org.hl7.fhir.r4.model.Encounter visit = new org.hl7.fhir.r4.model.Encounter()
        .setClass_(new org.hl7.fhir.r4.model.Coding(system, code, given));
    org.hl7.fhir.r4.model.Bundle answer = new org.hl7.fhir.r4.model.Bundle();
    answer.addEntry().setResource(visit);
    Displays.fillCodings(answer, (s, c) -> java.util.Optional.ofNullable(known.get(s + "|" + c)));
    assertEquals(shown, visit.getClass_().getDisplay());
    var stu3 = (org.hl7.fhir.dstu3.model.Bundle) VIEW.toStu3(answer);
    assertEquals(shown, ((org.hl7.fhir.dstu3.model.Encounter) stu3.getEntryFirstRep().getResource()).getClass_().getDisplay());
  }

  @Test
  void whatTheStu3ProfilesRequireIsAddedAndTakenOffAgain() throws Exception {
    var gravidity = (org.hl7.fhir.dstu3.model.Observation) VIEW.toStu3(fixture("Observation-family-jansen-gravidity.json"));
    assertTrue(gravidity.getCode().getCoding().stream().anyMatch(c -> "11996-6".equals(c.getCode())), "LOINC for zib2017");
    var delivery = (org.hl7.fhir.dstu3.model.Procedure) VIEW.toStu3(fixture("Procedure-family-jansen-delivery.json"));
    assertEquals("386637004", delivery.getCategory().getCodingFirstRep().getCode());
    var anna = (org.hl7.fhir.dstu3.model.Patient) VIEW.toStu3(fixture("Patient-family-jansen-anna.json"));
    assertTrue(anna.getAddressFirstRep().getPostalCode().matches("\\d{4}[A-Z]{2}"), anna.getAddressFirstRep().getPostalCode());
    Observation back = (Observation) VIEW.toR4(gravidity);
    assertTrue(back.getCode().getCoding().stream().noneMatch(c -> "11996-6".equals(c.getCode())), "our R4 shape again");
    assertFalse(((org.hl7.fhir.r4.model.Procedure) VIEW.toR4(delivery)).hasCategory());
  }

  @Test
  void focusIsTheStu3FocusExtensionAndBodyStructureIsBodySite() {
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.addFocus(new org.hl7.fhir.r4.model.Reference("BodyStructure/foetus-1").setDisplay("Foetus 1"));
    var stu3 = (org.hl7.fhir.dstu3.model.Observation) VIEW.toStu3(o);
    var ext = stu3.getExtensionByUrl("http://nictiz.nl/fhir/StructureDefinition/observation-focusSTU3");
    assertEquals("BodySite/foetus-1", ((Reference) ext.getValue()).getReference());
    Observation back = (Observation) VIEW.toR4(stu3);
    assertEquals("BodyStructure/foetus-1", back.getFocusFirstRep().getReference());
    assertTrue(back.getExtension().isEmpty());
  }

  @Test
  void theStu3ProfilesARecordWasWrittenWithComeBack() {
    var stu3 = new org.hl7.fhir.dstu3.model.Observation();
    stu3.setStatus(org.hl7.fhir.dstu3.model.Observation.ObservationStatus.FINAL);
    stu3.getMeta().addProfile("http://fhir.nl/fhir/StructureDefinition/nl-core-observation")
        .addProfile("http://nictiz.nl/fhir/StructureDefinition/bc-DeliveryObservation");
    stu3.setContext(new Reference("EpisodeOfCare/e1").setDisplay("Zwangerschap 1"));
    Observation r4 = (Observation) VIEW.toR4(stu3);
    assertTrue(r4.getMeta().getProfile().isEmpty(), "our profile is chosen by the server from the codes");
    assertEquals("EpisodeOfCare/e1", ((org.hl7.fhir.r4.model.Reference) r4.getExtensionByUrl(
        "https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record").getValue()).getReference());
    var again = (org.hl7.fhir.dstu3.model.Observation) VIEW.toStu3(r4);
    assertEquals(List.of("http://fhir.nl/fhir/StructureDefinition/nl-core-observation",
        "http://nictiz.nl/fhir/StructureDefinition/bc-DeliveryObservation"),
        again.getMeta().getProfile().stream().map(p -> p.getValue()).toList());
    assertTrue(again.getMeta().getTag().isEmpty());
    // a store that returns its tags in another order still gives the profiles in the order written
    java.util.Collections.reverse(r4.getMeta().getTag());
    assertEquals("http://fhir.nl/fhir/StructureDefinition/nl-core-observation",
        ((org.hl7.fhir.dstu3.model.Observation) VIEW.toStu3(r4)).getMeta().getProfile().get(0).getValue());
    assertEquals("Zwangerschap 1", again.getContext().getDisplay());
  }
}
