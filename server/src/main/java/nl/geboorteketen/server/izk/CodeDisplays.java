package nl.geboorteketen.server.izk;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.LookupCodeRequest;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The display of a code, from the code systems the server holds: our package, Nictiz's packages and
 * the FHIR core definitions (HL7 v2/v3 and FHIR code systems). Nothing is fetched; SNOMED and LOINC
 * are not held, so their bare codes stay bare.
 */
final class CodeDisplays implements BiFunction<String, String, Optional<String>> {

  private final IValidationSupport support;

  CodeDisplays(IValidationSupport support) {
    this.support = support;
  }

  @Override
  public Optional<String> apply(String system, String code) {
    try {
      IValidationSupport.LookupCodeResult found =
          support.lookupCode(new ValidationSupportContext(support), new LookupCodeRequest(system, code));
      return found == null || !found.isFound() ? Optional.empty()
          : Optional.ofNullable(found.getCodeDisplay()).filter(d -> !d.isBlank());
    } catch (RuntimeException unknownSystem) {
      // a code system the chain cannot read is one without displays here, not a failed answer
      return Optional.empty();
    }
  }
}
