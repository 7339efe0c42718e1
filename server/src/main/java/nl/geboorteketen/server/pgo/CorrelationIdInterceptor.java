package nl.geboorteketen.server.pgo;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.regex.Pattern;

/** MedMij: every answer carries X-Correlation-ID — the client's own, or a new one when it sent none. */
@Interceptor
public class CorrelationIdInterceptor {

  public static final String HEADER = "X-Correlation-ID";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED, order = -100)
  public boolean echo(HttpServletRequest request, HttpServletResponse response) {
    String id = request.getHeader(HEADER);
    if (id == null || !SAFE.matcher(id).matches()) {
      id = UUID.randomUUID().toString();
    }
    response.setHeader(HEADER, id);
    request.setAttribute(HEADER, id);
    return true;
  }
}
