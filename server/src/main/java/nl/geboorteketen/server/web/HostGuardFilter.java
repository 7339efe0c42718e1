package nl.geboorteketen.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Links, fullUrls and the SMART token endpoint are built from the request's host. A Host header
 * the server was not configured for (the host of GK_PUBLIC_BASE_URL, the bind address, or this
 * machine's loopback) is refused, so no answer points a client at an attacker's host. The health
 * endpoints answer any host: they build no links.
 */
public class HostGuardFilter extends HttpFilter {

  private final Set<String> allowed = new TreeSet<>();

  public HostGuardFilter(String publicBaseUrl, String bindHost) {
    allowed.addAll(Set.of("localhost", "127.0.0.1", "[::1]", "::1"));
    if (publicBaseUrl != null && !publicBaseUrl.isBlank()) {
      allowed.add(URI.create(publicBaseUrl).getHost().toLowerCase(Locale.ROOT));
    }
    if (bindHost != null && !bindHost.isBlank() && !bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
      allowed.add(bindHost.toLowerCase(Locale.ROOT));
    }
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
    // a load balancer's health check may address the node by its IP; those answers carry no links
    boolean health = request.getRequestURI() != null && request.getRequestURI().startsWith("/health/");
    if (!health && !allowed.contains(host)) {
      PlainOutcome.send(response, 400, "security", "Host '" + host + "' is geen naam van deze server (toegestaan: "
          + String.join(", ", allowed) + "). Zet GK_PUBLIC_BASE_URL op het adres dat clients gebruiken.");
      return;
    }
    chain.doFilter(request, response);
  }
}
