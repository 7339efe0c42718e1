package nl.geboorteketen.server.contribution;

import java.math.BigDecimal;
import nl.geboorteketen.mappings.contribution.ContributionCalculator;
import nl.geboorteketen.mappings.contribution.ContributionCalculator.Contribution;
import nl.geboorteketen.mappings.RuleInputException;
import nl.geboorteketen.mappings.contribution.ContributionRules;
import nl.geboorteketen.server.fhir.Problems;
import nl.geboorteketen.server.rules.RuleTableStore;

/**
 * The statutory own contribution for kraamzorg, from the rate table currently loaded; the rules
 * themselves are {@link ContributionCalculator}'s.
 */
public class ContributionService {

  private final RuleTableStore tables;

  public ContributionService(RuleTableStore tables) {
    this.tables = tables;
  }

  public Contribution compute(BigDecimal hours, BigDecimal digitalHours, int year, boolean pillarOne, String pillarOneBasis) {
    ContributionRules rules = tables.current(ContributionRules.URL, ContributionRules::parse);
    try {
      return ContributionCalculator.compute(rules, hours, digitalHours, year, pillarOne, pillarOneBasis);
    } catch (RuleInputException e) {
      throw Problems.of(e.status(), e.problems().stream().map(p -> new Problems.Problem(p.parameter(), p.message())).toList());
    }
  }
}
