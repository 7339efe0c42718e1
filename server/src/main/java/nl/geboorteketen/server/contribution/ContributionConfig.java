package nl.geboorteketen.server.contribution;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import nl.geboorteketen.mappings.contribution.ContributionRules;
import nl.geboorteketen.server.rules.RuleTable;
import nl.geboorteketen.server.rules.RuleTableStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The own contribution ($eigen-bijdrage); it reads stored kraamzorg indications, the indication feature does not know it. */
@Configuration
public class ContributionConfig {

  @Bean
  public RuleTable contributionTable() {
    return new RuleTable(ContributionRules.URL, ContributionRules::parse);
  }

  @Bean
  public ContributionProvider contributionProvider(RuleTableStore tables, DaoRegistry daos) {
    return new ContributionProvider(new ContributionService(tables), tables, daos);
  }
}
