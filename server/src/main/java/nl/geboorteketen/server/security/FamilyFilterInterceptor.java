package nl.geboorteketen.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.dao.MatchResourceUrlService;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import nl.geboorteketen.mappings.access.AccessRules;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import org.hl7.fhir.instance.model.api.IBaseResource;
import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Filters every resource the store hands out — search results, _include and _revinclude,
 * history, $everything, pages — to the families the caller may see, and masks the BSN for PGOs.
 * Both storage hooks run for every path that returns stored resources, so there is no way around.
 */
@Interceptor
public class FamilyFilterInterceptor {

  private static final Set<RestOperationTypeEnum> BUNDLES = EnumSet.of(RestOperationTypeEnum.TRANSACTION,
      RestOperationTypeEnum.BATCH);
  private static final Set<RestOperationTypeEnum> WRITES = EnumSet.of(RestOperationTypeEnum.CREATE,
      RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH, RestOperationTypeEnum.DELETE,
      RestOperationTypeEnum.TRANSACTION, RestOperationTypeEnum.BATCH);

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

  /**
   * A token scoped to some types (system/Observation.rs) reads no others, also where they ride
   * along: an _include, a _revinclude, the contents of $everything. The request itself is checked
   * against the scopes before it runs; these are the resources it brings with it.
   */
  private static boolean outOfScope(Caller caller, IBaseResource r) {
    return !caller.may(r.fhirType(), 'r') && !caller.may(r.fhirType(), 's');
  }

  @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
  public void beforeAccess(IPreResourceAccessDetails details, RequestDetails request) {
    Caller caller = AuthenticationInterceptor.caller(request);
    if (caller == null || caller.isBeheerder()) {
      return;
    }
    if (!resourcesMatchPositions(details)) {
      return;
    }
    for (int i = 0; i < details.size(); i++) {
      IBaseResource r = details.getResource(i);
      if (r != null && hidden(request, caller, r)) {
        details.setDontReturnResourceAtIndex(i);
      }
    }
  }

  /**
   * HAPI hands a search's ids over before loading them, and loads fewer resources than ids when
   * one was deleted in between (a concurrent delete, or an id it still had cached): then position
   * i no longer holds the resource of id i (hapi-fhir#8071: "Index N out of bounds", a 500). Such a
   * batch is left alone here; every resource that is shown still passes {@link #beforeShow}.
   */
  private static boolean resourcesMatchPositions(IPreResourceAccessDetails details) {
    if (details.size() == 0) {
      return true;
    }
    try {
      details.getResource(details.size() - 1);
      return true;
    } catch (IndexOutOfBoundsException shorter) {
      return false;
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
      if (hidden(request, caller, r)) {
        details.setResource(i, null);
      } else if (caller.isPgo()) {
        IBaseResource masked = masker.mask(r);
        if (masked != r) {
          details.setResource(i, masked);
          details.markResourceAtIndexAsSubset(i);
        }
      }
    }
  }

  /**
   * Whether to leave this resource out of the answer. A conditional interaction's match is never
   * left out (HAPI would take "no match" and create a second resource): a match of another family
   * marks the request, and the write gate refuses it. The answer to a write is the caller's own
   * write, or a refusal.
   */
  private boolean hidden(RequestDetails request, Caller caller, IBaseResource r) {
    RestOperationTypeEnum op = request.getRestOperationType();
    boolean matching = MatchResourceUrlService.isDuringMatchUrlQuerySpan(request);
    if (matching || op != null && WRITES.contains(op)) {
      // inside a bundle the entries are decided by the gate after HAPI stored them all: only matches count here
      boolean decidedLater = !matching && BUNDLES.contains(op);
      if (!decidedLater && !WriteGate.mayMatch(request, caller, r, scope)) {
        // not thrown here: HAPI takes a refusal during its match search for "no match"
        request.getUserData().put(WriteGate.FOREIGN_MATCH, true);
      }
      return false;
    }
    if (restricted(request, caller, r) || outOfScope(caller, r)) {
      return true;
    }
    boolean may = scope.maySee(request, caller, r);
    if (!may && (op == RestOperationTypeEnum.READ || op == RestOperationTypeEnum.VREAD)) {
      // a direct read of one resource is refused with the reason, as the other instance interactions are
      throw FamilyScope.notYours(caller, r.fhirType() + "/" + r.getIdElement().getIdPart());
    }
    return !may;
  }

  /**
   * A search or history total is counted in the database before filtering, so it would tell a
   * partner or a PGO how many records of other families match: it is left out for everyone but the
   * beheerder (FHIR makes Bundle.total optional). Whatever the Bundle's type: a page asked for
   * without _bundletype comes without one, total included.
   */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean withoutUnfilteredTotal(RequestDetails request, IBaseResource response) {
    // a conditional create that matched another family's resource wrote nothing: refuse its answer
    WriteGate.refuseForeignMatch(request);
    Caller caller = AuthenticationInterceptor.caller(request);
    if (caller != null && !caller.isBeheerder() && response instanceof Bundle bundle) {
      bundle.setTotalElement(null);
    }
    return true;
  }

}
