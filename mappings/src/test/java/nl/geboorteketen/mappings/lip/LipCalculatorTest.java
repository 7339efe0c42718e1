package nl.geboorteketen.mappings.lip;

import nl.geboorteketen.mappings.RuleInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The LIP as the package's rule table states it, case by case from the seeds. */
class LipCalculatorTest {

  static final LipRules RULES = load();

  /** The table the package carries as Library/lip. */
  static LipRules load() {
    try {
      return LipRules.parse(Files.readAllBytes(Path.of("../profiles/rules/lip-2008.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/lip-cases.csv", numLinesToSkip = 1)
  void lipCase(String name, Boolean firstChild, String feeding, String moment, String more, String fewer,
      Integer hospitalDays, Integer lyingInDays, Double wishHours, Double overrideHours, String reason,
      int status, String expectedPackage, Double expectedTotal, Integer expectedCareDays, String source) {
    IndicationRequest request = new IndicationRequest(firstChild, feeding(feeding),
        moment == null ? null : Moment.fromCode(moment).orElseThrow(), codes(more), codes(fewer),
        hospitalDays, lyingInDays, wishHours, overrideHours, reason, false, false, null);

    if (status != 200) {
      RuleInputException e = assertThrows(RuleInputException.class,
          () -> LipCalculator.calculate(RULES, request), source);
      assertEquals(status, e.status(), e.getMessage());
      assertFalse(e.problems().isEmpty());
      return;
    }
    IndicationResult result = LipCalculator.calculate(RULES, request);

    assertEquals(expectedPackage, result.packageCode(), () -> source + " " + result.rules());
    assertEquals(expectedTotal, result.totalHours(), 1e-9, () -> source + " " + result.rules());
    assertEquals(expectedCareDays, result.careDays(), source);
    assertEquals(result.totalHours(), result.components().stream().mapToDouble(IndicationResult.Component::hours).sum(),
        1e-9, "the breakdown adds up to the total");
    assertEquals(result.careDays(), result.schedule().size(), "one schedule entry per care day");
    assertEquals(result.totalHours(), result.schedule().stream().mapToDouble(Double::doubleValue).sum(), 1e-9,
        "the schedule adds up to the total");
    assertFalse(result.rules().isEmpty(), "every outcome is explained");
  }

  @Test
  void opMaatProposalWarnsThatTheProfessionalMustConfirm() {
    IndicationResult result = LipCalculator.calculate(RULES, request(true, Set.of("meerling"), null));
    assertTrue(result.warnings().stream().anyMatch(w -> w.contains("24–80")), result.warnings()::toString);
  }

  @Test
  void overrideOutsideTheBoundsSaysTheBound() {
    RuleInputException e = assertThrows(RuleInputException.class,
        () -> LipCalculator.calculate(RULES, request(true, Set.of(), 81.0)));
    assertTrue(e.getMessage().contains("maximaal 80 uur"), e.getMessage());
    assertEquals("uren", e.problems().get(0).parameter());
  }

  @Test
  void missingInputsAreAllListedAtOnce() {
    RuleInputException e = assertThrows(RuleInputException.class, () -> LipCalculator.calculate(RULES,
        new IndicationRequest(null, null, null, null, null, null, null, null, null, null, false, false, null)));
    assertEquals(400, e.status());
    assertEquals(Set.of("eersteKind", "voeding", "moment"),
        e.problems().stream().map(RuleInputException.Problem::parameter).collect(Collectors.toSet()));
  }

  @Test
  void intakeIsAtHomeForAFirstChildAndByTelephoneForALaterOne() {
    assertEquals("thuisintake", LipCalculator.calculate(RULES, request(true, Set.of(), null)).intakeType());
    assertEquals("telefonische-intake", LipCalculator.calculate(RULES, request(false, Set.of(), null)).intakeType());
    IndicationRequest indicated = new IndicationRequest(false, Feeding.BREAST, Moment.INTAKE, Set.of(), Set.of(),
        null, null, null, null, null, true, false, null);
    assertEquals("thuisintake", LipCalculator.calculate(RULES, indicated).intakeType());
  }

  @Test
  void digitalInstructionReplacesPhysicalHoursAndNeverRaisesTheTotal() {
    IndicationRequest withDigital = new IndicationRequest(true, Feeding.BREAST, Moment.INTAKE, Set.of(), Set.of(),
        null, null, null, null, null, false, false, 6.0);
    IndicationResult result = LipCalculator.calculate(RULES, withDigital);
    assertEquals(49, result.totalHours(), 1e-9);
    assertTrue(result.digitalInstruction().active());
    assertEquals(43, result.digitalInstruction().physicalHours(), 1e-9);
  }

  @Test
  void objectionToDigitalInstructionKeepsItOff() {
    IndicationRequest objected = new IndicationRequest(true, Feeding.BREAST, Moment.INTAKE, Set.of(), Set.of(),
        null, null, null, null, null, false, true, null);
    IndicationResult result = LipCalculator.calculate(RULES, objected);
    assertFalse(result.digitalInstruction().active());
    assertEquals(49, result.digitalInstruction().physicalHours(), 1e-9);
  }

  private static IndicationRequest request(boolean first, Set<String> more, Double override) {
    return new IndicationRequest(first, Feeding.BREAST, Moment.INTAKE, more, Set.of(), null, null, null,
        override, override == null ? null : "reden", false, false, null);
  }

  private static Feeding feeding(String code) {
    if (code == null) {
      return null;
    }
    return code.equals("borstvoeding") ? Feeding.BREAST : Feeding.FORMULA;
  }

  private static Set<String> codes(String list) {
    return list == null ? Set.of() : Arrays.stream(list.split(";")).map(String::trim).collect(Collectors.toSet());
  }
}
