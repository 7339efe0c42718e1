package nl.geboorteketen.server.audit;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.geboorteketen.server.fhir.OperationProvider;
import nl.geboorteketen.server.security.AuthenticationInterceptor;
import nl.geboorteketen.server.security.Caller;
import nl.geboorteketen.server.security.FamilyScope;
import org.apache.commons.lang3.StringUtils;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;

/**
 * The audit log, read-only, as BALP-shaped AuditEvents: read by id, search by patient, entity,
 * agent (the token's subject or organisation), type, subtype, outcome and date, newest first. A PGO
 * sees only the records about her own family. Who may read it at all is the access table's row.
 */
public class AuditEventLogProvider implements IResourceProvider, OperationProvider {

  private static final int MAX = 1000;

  private final AuditLog log;
  private final FamilyScope scope;

  public AuditEventLogProvider(AuditLog log, FamilyScope scope) {
    this.log = log;
    this.scope = scope;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return AuditEvent.class;
  }

  @Read
  public AuditEvent read(@IdParam IdType id, RequestDetails request) {
    long number;
    try {
      number = Long.parseLong(id.getIdPart());
    } catch (NumberFormatException e) {
      throw new ResourceNotFoundException(id);
    }
    AuditEvent event = log.read(number).orElseThrow(() -> new ResourceNotFoundException(id));
    Set<String> family = familyOf(request);
    if (family != null && event.getEntity().stream().noneMatch(e -> family.contains(e.getWhat().getReference()))) {
      throw new ResourceNotFoundException(id);
    }
    return family == null ? event : onlyHerFamily(event, family);
  }

  /** The log is append-only and written by the server: create, update and delete are refused (403). */
  @ca.uhn.fhir.rest.annotation.Create
  public ca.uhn.fhir.rest.api.MethodOutcome create(@ca.uhn.fhir.rest.annotation.ResourceParam AuditEvent event) {
    throw appendOnly();
  }

  @ca.uhn.fhir.rest.annotation.Update
  public ca.uhn.fhir.rest.api.MethodOutcome update(@IdParam IdType id,
      @ca.uhn.fhir.rest.annotation.ResourceParam AuditEvent event) {
    throw appendOnly();
  }

  @ca.uhn.fhir.rest.annotation.Delete
  public ca.uhn.fhir.rest.api.MethodOutcome delete(@IdParam IdType id) {
    throw appendOnly();
  }

  private static ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException appendOnly() {
    return new ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException(
        "Het auditlog wordt alleen aangevuld: alleen de server schrijft erin, en niemand wijzigt of verwijdert een regel.");
  }

  @Search(allowUnknownParams = false)
  public List<AuditEvent> search(@OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceAndListParam patient,
      @OptionalParam(name = AuditEvent.SP_ENTITY) ReferenceAndListParam entity,
      @OptionalParam(name = AuditEvent.SP_AGENT) ReferenceParam agent,
      @OptionalParam(name = AuditEvent.SP_TYPE) TokenParam type,
      @OptionalParam(name = AuditEvent.SP_SUBTYPE) TokenParam subtype,
      @OptionalParam(name = AuditEvent.SP_OUTCOME) TokenParam outcome,
      @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
      @Count Integer count, @Sort SortSpec sort, RequestDetails request) {
    if (sort != null && !AuditEvent.SP_DATE.equals(sort.getParamName())) {
      throw new InvalidRequestException("Het auditlog sorteert alleen op datum (_sort=date of _sort=-date).");
    }
    if (type != null && !"rest".equals(type.getValue())) {
      return List.of(); // every record is of type rest (a RESTful operation)
    }
    Set<String> family = familyOf(request);
    // a PGO's searches arrive narrowed to her family as one more patient= (an AND); a patient she
    // names herself counts only within her family
    List<Set<String>> patients = references(patient, "Patient", family);
    if (family != null && patients == null) {
      patients = List.of(family);
    }
    boolean newestFirst = sort == null || sort.getOrder() == SortOrderEnum.DESC;
    int limit = Math.min(count == null ? 100 : Math.max(count, 1), MAX);
    List<Set<String>> entities = references(entity, null, null);
    List<AuditEvent> found = log.search(new AuditLog.Query(entities, patients,
        agent == null ? null : agent.getValue(), subtype == null ? null : subtype.getValue(),
        outcome == null ? null : outcome.getValue(), date == null ? null : date.getLowerBoundAsInstant(),
        date == null ? null : date.getUpperBoundAsInstant(), newestFirst, limit));
    if (family == null) {
      return found;
    }
    // a record matches a PGO's entity= only by what she is shown of it: otherwise naming a stranger's
    // resource would tell her whether it was in the same answer as her own
    return found.stream().map(e -> onlyHerFamily(e, family)).filter(e -> names(e, entities)).toList();
  }

  private static boolean names(AuditEvent event, List<Set<String>> entities) {
    if (entities == null) {
      return true;
    }
    Set<String> named = new HashSet<>();
    event.getEntity().forEach(e -> named.add(e.getWhat().getReference()));
    return entities.stream().allMatch(anyOf -> anyOf.stream().anyMatch(named::contains));
  }

  /**
   * One record may name an access that touched several families (a beheerder's search, a partner's
   * list). A family's PGO sees who accessed her record, not which other families were in the same
   * answer: when a record names patients outside her family, only her own stay in it.
   */
  private static AuditEvent onlyHerFamily(AuditEvent event, Set<String> family) {
    List<String> patients = event.getEntity().stream().map(e -> e.getWhat().getReference())
        .filter(ref -> ref != null && ref.startsWith("Patient/")).toList();
    if (patients.stream().allMatch(family::contains)) {
      return event;
    }
    AuditEvent mine = event.copy();
    mine.getEntity().removeIf(e -> !family.contains(e.getWhat().getReference()));
    return mine;
  }

  /** The patients a PGO may see records about; null for everyone else the access table lets in. */
  private Set<String> familyOf(RequestDetails request) {
    Caller caller = AuthenticationInterceptor.caller(request);
    return caller != null && caller.isPgo() ? scope.visiblePatients(request, caller) : null;
  }

  /**
   * Each AND of the parameter as the set of its ORs, kept to {@code within} when that is given; null
   * when there is none. Empty values are ignored, as FHIR's search asks ({@code patient=} alone
   * does not narrow).
   */
  private static List<Set<String>> references(ReferenceAndListParam param, String defaultType, Set<String> within) {
    List<Set<String>> ands = param == null ? List.of() : param.getValuesAsQueryTokens().stream().map(or -> {
      Set<String> anyOf = new LinkedHashSet<>();
      or.getValuesAsQueryTokens().stream().filter(p -> !StringUtils.isBlank(p.getIdPart()))
          .forEach(p -> anyOf.add(ref(p, defaultType)));
      return anyOf;
    }).filter(anyOf -> !anyOf.isEmpty()).toList();
    if (within != null) {
      ands.forEach(anyOf -> anyOf.retainAll(within));
    }
    return ands.isEmpty() ? null : ands;
  }

  private static String ref(ReferenceParam param, String defaultType) {
    String type = param.getResourceType() != null ? param.getResourceType() : defaultType;
    return type == null ? param.getValue() : type + "/" + param.getIdPart();
  }
}
