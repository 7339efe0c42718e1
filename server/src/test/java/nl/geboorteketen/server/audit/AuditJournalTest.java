package nl.geboorteketen.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal the records of reads go to first, on a log of its own (an H2 file, as the server's). */
class AuditJournalTest {

  private static final String ENTITY = "Organization/journalled";

  @TempDir
  Path dir;

  @Test
  void aReadOfTheLogFindsEveryRecordAnsweredBeforeIt() throws Exception {
    AuditLog log = newLog();
    try (JournalMover mover = JournalMover.start(log, dir.resolve("journal"));
        AuditWriter writer = new AuditWriter(mover)) {
      for (int i = 0; i < 3; i++) {
        writer.storeAndWait(read(ENTITY));
      }

      // far fewer than the mover waits for, and read at once: the read itself has them moved
      assertEquals(3, found(log));
    }
  }

  /** Without any read of the log, a few records are in its tables within a fraction of a second. */
  @Test
  void aFewRecordsAreMovedWithoutBeingAskedFor() throws Exception {
    JdbcDataSource ds = dataSource();
    AuditLog log = new AuditLog(ds, FhirContext.forR4Cached());
    try (JournalMover mover = JournalMover.start(log, dir.resolve("journal"));
        AuditWriter writer = new AuditWriter(mover)) {
      writer.storeAndWait(read(ENTITY));
      writer.storeAndWait(read(ENTITY));
      long deadline = System.currentTimeMillis() + 5_000;
      int rows = 0;
      while (rows < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement()
            .executeQuery("SELECT COUNT(*) FROM GK_AUDIT_LOG")) {
          rs.next();
          rows = rs.getInt(1);
        }
      }
      assertEquals(2, rows);
    }
  }

  @Test
  void whatAStopLeftInTheJournalIsMovedOnceAtTheNextStart() throws Exception {
    Path journalDir = dir.resolve("journal");
    AuditJournal journal = new AuditJournal(journalDir);
    journal.open(new AuditJournal.Position(0, 0));
    journal.append(List.of(read(ENTITY), read(ENTITY), read(ENTITY), read(ENTITY), read(ENTITY)));
    journal.close();
    // a kill -9 during a write leaves a line without its end: its request was never answered
    Path file;
    try (var files = Files.list(journalDir)) {
      file = files.findFirst().orElseThrow();
    }
    Files.writeString(file, "{\"recorded\":17330", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    AuditLog log = newLog();
    try (JournalMover first = JournalMover.start(log, journalDir)) {
      assertEquals(5, found(log));
    }
    try (JournalMover second = JournalMover.start(log, journalDir); AuditWriter writer = new AuditWriter(second)) {
      assertEquals(5, found(log), "moved once, not again at the next start");
      writer.storeAndWait(read(ENTITY));
      assertEquals(6, found(log));
    }
    try (var files = Files.list(journalDir)) {
      assertEquals(1, files.count(), "moved files are deleted; the last one written stays");
    }
  }

  /** What a caller sends (a path, a message) cannot end a line: JSON writes a newline as two characters. */
  @Test
  void aNewlineInWhatACallerSentStaysInsideItsRecord() throws Exception {
    Path journalDir = dir.resolve("journal");
    AuditJournal journal = new AuditJournal(journalDir);
    journal.open(new AuditJournal.Position(0, 0));
    String forged = "x\n{\"recorded\":1,\"code\":\"read\",\"resources\":[\"" + ENTITY + "\"]}\n";
    journal.append(List.of(AuditRecord.facts(new AuditRecord.Interaction("read", AuditEvent.AuditEventAction.R,
        false, null), null, null, forged, Set.of(ENTITY), Set.of(), Set.of(), null)));
    journal.close();

    AuditLog log = newLog();
    try (JournalMover mover = JournalMover.start(log, journalDir)) {
      assertEquals(1, found(log));
    }
  }

  private AuditLog newLog() {
    return new AuditLog(dataSource(), FhirContext.forR4Cached());
  }

  private JdbcDataSource dataSource() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=0");
    return ds;
  }

  private static AuditFacts read(String entity) {
    return AuditRecord.facts(new AuditRecord.Interaction("read", AuditEvent.AuditEventAction.R, false, null),
        null, null, "Organization", Set.of(entity), Set.of(), Set.of(), null);
  }

  private static int found(AuditLog log) {
    return log.search(new AuditLog.Query(List.of(Set.of(ENTITY)), null, null, null, null, null, null, false, 1000)).size();
  }
}
