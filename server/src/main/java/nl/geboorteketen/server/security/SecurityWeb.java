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

  /**
   * Only client_credentials is offered here, so only system scopes are advertised; PGO tokens
   * (patient/*.rs) come from the PGO's own authorisation server and are still accepted.
   */
  static final List<String> SCOPES = List.of("system/*.cruds", "system/*.rs");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.Set<String> PARTNER_ROLES = java.util.Set.of("verloskundige", "kraamzorg", "jgz");

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
      handler.addServlet(new ServletHolder(new DevJwksServlet()), "/dev/jwks");
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

  /** The public key the development tokens are signed with, as a JWK Set. */
  private final class DevJwksServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(new com.nimbusds.jose.jwk.JWKSet(devTokens.publicKey()).toString(true));
    }
  }

  private final class SmartConfigurationServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      ObjectNode doc = JSON.createObjectNode();
      doc.put("issuer", issuer);
      doc.put("token_endpoint", tokenEndpoint(root(request)));
      doc.put("jwks_uri", devTokens != null ? root(request) + "/dev/jwks" : issuer + "/.well-known/jwks.json");
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

  /**
   * POST identity=&lt;name&gt; (a seeded identity), or role=&lt;verloskundige|kraamzorg|jgz&gt;&amp;org=Organization/&lt;id&gt;
   * (a partner of an organisation the caller registered), or bsn=&lt;bsn&gt; (a PGO user); optional
   * lifetime=&lt;seconds&gt; (negative: an expired token). Only registered when GK_DEV_TOKENS=true.
   */
  private final class DevTokenServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      ObjectNode doc = JSON.createObjectNode();
      java.util.Map<String, String> form = form(request);
      ObjectNode claims = claimsFor(form);
      long lifetime = lifetime(form.get("lifetime"));
      if (claims == null || lifetime == 0) {
        response.setStatus(400);
        doc.put("error", "invalid_request");
        doc.put("error_description", "Stuur identity=<naam> (een van " + String.join(", ", devTokens.identities().keySet())
            + "), of role=verloskundige|kraamzorg|jgz met org=Organization/<id>, of bsn=<9 cijfers>;"
            + " naar keuze lifetime=<seconden, -3600..3600, niet 0>.");
      } else {
        doc.put("access_token", devTokens.tokenFor(claims, lifetime));
        doc.put("token_type", "Bearer");
        doc.put("expires_in", lifetime);
        doc.put("scope", claims.path("scope").asText());
      }
      JSON.writeValue(response.getOutputStream(), doc);
    }

    /**
     * The form fields, from the body (application/x-www-form-urlencoded) and the query string. The
     * body is parsed here: the request guard has already read it to check its size.
     */
    private java.util.Map<String, String> form(HttpServletRequest request) throws IOException {
      java.util.Map<String, String> fields = new java.util.HashMap<>();
      String body = new String(request.getInputStream().readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
      for (String part : (body + "&" + (request.getQueryString() == null ? "" : request.getQueryString())).split("&")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          fields.putIfAbsent(java.net.URLDecoder.decode(part.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
              java.net.URLDecoder.decode(part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return fields;
    }

    private ObjectNode claimsFor(java.util.Map<String, String> form) {
      String identity = form.get("identity");
      String role = form.get("role");
      String org = form.get("org");
      String bsn = form.get("bsn");
      ObjectNode claims = JSON.createObjectNode();
      if (identity != null) {
        return devTokens.identities().containsKey(identity) ? devTokens.identities().get(identity).deepCopy() : null;
      } else if (role != null && PARTNER_ROLES.contains(role) && org != null && org.matches("Organization/[A-Za-z0-9.-]{1,64}")) {
        claims.put("sub", "dev-" + role).put("client_id", "dev-ehr-" + role).put("gk_role", role).put("gk_org", org)
            .put("scope", "system/*.cruds");
      } else if (bsn != null && bsn.matches("\\d{9}")) {
        // a pseudonymous subject, as a real PGO sends: the BSN itself must never reach a PGO, also not in the audit log
        claims.put("sub", "dev-pgo-" + java.util.UUID.nameUUIDFromBytes(bsn.getBytes(java.nio.charset.StandardCharsets.UTF_8))).put("client_id", "dev-pgo").put("gk_bsn", bsn).put("scope", "patient/*.rs");
      } else {
        return null;
      }
      return claims;
    }

    private static long lifetime(String value) {
      if (value == null) {
        return 3600;
      }
      try {
        long seconds = Long.parseLong(value);
        return Math.abs(seconds) <= 3600 ? seconds : 0;
      } catch (NumberFormatException e) {
        return 0;
      }
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
