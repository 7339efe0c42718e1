package nl.geboorteketen.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.dao.MatchResourceUrlService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.HasParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.util.ICachedSearchDetails;
import java.util.List;
import nl.geboorteketen.mappings.access.AccessRules;

/**
 * A search's conditions run in the database over every family's records; only its results are
 * filtered. {@code _has} makes the conditions those of the records that point at a result, so
 * {@code Organization?_has:EpisodeOfCare:organization:patient.identifier=<bsn>} told a partner which
 * practice cares for a stranger (Organizations are everyone's to read). For a partner or a PGO,
 * {@code _has} is therefore only taken on Patient, whose referrers are her family's records, over
 * types the caller may read, not nested, and not in a conditional interaction's condition. On the
 * storage layer, so every way a search is made (GET, POST _search, pages) passes it.
 */
@Interceptor
public class ReverseChainGuard {

  static final String ONLY_ON_PATIENT = "Een partner of PGO kan _has en _list alleen gebruiken bij het zoeken naar "
      + "Patient (bijvoorbeeld Patient?_has:EpisodeOfCare:patient:status=active): bij andere typen zouden de "
      + "voorwaarden over gegevens van andere gezinnen gaan. Zoek de records zelf, met patient= of subject=.";
  static final String NOT_IN_CONDITION = "_has kan niet in de voorwaarde van een conditionele aanvraag "
      + "(If-None-Exist, een conditionele update, patch, delete of verwijzing) van een partner; noem de "
      + "resource met identifier of _id.";

  private final AccessRules rules;

  public ReverseChainGuard(AccessRules rules) {
    this.rules = rules;
  }

  @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
  public void refuseForeignConditions(ICachedSearchDetails search, RequestDetails request, SearchParameterMap map) {
    Caller caller = request == null ? null : AuthenticationInterceptor.caller(request);
    if (caller == null || caller.isBeheerder()) {
      return;
    }
    List<List<IQueryParameterType>> has = map.get("_has");
    if (has == null || has.isEmpty()) {
      return;
    }
    if (MatchResourceUrlService.isDuringMatchUrlQuerySpan(request)) {
      throw new ForbiddenOperationException(NOT_IN_CONDITION);
    }
    if (!"Patient".equals(search.getResourceType())) {
      throw new ForbiddenOperationException(ONLY_ON_PATIENT);
    }
    for (List<IQueryParameterType> alternatives : has) {
      for (IQueryParameterType value : alternatives) {
        HasParam param = (HasParam) value;
        if (param.getParameterName().startsWith("_has")) {
          throw new ForbiddenOperationException("Een partner of PGO kan _has niet binnen _has gebruiken.");
        }
        String target = param.getTargetResourceType();
        if (!caller.may(target, 's') && !caller.may(target, 'r')) {
          throw new ForbiddenOperationException("De scope van het token (" + String.join(" ", caller.scopes())
              + ") staat zoeken op " + target + " niet toe, ook niet in _has.");
        }
        rules.readers(target).filter(roles -> !roles.contains(caller.tableRole()))
            .ifPresent(roles -> {
              throw new ForbiddenOperationException(target + " is alleen leesbaar voor "
                  + String.join(", ", roles) + ", ook in _has.");
            });
      }
    }
  }
}
