package nl.geboorteketen.server.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit records of reads, searches and operations as lines of JSON in numbered files, written
 * before the request is answered: one write per group, which the operating system keeps through a
 * kill -9 as it keeps H2's commits (the server's {@code WRITE_DELAY=0} does not sync either).
 * {@link JournalMover} moves them into the log's tables in large groups; what it had not moved when
 * the server stopped is moved at the next start, from the position the tables record.
 */
public final class AuditJournal implements Closeable {

  /** A place in the journal: a file's number and a byte offset in it. */
  public record Position(long file, long offset) {}

  /** A record as written: its facts, its line, and the position just after the line. */
  record Entry(AuditFacts facts, String json, Position end) {}

  private static final Logger LOG = LoggerFactory.getLogger(AuditJournal.class);
  private static final long NEW_FILE_AFTER_BYTES = 8L << 20;
  private static final String SUFFIX = ".jsonl";

  private final Path dir;
  private FileChannel channel;
  private long file;
  private long offset;

  public AuditJournal(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /**
   * The records after {@code moved}, oldest first. A last line without its newline was cut off by a
   * crash while it was written: its request was never answered, so it is left out.
   */
  List<Entry> leftAfter(Position moved) throws IOException {
    List<Entry> left = new ArrayList<>();
    for (long seq : files()) {
      if (seq < moved.file()) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(path(seq));
      int start = seq == moved.file() ? (int) moved.offset() : 0;
      for (int i = start; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          String json = new String(bytes, start, i - start, StandardCharsets.UTF_8);
          try {
            left.add(new Entry(AuditLog.decodeFacts(json), json, new Position(seq, i + 1)));
          } catch (IOException unreadable) {
            LOG.error("Audit journal {}: a line at byte {} could not be read and is skipped", path(seq), start, unreadable);
          }
          start = i + 1;
        }
      }
    }
    return left;
  }

  /** Starts writing in a new file, numbered after every file there is and after {@code moved}. */
  synchronized void open(Position moved) throws IOException {
    long last = files().stream().mapToLong(Long::longValue).max().orElse(0);
    startFile(Math.max(last, moved.file()) + 1);
  }

  /** Appends the records, one line each, in one write; returns once the operating system has them. */
  synchronized List<Entry> append(List<AuditFacts> records) throws IOException {
    if (offset >= NEW_FILE_AFTER_BYTES) {
      channel.close();
      startFile(file + 1);
    }
    List<Entry> entries = new ArrayList<>(records.size());
    List<byte[]> lines = new ArrayList<>(records.size());
    int size = 0;
    for (AuditFacts f : records) {
      String json = AuditLog.encode(f);
      byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
      lines.add(line);
      size += line.length;
      entries.add(new Entry(f, json, new Position(file, offset + size)));
    }
    ByteBuffer buffer = ByteBuffer.allocate(size);
    lines.forEach(buffer::put);
    buffer.flip();
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException failed) {
      // a cut line stays at the end of its file; what is retried starts a line of its own in the next
      channel.close();
      startFile(file + 1);
      throw failed;
    }
    offset += size;
    return entries;
  }

  /** Deletes the files before this one: everything in them is in the tables. */
  void deleteBefore(long seq) {
    for (long old : files()) {
      if (old < seq) {
        try {
          Files.deleteIfExists(path(old));
        } catch (IOException e) {
          LOG.warn("Audit journal {} is moved but could not be deleted: {}", path(old), e.getMessage());
        }
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }

  private void startFile(long seq) throws IOException {
    channel = FileChannel.open(path(seq), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    file = seq;
    offset = 0;
  }

  private List<Long> files() {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
          .map(n -> Long.parseLong(n.substring(0, n.length() - SUFFIX.length()))).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("The audit journal " + dir + " could not be listed: " + e.getMessage(), e);
    }
  }

  private Path path(long seq) {
    return dir.resolve(String.format("%012d%s", seq, SUFFIX));
  }
}
