package nl.geboorteketen.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes an OperationOutcome from outside HAPI's request handling (servlet filters), where the
 * request was refused before any FHIR parsing took place.
 */
final class PlainOutcome {

  private PlainOutcome() {}

  static void send(HttpServletResponse response, int status, String code, String diagnostics) throws IOException {
    response.setStatus(status);
    response.setContentType("application/fhir+json;charset=utf-8");
    String json = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
        + code + "\",\"diagnostics\":\"" + escape(diagnostics) + "\"}]}";
    response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
