package nl.geboorteketen.server.maternalrecord;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import nl.geboorteketen.server.security.LedgerCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The family as a whole: one pregnancy's $everything, and the newborns in their mother's. */
@Configuration
public class MaternalRecordConfig {

  @Bean
  public MaternalRecordEverythingProvider maternalRecordEverythingProvider(DaoRegistry daos) {
    return new MaternalRecordEverythingProvider(new MaternalRecordEverything(daos));
  }

  @Bean
  public NewbornsInMothersEverything newbornsInMothersEverything(LedgerCache families,
      IInterceptorService storageInterceptors) {
    NewbornsInMothersEverything interceptor = new NewbornsInMothersEverything(families);
    storageInterceptors.registerInterceptor(interceptor);
    return interceptor;
  }
}
