package nl.geboorteketen.server.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * HAPI's JSON writer flushes after every number it writes (it hands numbers to Jackson's
 * {@code writeObject}, which flushes), and Jetty sends every flush to the client as a chunk of its
 * own: a `$lip-indicatie` answer of 2.7 kB went out in a network write per decimal, a fifth of the
 * request's CPU (JFR, docs/decisions.md). Here the body's flushes are held back. Jetty still sends
 * whenever its buffer is full and when the response completes, with a Content-Length when the whole
 * body fit in its buffer.
 */
final class HeldFlushResponse extends HttpServletResponseWrapper {

  private ServletOutputStream stream;
  private PrintWriter writer;

  HeldFlushResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      stream = new HeldFlushStream(super.getOutputStream());
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      writer = new HeldFlushWriter(super.getWriter());
    }
    return writer;
  }

  /** HAPI resets the response before it writes an error; the container may then hand out a new writer. */
  @Override
  public void reset() {
    super.reset();
    stream = null;
    writer = null;
  }

  private static final class HeldFlushWriter extends PrintWriter {

    HeldFlushWriter(PrintWriter container) {
      super(container);
    }

    @Override
    public void flush() {
      // held back: the container sends when its buffer is full or the response completes
    }
  }

  private static final class HeldFlushStream extends ServletOutputStream {

    private final ServletOutputStream container;

    HeldFlushStream(ServletOutputStream container) {
      this.container = container;
    }

    @Override
    public void write(int b) throws IOException {
      container.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      container.write(bytes, offset, length);
    }

    @Override
    public void flush() {
      // held back: the container sends when its buffer is full or the response completes
    }

    @Override
    public void close() throws IOException {
      container.close();
    }

    @Override
    public boolean isReady() {
      return container.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      container.setWriteListener(listener);
    }
  }
}
