package nl.geboorteketen.server.health;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import javax.sql.DataSource;
import nl.geboorteketen.server.packages.ProfilePackage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health endpoints for the load balancer (README: Production). */
@Configuration
public class HealthConfig {

  @Bean
  public HealthChecks healthChecks(DataSource dataSource, DaoRegistry daos, ProfilePackage pkg) {
    return new HealthChecks(dataSource, daos, pkg);
  }
}
