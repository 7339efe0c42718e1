package nl.geboorteketen.server.storage;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;

/**
 * A write with If-Match that loses to another write of the same version is a failed precondition:
 * 412, as FHIR's optimistic locking says (HAPI answers 409 when two such writes overlap in time).
 * Without If-Match a version conflict stays 409.
 */
@Interceptor
public class IfMatchInterceptor {

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException ifMatchConflictIs412(RequestDetails request, Throwable thrown) {
    if (thrown instanceof ResourceVersionConflictException && request != null && request.getHeader("If-Match") != null) {
      return new PreconditionFailedException("De resource is sinds versie " + request.getHeader("If-Match")
          + " door een ander gewijzigd. Lees de huidige versie en breng uw wijziging daarop aan.");
    }
    return null;
  }
}
