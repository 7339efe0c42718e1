package nl.geboorteketen.server.pgo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import nl.geboorteketen.server.security.FamilyScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MedMij rules for PGOs on the FHIR endpoint. Their hooks carry their own order (the correlation
 * id before everything, the search narrowing right after authentication), so where they are
 * registered does not matter.
 */
@Configuration
public class PgoConfig {

  @Bean
  public Installed pgoInstalled(RestfulServer server, FhirContext ctx, FamilyScope scope) {
    server.registerInterceptor(new CorrelationIdInterceptor());
    server.registerInterceptor(new PgoSearchNarrowingInterceptor(ctx, scope));
    return new Installed();
  }

  /** Marker: the PGO interceptors are on the endpoint. */
  public static final class Installed {}
}
