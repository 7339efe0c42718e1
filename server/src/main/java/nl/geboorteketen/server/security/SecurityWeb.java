package nl.geboorteketen.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** The anonymous SMART discovery document and, only when enabled, the development token endpoint. */
public final class SecurityWeb {

  static final List<String> SCOPES = List.of("system/*.cruds", "system/*.rs", "patient/*.rs");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String issuer;
  private final DevTokens devTokens;

  public SecurityWeb(String issuer, DevTokens devTokens) {
    this.issuer = issuer;
    this.devTokens = devTokens;
  }

  public void install(ServletContextHandler handler) {
    ServletHolder smart = new ServletHolder(new SmartConfigurationServlet());
    handler.addServlet(smart, "/.well-known/smart-configuration");
    handler.addServlet(smart, "/fhir/.well-known/smart-configuration");
    if (devTokens != null) {
      handler.addServlet(new ServletHolder(new DevTokenServlet()), "/dev/token");
    }
  }

  /** Where tokens come from: the development endpoint when on, else the issuer's /token. */
  public String tokenEndpoint(String serverRoot) {
    return devTokens != null ? serverRoot + "/dev/token" : issuer + "/token";
  }

  private static String root(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    return url.substring(0, url.length() - request.getRequestURI().length());
  }

  private final class SmartConfigurationServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      ObjectNode doc = JSON.createObjectNode();
      doc.put("issuer", issuer);
      doc.put("token_endpoint", tokenEndpoint(root(request)));
      doc.putArray("grant_types_supported").add("client_credentials");
      doc.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt");
      doc.putArray("token_endpoint_auth_signing_alg_values_supported").add("RS256").add("ES256");
      SCOPES.forEach(doc.putArray("scopes_supported")::add);
      doc.putArray("capabilities").add("client-confidential-asymmetric").add("permission-v2");
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      JSON.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), doc);
    }
  }

  /** POST identity=<name> → {"access_token": …}. Only registered when GK_DEV_TOKENS=true. */
  private final class DevTokenServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String identity = request.getParameter("identity");
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      ObjectNode doc = JSON.createObjectNode();
      String token = identity == null ? null : devTokens.tokenFor(identity).orElse(null);
      if (token == null) {
        response.setStatus(400);
        doc.put("error", "invalid_request");
        doc.put("error_description", "Send identity=<name>, one of " + String.join(", ", devTokens.identities().keySet()));
      } else {
        doc.put("access_token", token);
        doc.put("token_type", "Bearer");
        doc.put("expires_in", 3600);
        doc.put("scope", devTokens.identities().get(identity).path("scope").asText());
      }
      JSON.writeValue(response.getOutputStream(), doc);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("application/json");
      ObjectNode doc = JSON.createObjectNode();
      doc.put("warning", "DEVELOPMENT TOKENS ARE ON (GK_DEV_TOKENS=true). Never run like this with real data.");
      devTokens.identities().keySet().forEach(doc.putArray("identities")::add);
      JSON.writeValue(response.getOutputStream(), doc);
    }
  }
}
