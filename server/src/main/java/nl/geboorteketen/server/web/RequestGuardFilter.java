package nl.geboorteketen.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses, before any parsing, request bodies over the configured size (413) and XML that
 * declares a DOCTYPE or an entity (400): the XXE family of attacks never reaches a parser. A body
 * nested deeper than any record is refused too (400, {@link NestingDepth}). Every
 * response gets one Date header ({@link OneDateResponse}) and leaves whole ({@link HeldFlushResponse}).
 */
public class RequestGuardFilter extends HttpFilter {

  private static final long DRAIN_FACTOR = 4;

  /** Objects and arrays in JSON, elements in XML; FHIR records nest some ten deep. */
  static final int MAX_NESTING = 100;

  private static final Pattern DTD = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

  private final long maxBytes;

  public RequestGuardFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response = new HeldFlushResponse(new OneDateResponse(response));
    String method = request.getMethod();
    if (!("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > maxBytes) {
      tooLarge(request, response);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
    if (body.length > maxBytes) {
      tooLarge(request, response);
      return;
    }
    if (looksLikeXml(request.getContentType(), body) && DTD.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
      PlainOutcome.send(response, 400, "security",
          "XML met een DOCTYPE- of ENTITY-declaratie wordt niet aangenomen. Stuur de resource zonder DOCTYPE.");
      return;
    }
    if (tooDeep(request.getContentType(), body)) {
      PlainOutcome.send(response, 400, "structure", "De body is dieper genest dan " + MAX_NESTING
          + " niveaus; geen FHIR-resource komt zo diep. Stuur de resource met minder geneste elementen.");
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /**
   * A body up to a few times the maximum is read and dropped before the answer: closing a
   * connection with unread bytes resets it, and a client still sending then never saw the 413
   * (BadInputTest's 20 MB body, now and then). A larger body is not read: the connection just closes.
   */
  private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long length = request.getContentLengthLong();
    if (length <= DRAIN_FACTOR * maxBytes) {
      InputStream in = request.getInputStream();
      byte[] buffer = new byte[65536];
      long drained = 0;
      int n;
      while (drained < DRAIN_FACTOR * maxBytes && (n = in.read(buffer)) > 0) {
        drained += n;
      }
    }
    PlainOutcome.send(response, 413, "too-costly",
        "De body van de aanvraag is groter dan het maximum van " + maxBytes + " bytes (instelling GK_MAX_REQUEST_BYTES).");
  }

  /** Only what a FHIR parser would read: a Binary's bytes are no structure. */
  private static boolean tooDeep(String contentType, byte[] body) {
    if (looksLikeXml(contentType, body)) {
      return NestingDepth.exceeds(body, true, MAX_NESTING);
    }
    boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")
        || firstByte(body) == '{' || firstByte(body) == '[';
    return json && !isForm(contentType) && NestingDepth.exceeds(body, false, MAX_NESTING);
  }

  private static boolean isForm(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  private static boolean looksLikeXml(String contentType, byte[] body) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("xml")) {
      return true;
    }
    return firstByte(body) == '<';
  }

  /** The first byte that is not whitespace or a UTF-8 byte order mark, or 0. */
  private static byte firstByte(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
        return b;
      }
    }
    return 0;
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
      out.write(buffer, 0, n);
      total += n;
    }
    return out.toByteArray();
  }

  /**
   * The request with its body already read, so the FHIR server can read it again. Having read the
   * body, the container no longer parses a form from it, so a form body ({@code POST
   * [type]/_search}) is parsed here: its parameters join those of the query string, as the
   * servlet specification has it.
   */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;
    private Map<String, String[]> parameters;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public synchronized Map<String, String[]> getParameterMap() {
      if (parameters == null) {
        String type = getContentType();
        parameters = isForm(type)
            ? FormParameters.merge(super.getParameterMap(), new String(body, charset()))
            : super.getParameterMap();
      }
      return parameters;
    }

    @Override
    public String getParameter(String name) {
      String[] values = getParameterMap().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = getParameterMap().get(name);
      return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    private Charset charset() {
      try {
        return getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
      } catch (IllegalArgumentException unknown) {
        return StandardCharsets.UTF_8;
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
