package nl.geboorteketen.mappings.izk;

import static nl.geboorteketen.mappings.izk.IzkViewTest.FIXTURE_NAMES;
import static nl.geboorteketen.mappings.izk.IzkViewTest.FIXTURE_ROLES;
import static nl.geboorteketen.mappings.izk.IzkViewTest.STU3;
import static nl.geboorteketen.mappings.izk.IzkViewTest.VIEW;
import static nl.geboorteketen.mappings.izk.IzkViewTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our pregnancy Observation as the IZK's zib-Pregnancy Condition, and the searches that find it there. */
class PregnanciesTest {

  static final Pregnancies PREGNANCIES = new Pregnancies(VIEW.table());
  static final String PREGNANCY_CODE = "http://snomed.info/sct|118185001";

  @Test
  void ourPregnancyIsTheIzksConditionWithTheSameId() throws Exception {
    var r4 = PREGNANCIES.asCondition(fixture("Observation-family-jansen-pregnancy.json")).orElseThrow();
    Condition stu3 = (Condition) VIEW.toStu3(r4, FIXTURE_ROLES, FIXTURE_NAMES);

    assertEquals("family-jansen-pregnancy", stu3.getIdElement().getIdPart());
    assertEquals(List.of("http://nictiz.nl/fhir/StructureDefinition/zib-Pregnancy"),
        stu3.getMeta().getProfile().stream().map(p -> p.getValue()).toList());
    assertEquals("118185001", stu3.getCode().getCodingFirstRep().getCode());
    assertEquals("http://snomed.info/sct", stu3.getCode().getCodingFirstRep().getSystem());
    assertEquals("Patient/family-jansen-anna", stu3.getSubject().getReference());
    assertEquals("EpisodeOfCare/family-jansen-zwangerschap", stu3.getContext().getReference());
    assertEquals(Condition.ConditionClinicalStatus.ACTIVE, stu3.getClinicalStatus());
    assertEquals("2025-08-17", stu3.getAssertedDateElement().getValueAsString());
    assertEquals("Practitioner/family-jansen-verloskundige", stu3.getAsserter().getReference(),
        "STU3's asserter takes no role: the practitioner, the role in the extension");
    String json = STU3.newJsonParser().encodeResourceToString(stu3);
    assertTrue(!json.contains("ext-maternal-record") && !json.contains("hasMember"), json);
    STU3.newJsonParser().setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler()).parseResource(json);
  }

  /** Every pregnancy was validated against gk-pregnancy (chosen by its code), also one that did not claim it. */
  @ParameterizedTest(name = "claimed: {0}")
  @CsvSource(delimiter = ';', value = {
      "https://fhir.geboorteketen.nl/StructureDefinition/gk-pregnancy",
      "''",
      "http://nictiz.nl/fhir/StructureDefinition/nl-core-Pregnancy"})
  void itIsAZibPregnancyWhateverItClaimed(String claimed) throws Exception {
    var pregnancy = (org.hl7.fhir.r4.model.Observation) fixture("Observation-family-jansen-pregnancy.json");
    pregnancy.getMeta().getProfile().clear();
    if (!claimed.isEmpty()) {
      pregnancy.getMeta().addProfile(claimed);
    }
    Condition stu3 = (Condition) VIEW.toStu3(PREGNANCIES.asCondition(pregnancy).orElseThrow());
    assertEquals(List.of("http://nictiz.nl/fhir/StructureDefinition/zib-Pregnancy"),
        stu3.getMeta().getProfile().stream().map(p -> p.getValue()).toList());
  }

  @ParameterizedTest(name = "{0}, effective {1}..{2}: clinical {3}, verification {4}")
  @CsvSource(delimiter = ';', nullValues = "-", value = {
      // Observation status; effective start (or dateTime); effective end ('-' none, 'dt' a dateTime); clinical; verification; onset; abatement
      "final;2025-08-17;dt;active;-;-;-",
      "final;2025-01-10;-;active;-;2025-01-10;-",
      "final;2025-01-10;2025-10-02;inactive;-;2025-01-10;2025-10-02",
      "amended;2025-01-10;2025-10-02;inactive;-;2025-01-10;2025-10-02",
      "preliminary;2025-08-17;dt;active;provisional;-;-",
      "registered;2025-08-17;dt;active;provisional;-;-",
      "entered-in-error;2025-08-17;dt;-;entered-in-error;-;-",
  })
  void itsStatusFollowsTheObservation(String status, String start, String end, String clinical, String verification,
      String onset, String abatement) throws Exception {
    Observation o = (Observation) fixture("Observation-family-jansen-pregnancy.json");
    o.setStatus(Observation.ObservationStatus.fromCode(status));
    if ("dt".equals(end)) {
      o.setEffective(new DateTimeType(start));
    } else {
      Period period = new Period().setStartElement(new DateTimeType(start));
      if (end != null) {
        period.setEndElement(new DateTimeType(end));
      }
      o.setEffective(period);
    }
    Condition stu3 = (Condition) VIEW.toStu3(PREGNANCIES.asCondition(o).orElseThrow());

    assertEquals(clinical, stu3.hasClinicalStatus() ? stu3.getClinicalStatus().toCode() : null);
    assertEquals(verification, stu3.hasVerificationStatus() ? stu3.getVerificationStatus().toCode() : null);
    assertEquals(onset, stu3.hasOnsetDateTimeType() ? stu3.getOnsetDateTimeType().getValueAsString() : null);
    assertEquals(abatement, stu3.hasAbatementDateTimeType() ? stu3.getAbatementDateTimeType().getValueAsString() : null);
  }

  @Test
  void anotherObservationIsNoPregnancy() throws Exception {
    assertTrue(PREGNANCIES.asCondition(fixture("Observation-family-jansen-gravidity.json")).isEmpty());
    assertTrue(PREGNANCIES.asCondition(fixture("Patient-family-jansen-anna.json")).isEmpty());
  }

  @ParameterizedTest(name = "Condition?{0} finds pregnancies with Observation?{1}")
  @CsvSource(delimiter = ';', value = {
      "maternal-record=EpisodeOfCare/e1;maternal-record=EpisodeOfCare/e1&code=" + PREGNANCY_CODE,
      "encounter=Encounter/x&_count=500;encounter=Encounter/x&_count=500&code=" + PREGNANCY_CODE,
      "maternal-record=EpisodeOfCare/e1&clinical-status=active&_sort=-_lastUpdated;maternal-record=EpisodeOfCare/e1&code=" + PREGNANCY_CODE,
      "clinical-status:not=inactive&_id=p1;_id=p1&code=" + PREGNANCY_CODE,
      "code=http://snomed.info/sct|77386006;code=http://snomed.info/sct|77386006&code=" + PREGNANCY_CODE,
  })
  void aConditionSearchFindsOurPregnanciesToo(String conditionQuery, String observationQuery) {
    var observations = PREGNANCIES.observationSearch(new Stu3Search.R4Search("Condition", params(conditionQuery)));
    assertEquals("Observation", observations.type());
    assertEquals(params(observationQuery), observations.parameters());
  }

  @ParameterizedTest(name = "Condition?{0}: {1}")
  @CsvSource(delimiter = ';', value = {
      // the Condition search; ids in the answer (the stored Condition c1 first), total
      "maternal-record=EpisodeOfCare/e1;c1 p1;2",
      "clinical-status=active;c1 p1;2",
      "clinical-status=inactive,active;c1 p1;2",
      "clinical-status=inactive;c1;1",
      "clinical-status:not=inactive;c1 p1;2",
      "clinical-status:not=active;c1;1",
      "clinical-status:missing=true;c1;1",
  })
  void theAnswersAreMerged(String conditionQuery, String ids, int total) throws Exception {
    Bundle conditions = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(1);
    conditions.addEntry().setFullUrl("http://x/fhir/Condition/c1")
        .setResource(new org.hl7.fhir.r4.model.Condition().setId("c1")).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    Bundle observations = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(3);
    Observation pregnancy = (Observation) fixture("Observation-family-jansen-pregnancy.json");
    observations.addEntry().setFullUrl("http://x/fhir/Observation/p1").setResource(pregnancy.copy().setId("p1"))
        .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    observations.addEntry().setFullUrl("http://x/fhir/Observation/c1").setResource(pregnancy.copy().setId("c1"))
        .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    observations.addEntry().setFullUrl("http://x/fhir/Patient/family-jansen-anna")
        .setResource(fixture("Patient-family-jansen-anna.json")).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);

    Bundle merged = PREGNANCIES.merge(conditions, observations, new Stu3Search.R4Search("Condition", params(conditionQuery)));

    assertEquals(List.of(ids.split(" ")), merged.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList(),
        "a Condition's id wins over a pregnancy's; an included record of the Observation search does not come along");
    assertEquals(total, merged.getTotal());
    merged.getEntry().forEach(e -> assertEquals("http://x/fhir/Condition/" + e.getResource().getIdElement().getIdPart(), e.getFullUrl()));
  }

  static Map<String, List<String>> params(String query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      out.computeIfAbsent(kv[0], k -> new java.util.ArrayList<>()).add(kv[1]);
    }
    return out;
  }
}
