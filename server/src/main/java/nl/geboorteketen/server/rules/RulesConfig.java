package nl.geboorteketen.server.rules;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import nl.geboorteketen.server.packages.ProfilePackage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rule tables of every feature: one store, and one check on upload for each table a feature declares. */
@Configuration
public class RulesConfig {

  @Bean
  public RuleTableStore ruleTableStore(DaoRegistry daos, javax.sql.DataSource dataSource, FhirContext ctx,
      ProfilePackage pkg, IInterceptorService storageInterceptors) {
    RuleTableStore store = new RuleTableStore(daos, dataSource, ctx, pkg);
    storageInterceptors.registerInterceptor(store);
    return store;
  }

  @Bean
  public RuleTableValidationInterceptor ruleTableValidationInterceptor(IInterceptorService storageInterceptors,
      ObjectProvider<RuleTable> tables) {
    Map<String, Function<byte[], ?>> parsers = new LinkedHashMap<>();
    tables.orderedStream().forEach(t -> parsers.put(t.url(), t.parser()));
    RuleTableValidationInterceptor interceptor = new RuleTableValidationInterceptor(parsers);
    storageInterceptors.registerInterceptor(interceptor);
    return interceptor;
  }
}
