package nl.geboorteketen.server.pgo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.geboorteketen.server.security.AuthenticationInterceptor;
import nl.geboorteketen.server.security.Caller;
import nl.geboorteketen.server.security.FamilyScope;

/**
 * A PGO searches without naming the patient: the search is narrowed to her family (patient=...
 * or _id=... added), so paging and totals count her own resources only. The family filter still
 * checks every resource that comes back.
 */
@Interceptor
public class PgoSearchNarrowingInterceptor {

  /**
   * Request attribute: this search is about the woman herself, not her family. The MedMij IZK endpoint
   * sets it for Patient and RelatedPerson: her token scopes those to her, and her children come with the
   * records about them.
   */
  public static final String HER_OWN = "nl.geboorteketen.pgo.her-own";

  private final FhirContext ctx;
  private final FamilyScope scope;

  public PgoSearchNarrowingInterceptor(FhirContext ctx, FamilyScope scope) {
    this.ctx = ctx;
    this.scope = scope;
  }

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = 100)
  public boolean narrow(RequestDetails request) {
    Caller caller = AuthenticationInterceptor.caller(request);
    if (caller == null || !caller.isPgo() || request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE
        || request.getResourceName() == null) {
      return true;
    }
    String param = narrowingParameter(request.getResourceName());
    if (param == null) {
      return true;
    }
    Set<String> family = scope.visiblePatients(request, caller);
    if (herOwn(request)) {
      Optional<String> self = scope.pgoPerson(caller);
      family = family.stream().filter(p -> self.isPresent() && p.equals(self.get())).collect(Collectors.toSet());
    }
    String values = family.isEmpty() ? "Patient/no-such-person"
        : family.stream().map(p -> param.equals("_id") ? p.substring("Patient/".length()) : p)
            .collect(Collectors.joining(","));
    Map<String, String[]> params = new HashMap<>(request.getParameters());
    String[] existing = params.getOrDefault(param, new String[0]);
    if (Arrays.asList(existing).contains(values)) {
      return true; // already exactly her family; HAPI refuses a parameter given twice with the same value
    }
    String[] combined = Arrays.copyOf(existing, existing.length + 1);
    combined[existing.length] = values;
    params.put(param, combined);
    request.setParameters(params);
    return true;
  }

  private static boolean herOwn(RequestDetails request) {
    return request instanceof ServletRequestDetails s && s.getServletRequest() != null
        && Boolean.TRUE.equals(s.getServletRequest().getAttribute(HER_OWN));
  }

  private String narrowingParameter(String type) {
    if (type.equals("Patient")) {
      return "_id";
    }
    RuntimeSearchParam sp = ctx.getResourceDefinition(type).getSearchParam("patient");
    return sp != null && (sp.getTargets().isEmpty() || sp.getTargets().contains("Patient")) ? "patient" : null;
  }
}
