package nl.geboorteketen.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many readers at once, the writer waiting for company before every commit as it does under load:
 * every record is committed exactly once and every reader is released. Tagged storage: runs on PostgreSQL too.
 */
@Tag("storage")
class AuditWriterConcurrencyTest {

  private static final int READERS = 8;
  private static final int READS_EACH = 300;

  @Test
  void everyRecordOfConcurrentReadersIsCommittedOnce() throws Exception {
    AuditLog log = TestServer.shared().bean(AuditLog.class);
    AuditWriter writer = new AuditWriter(log, new CommitPacing(0) {
      @Override
      long waitNanos(long nowNanos) {
        return WAIT_NANOS; // as under load, from the first record on
      }
    });
    String run = "Organization/writer-" + UUID.randomUUID();
    ExecutorService readers = Executors.newFixedThreadPool(READERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        String reader = run + "-" + r;
        done.add(readers.submit(() -> {
          for (int i = 0; i < READS_EACH; i++) {
            writer.storeAndWait(AuditRecord.facts(new AuditRecord.Interaction("read", AuditEvent.AuditEventAction.R,
                false, null), null, null, "Organization", Set.of(reader, run), Set.of(), Set.of(), null));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      readers.shutdownNow();
    }

    assertEquals(READERS * READS_EACH, found(log, run));
    for (int r = 0; r < READERS; r++) {
      assertEquals(READS_EACH, found(log, run + "-" + r), "reader " + r);
    }
  }

  private static int found(AuditLog log, String entity) {
    return log.search(new AuditLog.Query(List.of(Set.of(entity)), null, null, null, null, null, null, false, 10_000)).size();
  }
}
