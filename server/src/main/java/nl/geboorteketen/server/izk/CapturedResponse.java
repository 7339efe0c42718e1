package nl.geboorteketen.server.izk;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The R4 endpoint's answer, held back so the IZK view can make it STU3 before the client sees it. */
final class CapturedResponse extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private PrintWriter writer;
  private int status = 200;

  CapturedResponse(HttpServletResponse original) {
    super(original);
  }

  int status() { return status; }

  byte[] body() {
    if (writer != null) {
      writer.flush();
    }
    return body.toByteArray();
  }

  /** The answer made into another one of the same status, as the view needs it (a record shown as another type). */
  void replaceBody(byte[] replacement) {
    body();
    body.reset();
    body.writeBytes(replacement);
  }

  String header(String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0)).findFirst().orElse(null);
  }

  @Override public void setStatus(int sc) { status = sc; }
  @Override public int getStatus() { return status; }
  @Override public void sendError(int sc) { status = sc; }
  @Override public void sendError(int sc, String msg) { status = sc; }
  @Override public void setHeader(String name, String value) { headers.put(name, new ArrayList<>(List.of(value))); }
  @Override public void addHeader(String name, String value) { headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value); }
  @Override public void setIntHeader(String name, int value) { setHeader(name, String.valueOf(value)); }
  @Override public void setDateHeader(String name, long date) { setHeader(name, String.valueOf(date)); }
  @Override public boolean containsHeader(String name) { return header(name) != null; }
  @Override public String getHeader(String name) { return header(name); }
  @Override public void setContentType(String type) { setHeader("Content-Type", type); }
  @Override public void setContentLength(int len) {}
  @Override public void setContentLengthLong(long len) {}
  @Override public void setCharacterEncoding(String charset) {}
  @Override public void flushBuffer() {}
  @Override public boolean isCommitted() { return false; }
  @Override public void reset() { body.reset(); headers.clear(); status = 200; }
  @Override public void resetBuffer() { body.reset(); }

  @Override
  public ServletOutputStream getOutputStream() {
    return new ServletOutputStream() {
      @Override public void write(int b) { body.write(b); }
      @Override public void write(byte[] b, int off, int len) { body.write(b, off, len); }
      @Override public boolean isReady() { return true; }
      @Override public void setWriteListener(WriteListener listener) { throw new UnsupportedOperationException(); }
    };
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
    }
    return writer;
  }
}
