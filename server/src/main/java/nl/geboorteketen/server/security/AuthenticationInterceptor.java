package nl.geboorteketen.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every FHIR request except /metadata carries a valid bearer token; the verified caller is kept
 * on the request for the authorisation, filtering and audit that follow.
 */
@Interceptor
public class AuthenticationInterceptor {

  private static final String CALLER = AuthenticationInterceptor.class.getName() + ".caller";

  private final TokenVerifier verifier;
  private final String realm;

  public AuthenticationInterceptor(TokenVerifier verifier, String realm) {
    this.verifier = verifier;
    this.realm = realm;
  }

  /** The verified caller of this request, or null for anonymous (metadata) and internal requests. */
  public static Caller caller(RequestDetails request) {
    return request == null ? null : (Caller) request.getUserData().get(CALLER);
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean authenticate(RequestDetails request, HttpServletRequest servletRequest) {
    String header = servletRequest.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      if (isAnonymousPath(servletRequest.getPathInfo())) {
        return true;
      }
      throw unauthorized("invalid_request", "Deze aanvraag vraagt een bearer-token (Authorization: Bearer <JWT>).");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized("invalid_request", "De server neemt alleen een bearer-token aan (Authorization: Bearer <JWT>).");
    }
    try {
      request.getUserData().put(CALLER, verifier.verify(header.substring(7).trim()));
    } catch (TokenVerifier.InvalidTokenException e) {
      throw unauthorized("invalid_token", e.getMessage());
    }
    return true;
  }

  static boolean isAnonymousPath(String pathInfo) {
    return pathInfo != null && (pathInfo.equals("/metadata") || pathInfo.equals("/metadata/"));
  }

  private AuthenticationException unauthorized(String error, String message) {
    AuthenticationException e = new AuthenticationException(message);
    e.addResponseHeader("WWW-Authenticate",
        "Bearer realm=\"" + realm + "\", error=\"" + error + "\", error_description=\"" + message.replace('"', '\'') + "\"");
    return e;
  }
}
