package nl.geboorteketen.server.validation;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Set;
import nl.geboorteketen.server.fhir.AfterTransaction;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A stored StructureDefinition, ValueSet or CodeSystem that a client changes empties the validation
 * chain's caches once the change is committed. HAPI empties them itself only for an updated
 * StructureDefinition: a changed ValueSet or CodeSystem stayed in the chain's cache for up to ten
 * minutes (ProfileUpdateTest, 2026-12-05). After the commit, so that no validation in between can
 * read the old version from the store and keep it again.
 */
public class DefinitionChanges {

  private static final Set<String> DEFINITIONS = Set.of("StructureDefinition", "ValueSet", "CodeSystem");

  private final IValidationSupport chain;

  public DefinitionChanges(IValidationSupport chain) {
    this.chain = chain;
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource, RequestDetails request) {
    forgetAfterCommit(resource, request);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    forgetAfterCommit(updated, request);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  public void deleted(IBaseResource resource, RequestDetails request) {
    forgetAfterCommit(resource, request);
  }

  /** A client's write; the package installer empties the chain itself after each definition it stores. */
  private void forgetAfterCommit(IBaseResource resource, RequestDetails request) {
    if (!DEFINITIONS.contains(resource.fhirType()) || request == null || request instanceof SystemRequestDetails) {
      return;
    }
    AfterTransaction.run(chain::invalidateCaches);
  }
}
