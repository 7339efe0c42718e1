package nl.geboorteketen.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import nl.geboorteketen.server.packages.ProfilePackage;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates the package's examples once after start-up ({@link BackgroundWarmUp}), so definitions are
 * parsed and terminology is loaded before most client writes, which would otherwise wait seconds for
 * it. It ends early, between two examples, once asked to (the server stops).
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

  /**
   * How many examples it validated: all of them, unless {@code stop} said so before one. A flag, not
   * an interrupt: interrupting a thread in the middle of H2's file I/O closes the store's file.
   */
  public int run(BooleanSupplier stop) {
    long start = System.currentTimeMillis();
    int failures = 0;
    int validated = 0;
    for (String json : pkg.resourcesIn("example")) {
      if (stop.getAsBoolean()) {
        LOG.info("Validation warm-up stopped after {} ms", System.currentTimeMillis() - start);
        return validated;
      }
      IBaseResource example = ctx.newJsonParser().parseResource(json);
      try {
        validation.validate(example);
      } catch (UnprocessableEntityException e) {
        failures++;
        LOG.warn("Package example {} does not validate: {}", example.getIdElement().getValue(), e.getMessage());
      }
      validated++;
    }
    LOG.info("Validation warmed up in {} ms ({} example(s) failed)", System.currentTimeMillis() - start, failures);
    return validated;
  }
}
