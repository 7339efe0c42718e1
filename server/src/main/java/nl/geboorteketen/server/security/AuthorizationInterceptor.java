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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.geboorteketen.mappings.access.AccessRules;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

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
  /**
   * Checked here, before the interaction, by a read of the current version. A plain read or vread
   * is not: the family filter refuses it (403) when HAPI hands it the resource, saving a second read.
   */
  private static final Set<RestOperationTypeEnum> INSTANCE = EnumSet.of(RestOperationTypeEnum.HISTORY_INSTANCE,
      RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE, RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH,
      RestOperationTypeEnum.DELETE);
  private static final Set<String> PARTNER_ROLES = Set.of("verloskundige", "kraamzorg", "jgz");

  private final FhirContext ctx;
  private final DaoRegistry daos;
  private final AccessRules rules;
  private final FamilyScope scope;
  public AuthorizationInterceptor(FhirContext ctx, DaoRegistry daos, AccessRules rules, FamilyScope scope) {
    this.ctx = ctx;
    this.daos = daos;
    this.rules = rules;
    this.scope = scope;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void authorize(RequestDetails request, RestOperationTypeEnum operation) {
    if (operation == RestOperationTypeEnum.METADATA) {
      return;
    }
    Caller caller = AuthenticationInterceptor.caller(request);
    if (caller == null) {
      throw new AuthenticationException("Deze aanvraag vraagt een bearer-token (Authorization: Bearer <JWT>).");
    }
    if (!caller.isPgo() && !caller.isBeheerder() && (caller.role() == null || !PARTNER_ROLES.contains(caller.role()))) {
      throw forbidden("Het token heeft geen bruikbare rol: geef gk_role verloskundige, kraamzorg, jgz of beheerder, of gk_bsn.");
    }
    if (caller.isPartner() && !caller.organisation().startsWith("Organization/")) {
      throw forbidden("gk_org moet de vorm \"Organization/<id>\" hebben.");
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
      throw forbidden("De interactie " + operation.getCode() + " is alleen voor de beheerder.");
    }
    if (INSTANCE.contains(operation) && request.getId() != null && request.getId().hasIdPart() && type != null) {
      requireVisibleInstance(request, caller, request.getId().withResourceType(type).toUnqualifiedVersionless(),
          request.getId().withResourceType(type).toUnqualifiedVersionless().getValue());
    }
  }

  private void requireVisibleInstance(RequestDetails request, Caller caller, IIdType id, String what) {
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
      throw FamilyScope.notYours(caller, what);
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
          throw forbidden("Lezen binnen een transaction of batch mag alleen de beheerder; stuur leesverzoeken als losse aanvragen.");
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
        "De operatie " + name + (type == null ? "" : " op " + type) + " staat niet open voor " + who(caller) + "."));
    if (!rule.roles().contains(caller.tableRole())) {
      throw forbidden("De operatie " + rule.name() + " is voor " + String.join(", ", rule.roles())
          + "; de rol van het token is " + caller.tableRole() + ".");
    }
    requireScope(caller, type == null ? "*" : type, rule.permission());
    if (rule.ownOrganisationOnly() && request.getId() != null && request.getId().hasIdPart()
        && !caller.organisation().equals("Organization/" + request.getId().getIdPart())) {
      throw forbidden("De operatie " + rule.name() + " vraagt een organisatie alleen voor zichzelf; het token is van "
          + caller.organisation() + ".");
    }
    for (String target : referencedInputs(request)) {
      requireVisibleInstance(request, caller, new IdType(target), "De invoer " + target);
    }
  }

  /**
   * Every resource an operation's input names ("Type/id", in the Parameters body or the query): an
   * input that points into another family is refused like a direct read of it.
   */
  private Set<String> referencedInputs(RequestDetails request) {
    Set<String> targets = new LinkedHashSet<>();
    if (request.getResource() instanceof Parameters parameters) {
      for (Reference ref : ctx.newTerser().getAllPopulatedChildElementsOfType(parameters, Reference.class)) {
        addTarget(targets, ref.getReference());
      }
    }
    request.getParameters().values().forEach(values -> Arrays.stream(values).forEach(v -> addTarget(targets, v)));
    return targets;
  }

  private void addTarget(Set<String> targets, String value) {
    if (value == null) {
      return;
    }
    IdType id = new IdType(value);
    if (id.hasResourceType() && id.hasIdPart() && ctx.getResourceTypes().contains(id.getResourceType())) {
      targets.add(id.getResourceType() + "/" + id.getIdPart());
    }
  }

  private void requireScope(Caller caller, String type, char letter) {
    if (!caller.may(type, letter)) {
      throw forbidden("De scope van het token (" + String.join(" ", caller.scopes()) + ") staat '" + letter
          + "' op " + type + " niet toe.");
    }
  }

  private void requireReader(Caller caller, String type) {
    rules.readers(type).ifPresent(roles -> {
      if (!roles.contains(caller.tableRole())) {
        throw forbidden(type + " is alleen leesbaar voor " + String.join(", ", roles) + ".");
      }
    });
  }

  private void requireWriter(Caller caller, String type, char letter) {
    if (caller.isPgo()) {
      throw forbidden("Een PGO mag alleen lezen, niet schrijven.");
    }
    requireScope(caller, type, letter);
    // a row for the whole type decides before the body is validated: no 422 details for a caller who may not write it
    rules.writers(type, Set.of()).ifPresent(roles -> requireRole(caller, type, roles));
  }

  private void requireRole(Caller caller, String type, Set<String> roles) {
    if (!roles.contains(caller.tableRole())) {
      throw forbidden(roles.isEmpty() ? type + " kan niet via de API worden geschreven."
          : "Schrijven van deze " + type + " is voor " + String.join(", ", roles) + "; de rol van het token is "
              + caller.tableRole() + ".");
    }
  }

  private static String who(Caller caller) {
    return caller.isPgo() ? "deze persoon" : caller.organisation();
  }

  private static ForbiddenOperationException forbidden(String message) {
    return new ForbiddenOperationException(message);
  }

}
