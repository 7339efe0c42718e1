package nl.geboorteketen.server.indication;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import nl.geboorteketen.mappings.lip.LipRules;
import nl.geboorteketen.server.rules.RuleTable;
import nl.geboorteketen.server.rules.RuleTableStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kraamzorg indication (LIP) and its rule table. */
@Configuration
public class IndicationConfig {

  @Bean
  public RuleTable lipTable() {
    return new RuleTable(IndicationCodes.LIP_TABLE, LipRules::parse);
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
