package nl.geboorteketen.server.programme;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import nl.geboorteketen.mappings.eligibility.ProgrammeTable;
import nl.geboorteketen.server.rules.RuleTable;
import nl.geboorteketen.server.rules.RuleTableStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Vulnerability, gezinsplan and support programmes: the operations and the services behind them. */
@Configuration
public class ProgrammeConfig {

  @Bean
  public RuleTable programmeTable() {
    return new RuleTable(ProgrammeTable.URL, ProgrammeTable::parse);
  }

  @Bean
  public ProgrammeService programmeService(FhirContext ctx, DaoRegistry daos, RuleTableStore tables,
      javax.sql.DataSource dataSource, org.springframework.transaction.PlatformTransactionManager transactions) {
    return new ProgrammeService(ctx, daos, tables, new FamilyFacts(daos),
        new EnrolmentLock(dataSource, transactions));
  }

  @Bean
  public PilotMonitoring pilotMonitoring(DaoRegistry daos, ProgrammeService service) {
    return new PilotMonitoring(daos, service, new FamilyFacts(daos));
  }

  @Bean
  public ProgrammeProvider programmeProvider(DaoRegistry daos, ProgrammeService service, PilotMonitoring monitoring) {
    return new ProgrammeProvider(daos, service, monitoring);
  }
}
