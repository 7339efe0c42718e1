package nl.geboorteketen.server.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Set;

/**
 * Before HAPI writes an OperationOutcome it saves the response headers, resets the response and
 * adds them back; Jetty 12 has already put its Date and Server back after the reset, so each came
 * twice. HTTP allows one Date: these headers are replaced, never added a second time.
 */
final class OneDateResponse extends HttpServletResponseWrapper {

  private static final Set<String> SINGLE = Set.of("date", "server");

  OneDateResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void addHeader(String name, String value) {
    if (name != null && SINGLE.contains(name.toLowerCase(java.util.Locale.ROOT))) {
      setHeader(name, value);
    } else {
      super.addHeader(name, value);
    }
  }
}
