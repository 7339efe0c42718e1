package nl.geboorteketen.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import nl.geboorteketen.server.pgo.BsnMasker;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import org.hl7.fhir.instance.model.api.IBaseResource;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Filters every resource the store hands out — search results, _include and _revinclude,
 * history, $everything, pages — to the families the caller may see, and masks the BSN for PGOs.
 * Both storage hooks run for every path that returns stored resources, so there is no way around.
 */
@Interceptor
public class FamilyFilterInterceptor {

  private final FamilyScope scope;
  private final BsnMasker masker;

  private final AccessRules rules;

  /**
   * Left out of every $everything: the audit log (see restricted) and the conformance resources
   * HAPI pulls in because an audit record or a meta element refers to them — the definitions,
   * not the family's record.
   */
  private static final Set<String> NOT_THE_RECORD = Set.of("AuditEvent", "StructureDefinition", "ValueSet",
      "CodeSystem", "SearchParameter", "OperationDefinition", "CapabilityStatement", "ImplementationGuide",
      "NamingSystem", "ConceptMap");

  public FamilyFilterInterceptor(FamilyScope scope, BsnMasker masker, AccessRules rules) {
    this.scope = scope;
    this.masker = masker;
    this.rules = rules;
  }

  /**
   * A type the rule table restricts to some readers (AuditEvent) stays out of every answer to
   * anyone else, also where it rides along ($everything includes the Patient compartment, audit
   * records too). $everything leaves AuditEvents out for everyone: the record, not the log of who
   * read it (the PGO reads that with GET AuditEvent), and an answer that grows with each reading.
   */
  private boolean restricted(RequestDetails request, Caller caller, IBaseResource r) {
    if ("$everything".equals(request.getOperation()) && NOT_THE_RECORD.contains(r.fhirType())) {
      return true;
    }
    return rules.readers(r.fhirType()).map(roles -> !roles.contains(caller.tableRole())).orElse(false);
  }

  @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
  public void beforeAccess(IPreResourceAccessDetails details, RequestDetails request) {
    Caller caller = AuthenticationInterceptor.caller(request);
    if (caller == null || caller.isBeheerder()) {
      return;
    }
    for (int i = 0; i < details.size(); i++) {
      IBaseResource r = details.getResource(i);
      if (r != null && !isOwnCreate(request, details.size(), r)
          && (restricted(request, caller, r) || !scope.maySee(request, caller, r))) {
        details.setDontReturnResourceAtIndex(i);
      }
    }
  }

  @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
  public void beforeShow(IPreResourceShowDetails details, RequestDetails request) {
    Caller caller = AuthenticationInterceptor.caller(request);
    if (caller == null || caller.isBeheerder()) {
      return;
    }
    for (int i = 0; i < details.size(); i++) {
      IBaseResource r = details.getResource(i);
      if (r == null) {
        continue;
      }
      if (!isOwnCreate(request, details.size(), r)
          && (restricted(request, caller, r) || !scope.maySee(request, caller, r))) {
        details.setResource(i, null);
      } else if (caller.isPgo()) {
        IBaseResource masked = masker.mask(r);
        if (masked instanceof AuditEvent event) {
          masked = onlyHerFamily(event, scope.visiblePatients(request, caller));
        }
        if (masked != r) {
          details.setResource(i, masked);
          details.markResourceAtIndexAsSubset(i);
        }
      }
    }
  }

  /** The answer to a create is what the client just sent (it passed the write check), with its new id. */
  private static boolean isOwnCreate(RequestDetails request, int answered, IBaseResource r) {
    return request.getRestOperationType() == RestOperationTypeEnum.CREATE && answered == 1
        && r.fhirType().equals(request.getResourceName());
  }

  /**
   * A partner's search total is counted in the database before filtering, so it would tell how many
   * records of other families match: it is left out (FHIR makes Bundle.total optional).
   */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean withoutUnfilteredTotal(RequestDetails request, IBaseResource response) {
    Caller caller = AuthenticationInterceptor.caller(request);
    if (caller != null && caller.isPartner() && response instanceof Bundle bundle
        && bundle.getType() == Bundle.BundleType.SEARCHSET) {
      bundle.setTotalElement(null);
    }
    return true;
  }

  /**
   * One AuditEvent may record an access that touched several families (a beheerder's search, a
   * partner's list). A family's PGO sees who accessed her record, not which other families were
   * in the same answer: when an event names patients outside her family, only her own patients
   * stay in it.
   */
  private static IBaseResource onlyHerFamily(AuditEvent event, Set<String> family) {
    List<String> patients = event.getEntity().stream().map(e -> e.getWhat().getReference())
        .filter(ref -> ref != null && ref.startsWith("Patient/")).toList();
    if (patients.stream().allMatch(family::contains)) {
      return event;
    }
    AuditEvent mine = event.copy();
    mine.getEntity().removeIf(e -> !family.contains(e.getWhat().getReference()));
    return mine;
  }
}
