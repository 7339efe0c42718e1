package nl.geboorteketen.server.indication;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import java.util.Map;
import java.util.function.Function;
import nl.geboorteketen.mappings.contribution.ContributionRules;
import nl.geboorteketen.mappings.lip.LipRules;
import nl.geboorteketen.mappings.overdracht.HandoverTable;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.packages.ProfilePatterns;
import nl.geboorteketen.server.rules.RuleTableStore;
import nl.geboorteketen.server.rules.RuleTableValidationInterceptor;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kraamzorg indication (LIP), and the rule tables of the LIP and the own contribution. */
@Configuration
public class IndicationConfig {

  @Bean
  public RuleTableStore ruleTableStore(DaoRegistry daos, FhirContext ctx, ProfilePackage pkg) {
    return new RuleTableStore(daos, ctx, pkg);
  }

  @Bean
  public RuleTableValidationInterceptor ruleTableValidationInterceptor(IInterceptorService storageInterceptors,
      FhirContext ctx, ProfilePackage pkg) {
    ProfilePatterns profiles = new ProfilePatterns(ctx, pkg);
    Map<String, Function<byte[], ?>> parsers = Map.of(
        IndicationCodes.LIP_TABLE, LipRules::parse,
        ContributionRules.URL, ContributionRules::parse,
        HandoverTable.URL, json -> HandoverTable.parse(json, profiles::of));
    RuleTableValidationInterceptor interceptor = new RuleTableValidationInterceptor(parsers);
    storageInterceptors.registerInterceptor(interceptor);
    return interceptor;
  }

  @Bean
  @SuppressWarnings("unchecked")
  public IndicationService indicationService(RuleTableStore tables, DaoRegistry daos, IFhirSystemDao<?, ?> systemDao) {
    return new IndicationService(tables, new StoredInputsReader(daos), daos, (IFhirSystemDao<Bundle, Meta>) systemDao);
  }

  @Bean
  public IndicationProvider indicationProvider(IndicationService service) {
    return new IndicationProvider(service);
  }
}
