package nl.geboorteketen.server.storage;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.sql.SQLTransientConnectionException;

/**
 * A request that got no database connection within the pool's connection timeout (all
 * GK_DB_POOL_SIZE connections busy, or the database unreachable) is answered 503 with
 * Retry-After, so a client or load balancer retries, instead of a 500 that looks like a bug.
 */
@Interceptor
public class StorageUnavailableInterceptor {

  static final String MESSAGE = "De database is bezet of onbereikbaar (geen verbinding vrij binnen de wachttijd). "
      + "Er is niets gewijzigd; probeer het zo opnieuw.";

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException mapNoConnection(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return unavailable(MESSAGE);
      }
    }
    return null;
  }

  /** 503 with Retry-After: the server is busy, nothing was changed, try again shortly. */
  public static BaseServerResponseException unavailable(String message) {
    UnclassifiedServerFailureException unavailable = new UnclassifiedServerFailureException(503, message);
    unavailable.addResponseHeader("Retry-After", "2");
    return unavailable;
  }
}
