package nl.geboorteketen.server.devdata;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import java.time.Duration;
import nl.geboorteketen.server.config.Settings;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.security.CareFacts;
import nl.geboorteketen.server.security.CareLedger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The example family a server with development tokens holds (see {@link ExampleFamily}). */
@Configuration
public class ExampleFamilyConfig {

  @Bean
  @SuppressWarnings("unchecked")
  public ExampleFamily exampleFamily(FhirContext ctx, DaoRegistry daos, IFhirSystemDao<?, ?> systemDao,
      CareLedger ledger, Settings settings, ProfilePackage pkg, IInterceptorService storageInterceptors) {
    CareFacts facts = new CareFacts(ledger, Duration.ofDays(settings.careGraceDays()));
    ExampleFamily family = new ExampleFamily(ctx, daos, (IFhirSystemDao<Bundle, Meta>) systemDao, facts, pkg);
    storageInterceptors.registerInterceptor(family);
    return family;
  }
}
