package nl.geboorteketen.server.validation;

import ca.uhn.fhir.jpa.validation.ValidatorPolicyAdvisor;
import org.hl7.fhir.r5.utils.validation.IResourceValidator;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;

/**
 * HAPI's policy, plus: a reference to another entry of the same transaction ({@code urn:uuid:…})
 * is looked up ({@link EntryFetcher}) so the validator checks that entry's type against the
 * element's target types. A reference {@code Type/id} is checked from its URL alone
 * (assume-valid-REST-references), without a lookup.
 */
public class EntryReferencePolicy extends ValidatorPolicyAdvisor {

  @Override
  public ReferenceValidationPolicy policyForReference(IResourceValidator validator, Object appContext, String path,
      String url, ReferenceDestinationType destinationType) {
    if (url != null && url.startsWith("urn:") && TransactionEntries.find(appContext, url).isPresent()) {
      return ReferenceValidationPolicy.CHECK_TYPE_IF_EXISTS;
    }
    return super.policyForReference(validator, appContext, path, url, destinationType);
  }
}
