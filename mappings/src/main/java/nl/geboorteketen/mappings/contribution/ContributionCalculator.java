package nl.geboorteketen.mappings.contribution;

import nl.geboorteketen.mappings.RuleInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.geboorteketen.mappings.RuleInputException.Problem;

/**
 * The statutory own contribution for kraamzorg: the care year's rate per physical hour. Hours of
 * digital instruction carry none (seed 000) and families in Geboortezorg Flex pillar 1 pay none
 * (seed 004).
 */
public final class ContributionCalculator {

  private ContributionCalculator() {}

  /** What the family pays, how it was computed, and which table was used. */
  public record Contribution(String currency, BigDecimal rate, int rateYear, BigDecimal payableHours,
      BigDecimal exemptHours, BigDecimal amount, List<String> explanation, List<String> warnings, String table) {}

  public static Contribution compute(ContributionRules rules, BigDecimal hours, BigDecimal digitalHours, int year,
      boolean pillarOne, String pillarOneBasis) {
    BigDecimal digital = digitalHours == null ? BigDecimal.ZERO : digitalHours;
    List<Problem> problems = new ArrayList<>();
    if (hours == null) {
      throw new RuleInputException(400, List.of(new Problem("uren", "Ontbreekt: het aantal geïndiceerde uren (uren).")));
    }
    if (hours.signum() < 0) {
      problems.add(new Problem("uren", "uren kan niet negatief zijn."));
    }
    if (digital.signum() < 0 || digital.compareTo(hours) > 0) {
      problems.add(new Problem("digitaleUren",
          "digitaleUren moet tussen 0 en het aantal geïndiceerde uren (" + plain(hours) + ") liggen."));
    }
    Map.Entry<Integer, BigDecimal> rate = rules.rateFor(year).orElse(null);
    if (rate == null) {
      problems.add(new Problem("jaar", "De tarieventabel " + rules.canonical() + " kent geen tarief voor "
          + year + " of eerder; laad een nieuwe versie van de Library " + ContributionRules.URL + "."));
    }
    if (!problems.isEmpty()) {
      throw new RuleInputException(422, problems);
    }
    List<String> explanation = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (rate.getKey() != year) {
      warnings.add("De tabel kent geen tarief voor " + year + "; het tarief van " + rate.getKey()
          + " is gebruikt. Laad het tarief voor " + year + " (nieuwe versie van " + ContributionRules.URL + ").");
    }
    explanation.add(String.format(Locale.ROOT, "Uurtarief eigen bijdrage %d: %s %s per uur.", rate.getKey(),
        rules.currency(), money(rate.getValue())));
    BigDecimal payable = hours.subtract(digital);
    if (digital.signum() > 0) {
      explanation.add("Geen eigen bijdrage over " + plain(digital) + " uur digitale instructie.");
    }
    if (pillarOne) {
      explanation.add("Het gezin neemt deel aan Geboortezorg Flex pijler 1 (" + pillarOneBasis
          + "): de eigen bijdrage vervalt.");
      payable = BigDecimal.ZERO;
    }
    BigDecimal amount = payable.multiply(rate.getValue()).setScale(2, RoundingMode.HALF_UP);
    explanation.add(plain(payable) + " uur × " + rules.currency() + " " + money(rate.getValue()) + " = "
        + rules.currency() + " " + money(amount) + ".");
    return new Contribution(rules.currency(), rate.getValue(), rate.getKey(), payable, hours.subtract(payable),
        amount, explanation, warnings, rules.canonical());
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString().replace('.', ',');
  }

  private static String money(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
  }
}
