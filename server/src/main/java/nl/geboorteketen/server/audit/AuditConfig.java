package nl.geboorteketen.server.audit;

import ca.uhn.fhir.context.FhirContext;
import javax.sql.DataSource;
import nl.geboorteketen.server.config.Settings;
import nl.geboorteketen.server.security.CareLedger;
import nl.geboorteketen.server.security.EndpointWatcher;
import nl.geboorteketen.server.security.FamilyScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log: who read or wrote what, and every care relationship granted or ended. */
@Configuration
public class AuditConfig {

  /** The audit log; every care relationship granted or ended is recorded in it, in the same transaction. */
  @Bean
  public AuditLog auditLog(DataSource dataSource, FhirContext ctx, CareLedger ledger) {
    AuditLog log = new AuditLog(dataSource, ctx);
    ledger.onRecorded((family, organisation, what, source, by) -> log.append(
        AuditRecord.ledgerFacts(family, organisation, what, source, by)));
    return log;
  }

  /**
   * On H2 the records of reads go to a journal first and into the log's tables in large groups. On
   * PostgreSQL they are committed directly: the database is shared by the nodes, and a node whose
   * journal was not yet moved might not come back.
   */
  @Bean
  public AuditWriter auditWriter(AuditLog auditLog, Settings settings) throws Exception {
    if (settings.isPostgres()) {
      return new AuditWriter(auditLog);
    }
    return new AuditWriter(JournalMover.start(auditLog, settings.dataDir().resolve("audit-journal")));
  }

  /** Records every answer after the family filter has decided it. */
  @Bean
  public EndpointWatcher auditOnEndpoint(AuditLog auditLog, FamilyScope scope, AuditWriter writer) {
    return server -> server.registerInterceptor(new AuditInterceptor(auditLog, scope, writer));
  }

  /** Serves the log to the beheerder and the PGO. */
  @Bean
  public AuditEventLogProvider auditEventLogProvider(AuditLog auditLog, FamilyScope scope) {
    return new AuditEventLogProvider(auditLog, scope);
  }
}
