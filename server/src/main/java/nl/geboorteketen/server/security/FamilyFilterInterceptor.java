package nl.geboorteketen.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import nl.geboorteketen.server.pgo.BsnMasker;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Filters every resource the store hands out — search results, _include and _revinclude,
 * history, $everything, pages — to the families the caller may see, and masks the BSN for PGOs.
 * Both storage hooks run for every path that returns stored resources, so there is no way around.
 */
@Interceptor
public class FamilyFilterInterceptor {

  private final FamilyScope scope;
  private final BsnMasker masker;

  public FamilyFilterInterceptor(FamilyScope scope, BsnMasker masker) {
    this.scope = scope;
    this.masker = masker;
  }

  @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
  public void beforeAccess(IPreResourceAccessDetails details, RequestDetails request) {
    Caller caller = AuthenticationInterceptor.caller(request);
    if (caller == null || caller.isBeheerder()) {
      return;
    }
    for (int i = 0; i < details.size(); i++) {
      IBaseResource r = details.getResource(i);
      if (r != null && !scope.maySee(request, caller, r)) {
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
      if (!scope.maySee(request, caller, r)) {
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
}
