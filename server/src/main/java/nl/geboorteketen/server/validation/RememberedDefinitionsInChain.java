package nl.geboorteketen.server.validation;

import ca.uhn.fhir.jpa.validation.JpaValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts {@link RememberedDefinitions} in the place of HAPI's bridge bean (every validator of the
 * server takes that one), and its forgetting into HAPI's validation chain.
 */
public final class RememberedDefinitionsInChain implements BeanPostProcessor {

  private final RememberedDefinitions remembered = new RememberedDefinitions();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof WorkerContextValidationSupportAdapter && !(bean instanceof RememberedDefinitions)) {
      return remembered;
    }
    if (bean instanceof JpaValidationSupportChain chain) {
      chain.addValidationSupport(remembered.invalidatedWith(chain.getFhirContext()));
    }
    return bean;
  }
}
