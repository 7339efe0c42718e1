package nl.geboorteketen.mappings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class PregnancyKeyTest {

  @ParameterizedTest(name = "{5}")
  @CsvFileSource(resources = "/pregnancy-key-cases.csv")
  void keyIsAgeInDaysAtConceptionDividedBy14(
      String birthDate, String conception, String lmp, String edd, Long expected, String why) {
    Optional<Long> key = PregnancyKey.compute(date(birthDate), date(conception), date(lmp), date(edd));
    assertEquals(Optional.ofNullable(expected), key, why);
  }

  private static LocalDate date(String text) {
    return text == null ? null : LocalDate.parse(text);
  }
}
