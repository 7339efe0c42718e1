package nl.geboorteketen.server.validation;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A stored StructureDefinition, ValueSet or CodeSystem that changes empties the validation chain's
 * caches once the change is committed. HAPI empties them itself only for an updated
 * StructureDefinition, and before its commit: a validation in between read the old version from
 * the store and kept it for ten minutes (found by ProfileUpdateTest, 2026-12-05).
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
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      chain.invalidateCaches();
      return;
    }
    // once per transaction: a package install writes a hundred definitions in one
    if (TransactionSynchronizationManager.hasResource(this)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(DefinitionChanges.this);
        chain.invalidateCaches();
      }
    });
  }
}
