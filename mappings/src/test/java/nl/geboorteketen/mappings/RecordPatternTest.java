package nl.geboorteketen.mappings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which records a profile's pattern selects: by what the profile fixes, never by meta.profile. */
class RecordPatternTest {

  static final String GK = "https://fhir.geboorteketen.nl/CodeSystem/gk-observation-code";
  static final String LOINC = "http://loinc.org";
  static final String SCT = "http://snomed.info/sct";
  static final String VULNERABILITY = "https://fhir.geboorteketen.nl/StructureDefinition/gk-vulnerability";

  static final RecordPattern VULNERABILITY_PATTERN =
      new RecordPattern("Observation", Map.of("code", Set.of(GK + "|kwetsbaarheid")));
  static final RecordPattern BIRTH_WEIGHT =
      new RecordPattern("Observation", Map.of("code", Set.of(LOINC + "|8339-4", LOINC + "|29463-7")));
  static final RecordPattern GEZINSPLAN =
      new RecordPattern("CarePlan", Map.of("category", Set.of(SCT + "|736377005")));

  @ParameterizedTest(name = "{0}: {1} code [{2}] category [{3}] meta.profile [{4}] → {5}")
  @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
      vulnerability; Observation; gk|kwetsbaarheid;             -;                  -;             true
      vulnerability; Observation; gk|kwetsbaarheid;             -;                  gk-vulnerability; true
      vulnerability; Observation; gk|kwetsbaarheid sct|1234;    -;                  -;             true
      vulnerability; Observation; gk|jaundice;                  -;                  gk-vulnerability; false
      vulnerability; Observation; -;                            -;                  gk-vulnerability; false
      vulnerability; Observation; other|kwetsbaarheid;          -;                  -;             false
      vulnerability; Flag;        gk|kwetsbaarheid;             -;                  -;             false
      birth-weight;  Observation; loinc|8339-4 loinc|29463-7;   -;                  -;             true
      birth-weight;  Observation; loinc|29463-7;                -;                  -;             false
      gezinsplan;    CarePlan;    -;                            sct|736377005;      -;             true
      gezinsplan;    CarePlan;    -;                            sct|736377005 sct|1; -;            true
      gezinsplan;    CarePlan;    -;                            -;                  -;             false
      """)
  void selectsByWhatTheProfileFixes(String pattern, String type, String code, String category, String profile,
      boolean expected) {
    RecordPattern p = switch (pattern) {
      case "vulnerability" -> VULNERABILITY_PATTERN;
      case "birth-weight" -> BIRTH_WEIGHT;
      default -> GEZINSPLAN;
    };
    assertEquals(expected, p.matches(record(type, code, category, profile)));
  }

  @Test
  void readsAPatternOnTheElement() {
    StructureDefinition sd = profile("Observation");
    sd.getDifferential().addElement().setPath("Observation.code")
        .setPattern(new CodeableConcept(new Coding(GK, "kwetsbaarheid", null)));
    assertEquals(VULNERABILITY_PATTERN, RecordPattern.of(sd));
  }

  @Test
  void readsRequiredSlicesOfCodingAndOfCategoryAndSkipsOptionalOnes() {
    StructureDefinition sd = profile("Observation");
    sd.getSnapshot().addElement().setPath("Observation.code.coding").setSliceName("weight").setMin(1)
        .setPattern(new Coding(LOINC, "29463-7", null));
    sd.getSnapshot().addElement().setPath("Observation.code.coding").setSliceName("birth").setMin(1)
        .setPattern(new Coding(LOINC, "8339-4", null));
    sd.getSnapshot().addElement().setPath("Observation.code.coding").setSliceName("maybe").setMin(0)
        .setPattern(new Coding(LOINC, "3141-9", null));
    sd.getSnapshot().addElement().setPath("Observation.category").setSliceName("vital").setMin(1)
        .setPattern(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", null)));
    RecordPattern p = RecordPattern.of(sd);
    assertEquals(Set.of(LOINC + "|29463-7", LOINC + "|8339-4"), p.fixed().get("code"));
    assertEquals(Set.of("http://terminology.hl7.org/CodeSystem/observation-category|vital-signs"), p.fixed().get("category"));
  }

  @Test
  void readsTheSnapshotBeforeTheDifferential() {
    StructureDefinition sd = profile("CarePlan");
    sd.getSnapshot().addElement().setPath("CarePlan.category").setSliceName("gezinsplan").setMin(1)
        .setPattern(new CodeableConcept(new Coding(SCT, "736377005", null)));
    sd.getDifferential().addElement().setPath("CarePlan.category").setSliceName("gezinsplan").setMin(1);
    assertEquals(GEZINSPLAN, RecordPattern.of(sd));
  }

  @Test
  void aBoundValueSetOrNothingFixesNothing() {
    StructureDefinition sd = profile("Observation");
    sd.getSnapshot().addElement().setPath("Observation.code")
        .getBinding().setStrength(BindingStrength.REQUIRED).setValueSet("https://example.org/ValueSet/x");
    assertTrue(RecordPattern.of(sd).fixesNothing());
    assertTrue(RecordPattern.of(profile("Flag")).fixesNothing());
  }

  private static StructureDefinition profile(String type) {
    return new StructureDefinition().setUrl("https://example.org/StructureDefinition/p").setType(type);
  }

  private static Resource record(String type, String code, String category, String profile) {
    Resource r = switch (type) {
      case "Observation" -> new Observation();
      case "CarePlan" -> new CarePlan();
      default -> new org.hl7.fhir.r4.model.Flag();
    };
    if (code != null) {
      r.setProperty("code", concept(code));
    }
    if (category != null) {
      r.setProperty("category", concept(category));
    }
    if (profile != null) {
      r.getMeta().addProfile(VULNERABILITY);
    }
    return r;
  }

  private static CodeableConcept concept(String codings) {
    CodeableConcept cc = new CodeableConcept();
    List<String> all = Arrays.asList(codings.trim().split(" "));
    for (String c : all) {
      String[] parts = c.split("\\|");
      String system = switch (parts[0]) {
        case "gk" -> GK;
        case "loinc" -> LOINC;
        case "sct" -> SCT;
        default -> "https://example.org/" + parts[0];
      };
      cc.addCoding(new Coding(system, parts[1], null));
    }
    return cc;
  }
}
