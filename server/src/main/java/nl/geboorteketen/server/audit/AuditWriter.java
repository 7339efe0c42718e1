package nl.geboorteketen.server.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the audit records of reads, searches, operations and refusals with group commit: the
 * request waits until its record is committed (so an access that was answered is always in the
 * log, also after kill -9; on H2 to the journal the log is filled from, {@link JournalMover}), but
 * the records of requests that arrive together share one transaction and one durable commit
 * instead of paying one each. A batch that fails is retried
 * record by record, so one bad record cannot take the others' answers with it. Under load the writer
 * waits up to a millisecond for more records before it commits ({@link CommitPacing}).
 */
public class AuditWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
  private static final int MAX_BATCH = 128;
  private static final long WAIT_SECONDS = 30;

  private record Pending(AuditFacts record, CompletableFuture<Void> stored) {}

  /** Where a group goes before its requests are answered: the log's tables, or the journal. */
  public interface Sink {
    void store(List<AuditFacts> records) throws Exception;
  }

  private final Sink sink;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final CommitPacing pacing;

  public AuditWriter(AuditLog log) {
    this(log::appendCommitted);
  }

  public AuditWriter(Sink sink) {
    this(sink, new CommitPacing(System.nanoTime()));
  }

  AuditWriter(AuditLog log, CommitPacing pacing) {
    this(log::appendCommitted, pacing);
  }

  AuditWriter(Sink sink, CommitPacing pacing) {
    this.sink = sink;
    this.pacing = pacing;
    Thread writer = new Thread(this::run, "gk-audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Closes the sink when it holds anything (the journal: what is left is moved into the log). */
  @Override
  public void close() throws Exception {
    if (sink instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /** Returns once the record is committed; throws when it could not be. */
  public void storeAndWait(AuditFacts record) {
    Pending pending = new Pending(record, new CompletableFuture<>());
    queue.add(pending);
    try {
      pending.stored().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the audit record was stored", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The audit record was not stored", e);
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH - 1);
        waitForCompany(batch);
        write(batch);
        pacing.committed(batch.size(), System.nanoTime());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException unexpected) {
        LOG.error("Audit writer: unexpected failure", unexpected);
        batch.forEach(p -> p.stored().completeExceptionally(unexpected));
      }
      batch.clear();
    }
  }

  private void waitForCompany(List<Pending> batch) throws InterruptedException {
    long now = System.nanoTime();
    long deadline = now + pacing.waitNanos(now);
    while (batch.size() < MAX_BATCH) {
      long left = deadline - System.nanoTime();
      Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, MAX_BATCH - batch.size());
    }
  }

  private void write(List<Pending> batch) {
    try {
      sink.store(batch.stream().map(Pending::record).toList());
      batch.forEach(p -> p.stored().complete(null));
    } catch (Exception batchFailed) {
      for (Pending p : batch) {
        try {
          sink.store(List.of(p.record()));
          p.stored().complete(null);
        } catch (Exception failed) {
          p.stored().completeExceptionally(failed);
        }
      }
    }
  }
}
