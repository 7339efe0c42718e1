package nl.geboorteketen.server.packages;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.validation.JpaValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives HAPI {@link CoreDefinitions} wherever it would use its own core support, which, once
 * asked, parses and holds all of FHIR's definitions for good. There are three such places, and
 * each gets ours as soon as it is built: the FhirContext's own chain (HAPI's search parameter
 * extractor lists every StructureDefinition through it while the context is still starting), the
 * validator's chain, and HAPI's shared R4 context, through which the search parameter registry
 * reads the built-in parameters. All three share one set of definitions.
 */
public final class CoreDefinitionsInChain implements BeanPostProcessor {

  private CoreDefinitions core;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof FhirContext ctx && ctx.getVersion().getVersion() == FhirVersionEnum.R4) {
      IValidationSupport support = new ValidationSupportChain(definitions(ctx),
          new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx),
          new SnapshotGeneratingValidationSupport(ctx));
      ctx.setValidationSupport(support);
      // the search parameter registry reads the built-in parameters through HAPI's shared context
      FhirContext.forCached(FhirVersionEnum.R4).setValidationSupport(support);
    }
    if (bean instanceof JpaValidationSupportChain chain) {
      IValidationSupport hapi = chain.getValidationSupports().stream()
          .filter(DefaultProfileValidationSupport.class::isInstance).findFirst()
          .orElseThrow(() -> new IllegalStateException("HAPI's core definitions are not in the validation chain"));
      int index = chain.getValidationSupports().indexOf(hapi);
      chain.removeValidationSupport(hapi);
      chain.addValidationSupport(index, definitions(chain.getFhirContext()));
      chain.invalidateCaches();
    }
    return bean;
  }

  /** The definitions it gives HAPI. */
  public synchronized CoreDefinitions definitions(FhirContext ctx) {
    if (core == null) {
      core = CoreDefinitions.load(ctx);
    }
    return core;
  }
}
