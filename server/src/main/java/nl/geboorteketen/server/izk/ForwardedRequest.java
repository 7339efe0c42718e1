package nl.geboorteketen.server.izk;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.geboorteketen.server.pgo.PgoSearchNarrowingInterceptor;

/**
 * An IZK request as the same request to our R4 endpoint: another path, parameters and body, always
 * JSON, uncompressed. Everything else (the bearer token, the correlation headers, the remote address)
 * is the client's own, so the R4 endpoint authenticates, filters and audits it as any request.
 */
final class ForwardedRequest extends HttpServletRequestWrapper {

  private static final String JSON = "application/fhir+json";
  private static final Set<String> REPLACED = Set.of("accept", "content-type", "content-length", "accept-encoding");

  private final String method;
  private final String pathInfo;
  private final Map<String, String[]> parameters;
  private final byte[] body;
  private final boolean herOwn;

  /** {@code herOwn}: a PGO's search about the woman herself, not her family (PgoSearchNarrowingInterceptor). */
  ForwardedRequest(HttpServletRequest original, String method, String pathInfo, Map<String, List<String>> parameters,
      byte[] body, boolean herOwn) {
    super(original);
    this.herOwn = herOwn;
    this.method = method;
    this.pathInfo = pathInfo;
    this.parameters = new LinkedHashMap<>();
    parameters.forEach((k, v) -> this.parameters.put(k, v.toArray(String[]::new)));
    this.body = body;
  }

  @Override public String getMethod() { return method; }
  @Override public String getServletPath() { return "/fhir"; }
  @Override public String getPathInfo() { return pathInfo; }
  @Override public String getRequestURI() { return getContextPath() + "/fhir" + pathInfo; }

  @Override
  public StringBuffer getRequestURL() {
    String url = super.getRequestURL().toString();
    return new StringBuffer(url.substring(0, url.length() - super.getRequestURI().length()) + getRequestURI());
  }

  @Override
  public String getQueryString() {
    if (parameters.isEmpty()) {
      return null;
    }
    return parameters.entrySet().stream().flatMap(e -> java.util.Arrays.stream(e.getValue())
        .map(v -> enc(e.getKey()) + "=" + enc(v))).collect(Collectors.joining("&"));
  }

  // an attribute, not a header: only the server sets it
  @Override
  public Object getAttribute(String name) {
    return PgoSearchNarrowingInterceptor.HER_OWN.equals(name) ? (herOwn ? Boolean.TRUE : null) : super.getAttribute(name);
  }

  @Override public Map<String, String[]> getParameterMap() { return Collections.unmodifiableMap(parameters); }
  @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(parameters.keySet()); }
  @Override public String[] getParameterValues(String name) { return parameters.get(name); }

  @Override
  public String getParameter(String name) {
    String[] v = parameters.get(name);
    return v == null || v.length == 0 ? null : v[0];
  }

  @Override
  public String getHeader(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "accept" -> JSON;
      case "content-type" -> body == null ? null : JSON + ";charset=utf-8";
      case "content-length" -> body == null ? null : String.valueOf(body.length);
      case "accept-encoding" -> null;
      default -> super.getHeader(name);
    };
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    String value = getHeader(name);
    if (REPLACED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
      return Collections.enumeration(value == null ? List.of() : List.of(value));
    }
    return super.getHeaders(name);
  }

  @Override public String getContentType() { return getHeader("content-type"); }
  @Override public int getContentLength() { return body == null ? -1 : body.length; }
  @Override public long getContentLengthLong() { return getContentLength(); }
  @Override public String getCharacterEncoding() { return "UTF-8"; }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body == null ? new byte[0] : body);
    return new ServletInputStream() {
      @Override public int read() { return in.read(); }
      @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
      @Override public boolean isFinished() { return in.available() == 0; }
      @Override public boolean isReady() { return true; }
      @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
