package nl.geboorteketen.mappings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class PregnancyRecordsTest {

  private static final String RECORD = "urn:uuid:record";

  @ParameterizedTest(name = "{2}")
  @CsvFileSource(resources = "/pregnancy-key-bundle-cases.csv")
  void aTransactionHoldingTheWholePregnancyKeysItsRecordBeforeStorage(String variant, Long expected, String why) {
    Bundle bundle = transaction(variant);
    EpisodeOfCare record = (EpisodeOfCare) bundle.getEntry().get(0).getResource();

    List<String> assigned = PregnancyRecords.assignInTransaction(bundle);

    List<String> keys = record.getIdentifier().stream().filter(i -> PregnancyKey.SYSTEM.equals(i.getSystem()))
        .map(i -> i.getValue()).toList();
    assertEquals(expected == null ? List.of() : List.of(String.valueOf(expected)), keys, why);
    boolean computedHere = expected != null && !variant.equals("own-key");
    assertEquals(computedHere ? List.of(RECORD) : List.of(), assigned, why);
  }

  @ParameterizedTest(name = "{3}")
  @CsvFileSource(resources = "/pregnancy-condition-cases.csv")
  void aDatingObservationNamesTheIzkPregnancyItPointsAt(String code, String focus, String expected, String why) {
    Observation dating = dating(code, "2026-10-03");
    if (focus != null) {
      dating.addFocus(new Reference(focus));
    }

    assertEquals(Optional.ofNullable(expected), PregnancyRecords.focusedCondition(dating), why);
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource({
      "http://snomed.info/sct,118185001,true,the zib-Pregnancy code",
      "http://loinc.org,118185001,false,the same digits in another system",
      "http://snomed.info/sct,77386006,false,another finding"})
  void aConditionIsAPregnancyByItsCode(String system, String code, boolean expected, String why) {
    Condition condition = new Condition();
    condition.getCode().addCoding().setSystem(system).setCode(code);

    assertEquals(expected, PregnancyRecords.isPregnancy(condition), why);
  }

  @ParameterizedTest(name = "{3}")
  @CsvSource({
      "867,,867,an update without the key keeps the stored one",
      "867,901,901,a key the update carries is the client's",
      ",,,no key stored: nothing to keep",
      ",901,901,a first key sent by the client stays"})
  void anUpdateOfTheMaternalRecordKeepsTheServersKey(String stored, String sent, String expected, String why) {
    EpisodeOfCare previous = new EpisodeOfCare();
    if (stored != null) {
      previous.addIdentifier().setSystem(PregnancyKey.SYSTEM).setValue(stored);
    }
    previous.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.2.4.3.11.999.7.6").setValue("dossier-1");
    EpisodeOfCare update = new EpisodeOfCare();
    if (sent != null) {
      update.addIdentifier().setSystem(PregnancyKey.SYSTEM).setValue(sent);
    }

    boolean carried = PregnancyRecords.keepKey(previous, update);

    List<String> keys = update.getIdentifier().stream().filter(i -> PregnancyKey.SYSTEM.equals(i.getSystem()))
        .map(i -> i.getValue()).toList();
    assertEquals(expected == null ? List.of() : List.of(expected), keys, why);
    assertEquals(stored != null && sent == null, carried, why);
    assertEquals(0, update.getIdentifier().stream().filter(i -> !PregnancyKey.SYSTEM.equals(i.getSystem())).count(),
        "only the key is carried over");
  }

  private static Bundle transaction(String variant) {
    Bundle bundle = new Bundle().setType(variant.equals("batch") ? Bundle.BundleType.BATCH : Bundle.BundleType.TRANSACTION);
    EpisodeOfCare record = new EpisodeOfCare();
    if (variant.equals("own-key")) {
      record.addIdentifier().setSystem(PregnancyKey.SYSTEM).setValue("123");
    }
    add(bundle, RECORD, record, variant.equals("put-record") ? Bundle.HTTPVerb.PUT : Bundle.HTTPVerb.POST);

    Patient woman = new Patient();
    if (!variant.equals("no-birth-date")) {
      woman.setBirthDateElement(new DateType("1996-03-01"));
    }
    add(bundle, "urn:uuid:woman", woman, Bundle.HTTPVerb.POST);

    String memberCode = switch (variant) {
      case "lmp" -> PregnancyRecords.LMP;
      case "conception" -> PregnancyRecords.CONCEPTION_DATE;
      default -> PregnancyRecords.EDD;
    };
    String memberDate = switch (variant) {
      case "lmp" -> "2025-12-27";
      case "conception" -> "2026-01-24";
      default -> "2026-10-03";
    };
    add(bundle, "urn:uuid:dating", dating(memberCode, memberDate), Bundle.HTTPVerb.POST);
    if (variant.equals("conception")) {
      add(bundle, "urn:uuid:edd", dating(PregnancyRecords.EDD, "2026-10-03"), Bundle.HTTPVerb.POST);
    }

    Observation pregnancy = pregnancy(variant.equals("other-record") ? "urn:uuid:elsewhere" : RECORD,
        variant.equals("woman-stored") ? "Patient/1" : "urn:uuid:woman");
    if (variant.equals("not-pregnancy")) {
      pregnancy.getCode().getCodingFirstRep().setCode("77386006");
    }
    pregnancy.addHasMember(new Reference(variant.equals("member-stored") ? "Observation/1" : "urn:uuid:dating"));
    if (variant.equals("conception")) {
      pregnancy.addHasMember(new Reference("urn:uuid:edd"));
    }
    add(bundle, "urn:uuid:pregnancy", pregnancy, Bundle.HTTPVerb.POST);
    if (variant.equals("two-pregnancies")) {
      add(bundle, "urn:uuid:pregnancy2", pregnancy.copy(), Bundle.HTTPVerb.POST);
    }
    return bundle;
  }

  private static Observation pregnancy(String record, String woman) {
    Observation pregnancy = new Observation().setSubject(new Reference(woman));
    pregnancy.getCode().addCoding().setSystem(PregnancyRecords.SNOMED).setCode(PregnancyRecords.PREGNANCY);
    pregnancy.addExtension(PregnancyRecords.MATERNAL_RECORD_EXT, new Reference(record));
    return pregnancy;
  }

  private static Observation dating(String code, String date) {
    Observation o = new Observation().setValue(new DateTimeType(date));
    o.getCode().addCoding().setSystem(PregnancyRecords.SNOMED).setCode(code);
    return o;
  }

  private static void add(Bundle bundle, String fullUrl, Resource resource, Bundle.HTTPVerb method) {
    bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest().setMethod(method)
        .setUrl(resource.fhirType());
  }
}
