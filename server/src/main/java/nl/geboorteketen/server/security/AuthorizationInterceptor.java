package nl.geboorteketen.server.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import nl.geboorteketen.server.validation.ProfileSelector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Who may do what: the SMART scope for the interaction, the role rows of the access rule table
 * (operations, restricted reads and writes, status transitions) and the care relationship.
 *
 * <p>A request aimed at one instance (read, vread, instance history, instance operation, update,
 * patch, delete) of a family the caller may not see is refused with 403. Everything else that
 * returns resources (search, _include, _revinclude, _has, type and system history, $everything,
 * paging) is filtered silently, in {@link FamilyFilterInterceptor}.
 */
@Interceptor
public class AuthorizationInterceptor {

  private static final Set<RestOperationTypeEnum> READS = EnumSet.of(RestOperationTypeEnum.READ,
      RestOperationTypeEnum.VREAD, RestOperationTypeEnum.HISTORY_INSTANCE);
  private static final Set<RestOperationTypeEnum> SEARCHES = EnumSet.of(RestOperationTypeEnum.SEARCH_TYPE,
      RestOperationTypeEnum.SEARCH_SYSTEM, RestOperationTypeEnum.HISTORY_TYPE, RestOperationTypeEnum.HISTORY_SYSTEM);
  private static final Set<RestOperationTypeEnum> INSTANCE = EnumSet.of(RestOperationTypeEnum.READ,
      RestOperationTypeEnum.VREAD, RestOperationTypeEnum.HISTORY_INSTANCE, RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE,
      RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH, RestOperationTypeEnum.DELETE);
  private static final Set<String> PARTNER_ROLES = Set.of("verloskundige", "kraamzorg", "jgz");

  private final FhirContext ctx;
  private final DaoRegistry daos;
  private final AccessRules rules;
  private final FamilyScope scope;
  private final ProfileSelector selector;

  public AuthorizationInterceptor(FhirContext ctx, DaoRegistry daos, AccessRules rules, FamilyScope scope,
      ProfileSelector selector) {
    this.ctx = ctx;
    this.daos = daos;
    this.rules = rules;
    this.scope = scope;
    this.selector = selector;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void authorize(RequestDetails request, RestOperationTypeEnum operation) {
    if (operation == RestOperationTypeEnum.METADATA) {
      return;
    }
    Caller caller = AuthenticationInterceptor.caller(request);
    if (caller == null) {
      throw new AuthenticationException("This request needs a bearer token.");
    }
    if (!caller.isPgo() && !caller.isBeheerder() && (caller.role() == null || !PARTNER_ROLES.contains(caller.role()))) {
      throw forbidden("The token has no usable role (gk_role verloskundige, kraamzorg, jgz or beheerder, or gk_bsn).");
    }
    if (caller.isPartner() && !caller.organisation().startsWith("Organization/")) {
      throw forbidden("gk_org must be \"Organization/<id>\".");
    }
    String type = request.getResourceName();
    if (READS.contains(operation)) {
      requireScope(caller, type, 'r');
      requireReader(caller, type);
    } else if (SEARCHES.contains(operation)) {
      requireScope(caller, type == null ? "*" : type, 's');
      if (type != null) {
        requireReader(caller, type);
      }
    } else if (operation == RestOperationTypeEnum.GET_PAGE) {
      // the search that made the page was authorised; its resources are filtered again
    } else if (operation == RestOperationTypeEnum.CREATE) {
      requireWriter(caller, type, 'c');
    } else if (operation == RestOperationTypeEnum.UPDATE || operation == RestOperationTypeEnum.PATCH) {
      requireWriter(caller, type, 'u');
    } else if (operation == RestOperationTypeEnum.DELETE) {
      requireWriter(caller, type, 'd');
    } else if (operation == RestOperationTypeEnum.TRANSACTION || operation == RestOperationTypeEnum.BATCH) {
      authorizeBundle(caller, request.getResource());
    } else if (operation == RestOperationTypeEnum.EXTENDED_OPERATION_SERVER
        || operation == RestOperationTypeEnum.EXTENDED_OPERATION_TYPE
        || operation == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE) {
      authorizeOperation(caller, request, type);
    } else if (!caller.isBeheerder()) {
      throw forbidden("The interaction " + operation.getCode() + " is for the beheerder only.");
    }
    if (INSTANCE.contains(operation) && request.getId() != null && request.getId().hasIdPart() && type != null) {
      requireVisibleInstance(request, caller, request.getId().withResourceType(type).toUnqualifiedVersionless());
    }
  }

  private void requireVisibleInstance(RequestDetails request, Caller caller, IIdType id) {
    if (caller.isBeheerder()) {
      return;
    }
    IBaseResource current;
    try {
      current = daos.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails(), true);
    } catch (ResourceNotFoundException | ResourceGoneException absent) {
      return; // the interaction itself answers 404 / 410
    }
    if (!scope.maySee(request, caller, current)) {
      throw forbidden(id.getValue() + " belongs to a family " + who(caller) + " has no care relationship with"
          + (caller.isPgo() ? "" : " (or the family withdrew consent for sharing with it)") + ".");
    }
  }

