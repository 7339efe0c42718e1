package nl.geboorteketen.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A request for a resource type FHIR R4 does not know is the client's mistake: 400 with a short
 * message, instead of HAPI's 404 listing every type the server knows.
 */
@Interceptor
public class UnknownResourceTypeInterceptor {

  private final FhirContext ctx;

  public UnknownResourceTypeInterceptor(FhirContext ctx) {
    this.ctx = ctx;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
  public boolean check(HttpServletRequest request) {
    String path = request.getPathInfo();
    if (path == null || path.length() < 2) {
      return true;
    }
    String first = path.substring(1).split("/", 2)[0];
    boolean looksLikeType = !first.isEmpty() && Character.isUpperCase(first.charAt(0));
    if (looksLikeType && !ctx.getResourceTypes().contains(first)) {
      throw new InvalidRequestException("Onbekend resourcetype '" + first
          + "': dit is een FHIR R4-server; /fhir/metadata noemt de typen die hij kent.");
    }
    return true;
  }
}
