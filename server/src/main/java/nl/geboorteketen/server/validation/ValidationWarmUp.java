package nl.geboorteketen.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import nl.geboorteketen.server.packages.ProfilePackage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates the package's examples once at start-up, so snapshots are generated and terminology
 * is loaded before the first client write, which would otherwise wait seconds for it.
 */
public class ValidationWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(ValidationWarmUp.class);

  private final FhirContext ctx;
  private final ProfilePackage pkg;
  private final ProfileValidationInterceptor validation;

  public ValidationWarmUp(FhirContext ctx, ProfilePackage pkg, ProfileValidationInterceptor validation) {
    this.ctx = ctx;
    this.pkg = pkg;
    this.validation = validation;
  }

  public void run() {
    long start = System.currentTimeMillis();
    int failures = 0;
    for (String json : pkg.resourcesIn("example")) {
      IBaseResource example = ctx.newJsonParser().parseResource(json);
      try {
        validation.validate(example);
      } catch (UnprocessableEntityException e) {
        failures++;
        LOG.warn("Package example {} does not validate: {}", example.getIdElement().getValue(), e.getMessage());
      }
    }
    LOG.info("Validation warmed up in {} ms ({} example(s) failed)", System.currentTimeMillis() - start, failures);
  }
}
