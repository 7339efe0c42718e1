package nl.geboorteketen.server.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves journalled audit records into the log's tables, a few hundred per transaction: H2 spent
 * 113 µs per record committing them in the groups concurrent reads make (4–8), 48 µs in groups of
 * 500 (a micro-benchmark of the log's own tables, docs/decisions.md). Every read of the log waits
 * until what was journalled before it is moved ({@link #flush}), so the log never misses an answered access.
 */
public final class JournalMover implements AuditWriter.Sink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JournalMover.class);
  private static final int MOVE_AT = 512;
  private static final int MOST_AT_ONCE = 4096;
  private static final long MOVE_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  private static final long FLUSH_WAIT_MILLIS = 30_000;

  private final AuditJournal journal;
  private final AuditLog log;
  private final ArrayDeque<AuditJournal.Entry> waiting = new ArrayDeque<>();
  private final Thread thread;
  private long handed;
  private long moved;
  private long deletedBefore;
  private long oldestNanos;
  private boolean flushRequested;
  private boolean closing;

  private JournalMover(AuditJournal journal, AuditLog log) {
    this.journal = journal;
    this.log = log;
    this.thread = new Thread(this::run, "gk-audit-mover");
    thread.setDaemon(true);
  }

  /**
   * Moves what an earlier run left in the journal, opens a new file and starts moving; every read
   * of {@code log} waits for what was journalled before it.
   */
  public static JournalMover start(AuditLog log, Path dir) throws IOException, SQLException {
    AuditJournal journal = new AuditJournal(dir);
    AuditJournal.Position moved = log.journalMoved();
    List<AuditJournal.Entry> left = journal.leftAfter(moved);
    for (int from = 0; from < left.size(); from += MOST_AT_ONCE) {
      move(log, left.subList(from, Math.min(left.size(), from + MOST_AT_ONCE)));
    }
    if (!left.isEmpty()) {
      LOG.info("Audit journal: {} record(s) written before the last stop moved into the log", left.size());
      moved = left.get(left.size() - 1).end();
    }
    journal.open(moved);
    journal.deleteBefore(moved.file() + 1);
    JournalMover mover = new JournalMover(journal, log);
    mover.deletedBefore = moved.file() + 1;
    log.beforeReading(mover::flush);
    mover.thread.start();
    return mover;
  }

  /** Journals a group before its requests are answered; the mover takes it from there. */
  @Override
  public void store(List<AuditFacts> records) throws IOException {
    List<AuditJournal.Entry> entries = journal.append(records);
    synchronized (this) {
      boolean first = waiting.isEmpty();
      if (first) {
        oldestNanos = System.nanoTime();
      }
      waiting.addAll(entries);
      handed += entries.size();
      if (first || waiting.size() >= MOVE_AT) {
        notifyAll(); // the first starts the mover's clock; MOVE_AT ends its wait
      }
    }
  }

  /** Returns once every record journalled before the call is in the tables. */
  public synchronized void flush() {
    long target = handed;
    long deadline = System.currentTimeMillis() + FLUSH_WAIT_MILLIS;
    flushRequested = true;
    notifyAll();
    try {
      while (moved < target) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          throw new IllegalStateException("The audit journal was not moved into the log within " + FLUSH_WAIT_MILLIS + " ms");
        }
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the audit journal was moved", e);
    }
  }

  /** Moves what is left, then stops. */
  @Override
  public void close() throws Exception {
    synchronized (this) {
      closing = true;
      notifyAll();
    }
    thread.join(FLUSH_WAIT_MILLIS);
    journal.close();
  }

  private void run() {
    while (true) {
      List<AuditJournal.Entry> batch;
      try {
        batch = next();
      } catch (InterruptedException e) {
        return;
      }
      if (batch.isEmpty()) {
        return;
      }
      try {
        move(log, batch);
        synchronized (this) {
          moved += batch.size();
          notifyAll();
        }
        long file = batch.get(batch.size() - 1).end().file();
        if (file > deletedBefore) { // a new file was started: the ones before it are wholly moved
          journal.deleteBefore(file);
          deletedBefore = file;
        }
      } catch (SQLException | RuntimeException e) {
        LOG.error("Audit journal: {} record(s) could not be moved into the log; trying again", batch.size(), e);
        synchronized (this) {
          for (int i = batch.size() - 1; i >= 0; i--) {
            waiting.addFirst(batch.get(i));
          }
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  /** The next group to move, once there is enough, it has waited long enough, or a read asks; empty: stop. */
  private synchronized List<AuditJournal.Entry> next() throws InterruptedException {
    while (true) {
      long waited = waiting.isEmpty() ? 0 : System.nanoTime() - oldestNanos;
      if (waiting.size() >= MOVE_AT || !waiting.isEmpty() && (flushRequested || closing || waited >= MOVE_AFTER_NANOS)) {
        break;
      }
      if (closing) {
        return List.of();
      }
      if (waiting.isEmpty()) {
        flushRequested = false;
        wait();
      } else {
        TimeUnit.NANOSECONDS.timedWait(this, MOVE_AFTER_NANOS - waited);
      }
    }
    List<AuditJournal.Entry> batch = new ArrayList<>(Math.min(waiting.size(), MOST_AT_ONCE));
    while (!waiting.isEmpty() && batch.size() < MOST_AT_ONCE) {
      batch.add(waiting.pollFirst());
    }
    oldestNanos = System.nanoTime();
    if (waiting.isEmpty()) {
      flushRequested = false;
    }
    return batch;
  }

  private static void move(AuditLog log, List<AuditJournal.Entry> batch) throws SQLException {
    log.appendMoved(batch.stream().map(AuditJournal.Entry::facts).toList(),
        batch.stream().map(AuditJournal.Entry::json).toList(), batch.get(batch.size() - 1).end());
  }
}
