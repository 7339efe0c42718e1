package nl.geboorteketen.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any servlet runs (an ambiguous path such as
 * {@code /fhir/Patient/%2e%2e/x} or an encoded slash, a bad request line), as an OperationOutcome
 * like every other refusal, instead of Jetty's HTML page.
 */
public final class OutcomeErrorHandlers {

  private OutcomeErrorHandlers() {}

  /** For the servlet context. */
  public static org.eclipse.jetty.ee10.servlet.ErrorHandler servlet() {
    return new org.eclipse.jetty.ee10.servlet.ErrorHandler() {
      @Override
      public boolean errorPageForMethod(String method) {
        return true; // PUT and DELETE get an OperationOutcome too (Jetty's default: GET, POST, HEAD only)
      }

      @Override
      protected void generateAcceptableResponse(ServletContextRequest baseRequest, HttpServletRequest request,
          HttpServletResponse response, int code, String message) throws IOException {
        PlainOutcome.send(response, code, code >= 500 ? "exception" : "invalid", text(code, message));
      }
    };
  }

  /** For the server, outside any context. */
  public static ErrorHandler server() {
    return new ErrorHandler() {
      @Override
      public boolean errorPageForMethod(String method) {
        return true;
      }

      @Override
      protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
          Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/fhir+json;charset=utf-8");
        String json = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
            + (code >= 500 ? "exception" : "invalid") + "\",\"diagnostics\":\""
            + text(code, message).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}]}";
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
      }
    };
  }

  private static String text(int code, String message) {
    String reason = message == null || message.isBlank() ? "HTTP " + code : message;
    return code == 400
        ? "De URL of de aanvraagregel wordt niet aangenomen (" + reason + "). Gebruik eenvoudige resource-ids: "
            + "letters, cijfers, '-' en '.', hoogstens 64 tekens, geen padsegmenten als '..' of een gecodeerde '/'."
        : reason;
  }
}
