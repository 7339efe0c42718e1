package nl.geboorteketen.mappings.kraamweek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class BreastfeedingIndicatorTest {

  static final Set<String> EXCLUSIVE = Set.of("http://snomed.info/sct|226789007", "http://snomed.info/sct|226790003");
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  static final LocalDate START = LocalDate.of(2026, 3, 1);
  static final LocalDate END = LocalDate.of(2026, 3, 31);

  static List<Observation> feeding(String child, String days) {
    List<Observation> result = new ArrayList<>();
    for (String day : days.split(";")) {
      String[] parts = day.split(":");
      LocalDate date = START.plusDays(Integer.parseInt(parts[0]) - 1);
      for (String code : parts[1].split("\\+")) {
        String sct = switch (code) {
          case "B" -> "226789007";
          case "E" -> "226790003";
          default -> "386127005";
        };
        Observation o = new Observation().setStatus(Observation.ObservationStatus.FINAL)
            .setSubject(new Reference("Patient/" + child))
            .setEffective(new DateTimeType(Date.from(date.atTime(10, 0).atZone(ZONE).toInstant())));
        result.add(FeedingPattern.withFeedingType(o, new org.hl7.fhir.r4.model.Coding("http://snomed.info/sct", sct, null)));
      }
    }
    return result;
  }

  @ParameterizedTest(name = "{0}: {1} → counted={2}, numerator={3} ({4})")
  @CsvFileSource(resources = "/breastfeeding-cases.csv")
  void eachChildIsCountedAsTheBriefDefines(String child, String days, String counted, String inNumerator, String why) {
    var result = BreastfeedingIndicator.compute(feeding(child, days), EXCLUSIVE, START, END, ZONE);
    assertEquals(counted.equals("yes") ? 1 : 0, result.denominator(), why);
    assertEquals(inNumerator.equals("yes") ? 1 : 0, result.numerator(), why);
  }

  @Test
  void sixChildrenGiveThreeOfFive() {
    List<Observation> all = new ArrayList<>();
    all.addAll(feeding("anna-1", "1:B;8:B"));
    all.addAll(feeding("anna-2", "1:B;4:F;8:B"));
    all.addAll(feeding("anna-3", "1:B;8:F"));
    all.addAll(feeding("anna-4", "1:B;8:B+F"));
    all.addAll(feeding("anna-5", "1:F;8:B"));
    all.addAll(feeding("anna-7", "1:E;8:B"));
    var result = BreastfeedingIndicator.compute(all, EXCLUSIVE, START, END, ZONE);
    assertEquals(3, result.numerator());
    assertEquals(5, result.denominator());
    assertEquals(0.6, result.fraction(), 1e-9);
  }
}