  private void authorizeBundle(Caller caller, IBaseResource resource) {
    if (!(resource instanceof Bundle bundle)) {
      return;
    }
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Bundle.HTTPVerb verb = entry.getRequest().getMethod();
      String url = entry.getRequest().getUrl();
      String type = entry.hasResource() ? entry.getResource().fhirType()
          : url == null ? "*" : url.split("[/?]", 2)[0];
      if (verb == null || verb == Bundle.HTTPVerb.GET || verb == Bundle.HTTPVerb.HEAD) {
        if (!caller.isBeheerder()) {
          throw forbidden("Reads inside a transaction or batch are for the beheerder only; send them as plain requests.");
        }
        continue;
      }
      char letter = switch (verb) {
        case POST -> 'c';
        case DELETE -> 'd';
        default -> 'u';
      };
      requireWriter(caller, type, letter);
    }
  }

  private void authorizeOperation(Caller caller, RequestDetails request, String type) {
    String name = request.getOperation();
    if (caller.isBeheerder()) {
      requireScope(caller, type == null ? "*" : type, 'r');
      return;
    }
    AccessRules.OperationRule rule = rules.operation(name, type).orElseThrow(() -> forbidden(
        "The operation " + name + (type == null ? "" : " on " + type) + " is not open to " + who(caller) + "."));
    if (!rule.roles().contains(caller.tableRole())) {
      throw forbidden("The operation " + rule.name() + " is for " + String.join(", ", rule.roles())
          + "; the token's role is " + caller.tableRole() + ".");
    }
    requireScope(caller, type == null ? "*" : type, rule.permission());
    if (rule.ownOrganisationOnly() && request.getId() != null && request.getId().hasIdPart()
        && !caller.organisation().equals("Organization/" + request.getId().getIdPart())) {
      throw forbidden("The operation " + rule.name() + " is open to an organisation for itself only; the token is for "
          + caller.organisation() + ".");
    }
  }

  private void requireScope(Caller caller, String type, char letter) {
    if (!caller.may(type, letter)) {
      throw forbidden("The token's scope (" + String.join(" ", caller.scopes()) + ") does not allow '" + letter
          + "' on " + type + ".");
    }
  }

  private void requireReader(Caller caller, String type) {
    rules.readers(type).ifPresent(roles -> {
      if (!roles.contains(caller.tableRole())) {
        throw forbidden(type + " is readable by " + String.join(", ", roles) + " only.");
      }
    });
  }

  private void requireWriter(Caller caller, String type, char letter) {
    if (caller.isPgo()) {
      throw forbidden("A PGO has read-only access.");
    }
    requireScope(caller, type, letter);
    // a row for the whole type decides before the body is validated: no 422 details for a caller who may not write it
    rules.writers(type, Set.of()).ifPresent(roles -> requireRole(caller, type, roles));
  }

  private void requireRole(Caller caller, String type, Set<String> roles) {
    if (!roles.contains(caller.tableRole())) {
      throw forbidden(roles.isEmpty() ? type + " cannot be written through the API."
          : "Writing this " + type + " is for " + String.join(", ", roles) + "; the token's role is "
              + caller.tableRole() + ".");
    }
  }

  // ----- every stored write, also each entry of a transaction -----

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void created(IBaseResource resource, RequestDetails request) {
    checkWrite(request, null, resource);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    checkWrite(request, previous, resource);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void deleted(IBaseResource resource, RequestDetails request) {
    checkWrite(request, resource, null);
  }

  private void checkWrite(RequestDetails request, IBaseResource previous, IBaseResource resource) {
    Caller caller = AuthenticationInterceptor.caller(request);
    if (caller == null || request instanceof SystemRequestDetails) {
      return; // the server's own writes (audit, pregnancy key)
    }
    IBaseResource subject = resource != null ? resource : previous;
    String type = subject.fhirType();
    rules.writers(type, profilesOf(previous, resource)).ifPresent(roles -> requireRole(caller, type, roles));
    if (caller.isBeheerder()) {
      return;
    }
    if (previous != null && !scope.maySee(request, caller, previous)) {
      throw forbidden(type + "/" + previous.getIdElement().getIdPart() + " belongs to a family "
          + who(caller) + " has no care relationship with.");
    }
    if (resource != null) {
      if (!scope.maySee(request, caller, resource) && !establishesOwnRelationship(caller, resource)) {
        throw forbidden("This " + type + " belongs to a family " + who(caller) + " has no care relationship with.");
      }
      scope.forgetDecisions(request);
      checkTransitions(caller, previous, resource);
      if (previous instanceof EpisodeOfCare before && resource instanceof EpisodeOfCare after
          && !managingOrganisation(before).equals(managingOrganisation(after))
          && !managingOrganisation(before).equals(caller.organisation())) {
        throw forbidden("Only the managing organisation of this EpisodeOfCare may hand its management to another.");
      }
    }
  }

  private Set<String> profilesOf(IBaseResource previous, IBaseResource resource) {
    Set<String> profiles = new HashSet<>();
    for (IBaseResource r : new IBaseResource[] {previous, resource}) {
      if (r instanceof Resource res) {
        res.getMeta().getProfile().stream().map(CanonicalType::getValue).forEach(profiles::add);
        selector.select(res).ifPresent(profiles::add);
      }
    }
    return profiles;
  }

  /**
   * A new client (Patient), or a maternal record a midwife opens for her own practice, declares a
   * care relationship (audited like every write). A Task or a care team does not: a handover comes
   * from a sender that already cares for the family, and a care team is made by a partner who does.
   */
  private boolean establishesOwnRelationship(Caller caller, IBaseResource resource) {
    if (resource.fhirType().equals("Patient")) {
      return true;
    }
    // only a midwife opens a maternal record for a client; a care team is made by a partner who
    // already cares for the family (else anyone knowing a patient id could add itself)
    if (!(resource instanceof EpisodeOfCare record) || !"verloskundige".equals(caller.role())
        || !refersToOwn(caller, resource, "managingOrganization") || !record.hasPatient()) {
      return false;
    }
    // nor may she take a woman another practice is caring for now: that practice hands her over
    String patient = record.getPatient().getReferenceElement().toUnqualifiedVersionless().getValue();
    scope.otherCurrentManager(patient, caller.organisation()).ifPresent(other -> {
      throw forbidden(patient + " has a current maternal record managed by " + other + "; a new practice "
          + "gets her when that practice sets its managingOrganization to the new one (a handover).");
    });
    return true;
  }

  private static String managingOrganisation(EpisodeOfCare record) {
    return String.valueOf(record.getManagingOrganization().getReferenceElement().toUnqualifiedVersionless().getValue());
  }

  private boolean refersToOwn(Caller caller, IBaseResource resource, String path) {
    return ctx.newTerser().getValues(resource, resource.fhirType() + "." + path, Reference.class).stream()
        .anyMatch(r -> caller.organisation().equals(r.getReferenceElement().toUnqualifiedVersionless().getValue()));
  }

  private void checkTransitions(Caller caller, IBaseResource previous, IBaseResource resource) {
    for (AccessRules.TransitionRule rule : rules.transitions(resource.fhirType())) {
      Set<String> codes = ctx.newTerser().getValues(resource, resource.fhirType() + ".code.coding", Coding.class)
          .stream().map(Coding::getCode).collect(Collectors.toSet());
      String status = ctx.newTerser().getSinglePrimitiveValueOrNull(resource, resource.fhirType() + ".status");
      String before = previous == null ? null
          : ctx.newTerser().getSinglePrimitiveValueOrNull(previous, previous.fhirType() + ".status");
      if (!codes.contains(rule.code()) || !rule.statuses().contains(status) || status.equals(before)) {
        continue;
      }
      IBaseResource decisive = previous != null ? previous : resource;
      if (!refersToOwn(caller, decisive, rule.actor())) {
        throw forbidden("Only the " + rule.actor() + " of this " + resource.fhirType() + " may set its status to "
            + status + "; " + who(caller) + " is not.");
      }
    }
  }

  private static String who(Caller caller) {
    return caller.isPgo() ? "this person" : caller.organisation();
  }

  private static ForbiddenOperationException forbidden(String message) {
    return new ForbiddenOperationException(message);
  }

}
