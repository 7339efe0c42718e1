package nl.geboorteketen.server.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.geboorteketen.server.security.AuthenticationInterceptor;
import nl.geboorteketen.server.security.Caller;
import nl.geboorteketen.server.security.FamilyScope;
import nl.geboorteketen.server.security.WriteGate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NEN 7513: every access through the API leaves an AuditEvent, synchronously.
 *
 * <ul>
 *   <li>writes: in the same database transaction as the write (STORAGE_PRECOMMIT_*), so a write
 *       without its audit record cannot be committed;</li>
 *   <li>reads, searches, operations: committed before the response is sent (grouped with the
 *       records of concurrent requests, {@link AuditWriter}); when that fails the client gets 500
 *       and no data;</li>
 *   <li>refusals (401, 403): stored while the error answer is made.</li>
 * </ul>
 */
@Interceptor
public class AuditInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(AuditInterceptor.class);
  private static final Set<RestOperationTypeEnum> WRITES = EnumSet.of(RestOperationTypeEnum.CREATE,
      RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH, RestOperationTypeEnum.DELETE,
      RestOperationTypeEnum.TRANSACTION, RestOperationTypeEnum.BATCH);

  private final AuditLog log;
  private final FamilyScope scope;
  private final AuditWriter writer;

  public AuditInterceptor(AuditLog log, FamilyScope scope, AuditWriter writer) {
    this.log = log;
    this.scope = scope;
    this.writer = writer;
  }

  // ----- writes, inside their transaction -----

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource, RequestDetails request) {
    write(request, resource, "create", AuditEvent.AuditEventAction.C, false);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    write(request, resource, "update", AuditEvent.AuditEventAction.U, false);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  public void deleted(IBaseResource resource, RequestDetails request) {
    write(request, resource, "delete", AuditEvent.AuditEventAction.D, true);
  }

  private void write(RequestDetails request, IBaseResource resource, String code, AuditEvent.AuditEventAction action,
      boolean gone) {
    if (!(request instanceof ServletRequestDetails)) {
      return;
    }
    String ref = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    Set<String> patients = scope.familyMembersOf(resource);
    if (gone) {
      patients.remove(ref);
    }
    store(request, new AuditRecord.Interaction(code, action, false, null),
        gone ? Set.of() : Set.of(ref), gone ? Set.of(ref) : Set.of(), patients, true);
  }

  // ----- reads, searches, operations: before the answer leaves -----

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean read(RequestDetails request, IBaseResource response) {
    RestOperationTypeEnum op = request.getRestOperationType();
    if (op == RestOperationTypeEnum.CREATE && response != null && response.getIdElement().hasIdPart()) {
      matchedWithoutWriting(request, response);
      return true;
    }
    if (op == null || op == RestOperationTypeEnum.METADATA || WRITES.contains(op)) {
      return true;
    }
    Set<String> resources = new LinkedHashSet<>();
    Set<String> patients = new LinkedHashSet<>();
    // A search or history answer lists stored resources; a stored Bundle that was read (a handover
    // document) is one resource, its entries carry urn:uuid ids that are not in the store.
    if (response instanceof Bundle bundle && (bundle.getType() == Bundle.BundleType.SEARCHSET
        || bundle.getType() == Bundle.BundleType.HISTORY)) {
      for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
        if (e.hasResource() && e.getResource().getIdElement().hasIdPart() && !e.getResource().fhirType().equals("OperationOutcome")) {
          resources.add(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart());
          patients.addAll(scope.ownersFor(request, e.getResource()));
        }
      }
    } else if (response instanceof Parameters out) {
      // an operation names what it stored (the handover's document and Task, a stored indication)
      for (Parameters.ParametersParameterComponent p : out.getParameter()) {
        Resource r = p.getResource();
        if (r != null && r.getIdElement().hasIdPart() && r.getIdElement().isIdPartValidLong()) {
          resources.add(r.fhirType() + "/" + r.getIdElement().getIdPart());
          patients.addAll(scope.ownersFor(request, r));
        }
      }
    } else if (response != null && response.getIdElement().hasIdPart() && !response.fhirType().equals("OperationOutcome")) {
      resources.add(response.fhirType() + "/" + response.getIdElement().getIdPart());
      patients.addAll(scope.ownersFor(request, response));
    }
    if (op == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE && request.getId() != null && request.getId().hasIdPart()) {
      // an instance operation is about its instance (a grant or revocation on a Patient, a handover of a record)
      String target = request.getResourceName() + "/" + request.getId().getIdPart();
      resources.add(target);
      if (target.startsWith("Patient/")) {
        patients.add(target);
      }
    }
    String code = switch (op) {
      case READ -> "read";
      case VREAD -> "vread";
      case SEARCH_TYPE, GET_PAGE -> "search-type";
      case SEARCH_SYSTEM -> "search-system";
      case HISTORY_INSTANCE -> "history-instance";
      case HISTORY_TYPE -> "history-type";
      case HISTORY_SYSTEM -> "history-system";
      default -> "operation";
    };
    AuditEvent.AuditEventAction action = code.equals("operation") ? AuditEvent.AuditEventAction.E
        : AuditEvent.AuditEventAction.R;
    store(request, new AuditRecord.Interaction(code, action, false,
        code.equals("operation") ? request.getOperation() : null), resources, Set.of(), patients, false);
    return true;
  }

  /**
   * A conditional create (If-None-Exist) that matched an existing resource wrote nothing, so no
   * write recorded it; the caller was shown that resource: record it as a read of what matched.
   */
  private void matchedWithoutWriting(RequestDetails request, IBaseResource response) {
    String ref = response.fhirType() + "/" + response.getIdElement().getIdPart();
    if (WriteGate.written(request).contains(ref)) {
      return;
    }
    store(request, new AuditRecord.Interaction("read", AuditEvent.AuditEventAction.R, false,
            "If-None-Exist matched an existing resource; nothing was written"),
        Set.of(ref), Set.of(), scope.ownersFor(request, response), false);
  }

  // ----- refusals -----

  @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
  public boolean refused(RequestDetails request, BaseServerResponseException exception) {
    int status = exception.getStatusCode();
    if (status != 401 && status != 403) {
      return true;
    }
    String target = request.getId() != null && request.getId().hasIdPart() && request.getResourceName() != null
        ? request.getResourceName() + "/" + request.getId().getIdPart() : null;
    try {
      store(request, new AuditRecord.Interaction(status == 401 ? "unauthenticated" : "forbidden",
              AuditEvent.AuditEventAction.E, true, status + ": " + exception.getMessage()),
          Set.of(), target == null ? Set.of() : Set.of(target), Set.of(), false);
    } catch (RuntimeException e) {
      LOG.error("Could not record the refused request {}", request.getRequestPath(), e);
    }
    return true;
  }

  /** inWrite: inside the write's own transaction; otherwise through the group-commit writer. */
  private void store(RequestDetails request, AuditRecord.Interaction what, Set<String> resources,
      Set<String> mentioned, Set<String> patients, boolean inWrite) {
    Caller caller = AuthenticationInterceptor.caller(request);
    String address = request instanceof ServletRequestDetails s ? s.getServletRequest().getRemoteAddr() : null;
    AuditFacts record = AuditRecord.facts(what, caller, address, request.getResourceName() == null
        ? request.getRequestPath() : request.getResourceName(), resources, mentioned, patients, request.getFhirServerBase());
    try {
      if (inWrite) {
        log.append(record);
      } else {
        writer.storeAndWait(record);
      }
    } catch (RuntimeException e) {
      LOG.error("Audit record could not be stored; the request is refused", e);
      throw new InternalErrorException("De toegang kon niet in het auditlog worden vastgelegd, daarom is de aanvraag geweigerd; probeer het later opnieuw.", e);
    }
  }
}
