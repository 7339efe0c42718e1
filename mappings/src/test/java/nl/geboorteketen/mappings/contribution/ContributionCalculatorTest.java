package nl.geboorteketen.mappings.contribution;

import nl.geboorteketen.mappings.RuleInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.geboorteketen.mappings.contribution.ContributionCalculator.Contribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The own contribution from the package's rate table (profiles/rules/eigen-bijdrage.json), case by case. */
class ContributionCalculatorTest {

  static final ContributionRules RULES = load();

  static ContributionRules load() {
    try {
      return ContributionRules.parse(Files.readAllBytes(Path.of("../profiles/rules/eigen-bijdrage.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/contribution-cases.csv", numLinesToSkip = 1)
  void contributionCase(String name, BigDecimal hours, BigDecimal digitalHours, int year, boolean pillarOne, int status,
      String problemParameter, Integer rateYear, BigDecimal payable, BigDecimal exempt, BigDecimal amount,
      Boolean warned, String source) {
    if (status != 200) {
      RuleInputException e = assertThrows(RuleInputException.class,
          () -> ContributionCalculator.compute(RULES, hours, digitalHours, year, pillarOne, "opgegeven"), source);
      assertEquals(status, e.status(), e::getMessage);
      assertEquals(problemParameter, e.problems().get(0).parameter(), e::getMessage);
      return;
    }
    Contribution c = ContributionCalculator.compute(RULES, hours, digitalHours, year, pillarOne, "opgegeven");
    assertEquals("EUR", c.currency());
    assertEquals(rateYear, c.rateYear(), source);
    assertEquals(0, payable.compareTo(c.payableHours()), () -> "payable " + c.payableHours() + " " + c.explanation());
    assertEquals(0, exempt.compareTo(c.exemptHours()), () -> "exempt " + c.exemptHours() + " " + c.explanation());
    assertEquals(amount, c.amount(), () -> source + " " + c.explanation());
    assertEquals(warned, !c.warnings().isEmpty(), c.warnings()::toString);
    assertEquals(RULES.canonical(), c.table());
    assertTrue(c.explanation().get(c.explanation().size() - 1).endsWith("EUR " + amount.toPlainString().replace('.', ',') + "."),
        c.explanation()::toString);
  }

  @Test
  void aTableWithoutRatesIsRefusedWhenItIsRead() {
    byte[] noRates = "{\"url\":\"u\",\"version\":\"1\",\"rules\":{\"currency\":\"EUR\",\"ratePerHour\":{}}}"
        .getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> ContributionRules.parse(noRates));
  }
}
