package nl.geboorteketen.server.audit;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.geboorteketen.server.storage.OwnTables;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The NEN 7513 log: append-only rows of our own (no FHIR resource, no search indexes of HAPI's),
 * each the record's {@link AuditFacts} as JSON plus the columns it is searched by, and one row per
 * resource or patient it names. Nothing updates or deletes a row. The BALP AuditEvent is built when
 * the log is read; rows written before 2026-12-04 hold the AuditEvent itself and are served as stored.
 */
public class AuditLog {

  /**
   * What to search for; null means any. Entities and patients come as FHIR's AND of ORs: a record
   * matches when it names at least one reference of every set, so an empty set matches nothing.
   */
  public record Query(List<Set<String>> entities, List<Set<String>> patients, String agent, String subtype,
      String outcome, java.util.Date from, java.util.Date to, boolean newestFirst, int limit) {}

  private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final DataSource dataSource;
  private final FhirContext ctx;
  private volatile Runnable beforeReading = () -> {};

  public AuditLog(DataSource dataSource, FhirContext ctx) {
    this.dataSource = dataSource;
    this.ctx = ctx;
    createTables();
  }

  /** Runs before every read of the log: records answered but not yet in the tables are moved there first. */
  public void beforeReading(Runnable flush) {
    this.beforeReading = flush;
  }

  /** Appends on the connection of the surrounding transaction, if any (a write and its record commit together). */
  public void append(AuditFacts record) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      append(c, List.of(record));
    } catch (SQLException e) {
      throw new IllegalStateException("The audit record could not be stored: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  /** Appends a group in one transaction of its own with one commit (the group commit of reads). */
  public void appendCommitted(List<AuditFacts> records) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        append(c, records);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * Appends records moved from the journal, already encoded, and in the same transaction the
   * journal position they reach: a record is in the tables, or after the mark, never both.
   */
  public void appendMoved(List<AuditFacts> records, List<String> bodies, AuditJournal.Position upTo) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        append(c, records, bodies);
        try (PreparedStatement mark = c.prepareStatement(
            "UPDATE GK_AUDIT_JOURNAL SET FILE_SEQ = ?, FILE_OFFSET = ? WHERE ID = 1")) {
          mark.setLong(1, upTo.file());
          mark.setLong(2, upTo.offset());
          mark.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** How far the journal has been moved into the tables (file 0, offset 0 before the first move). */
  public AuditJournal.Position journalMoved() {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT FILE_SEQ, FILE_OFFSET FROM GK_AUDIT_JOURNAL WHERE ID = 1")) {
      return rs.next() ? new AuditJournal.Position(rs.getLong(1), rs.getLong(2)) : new AuditJournal.Position(0, 0);
    } catch (SQLException e) {
      throw new IllegalStateException("The audit journal's position could not be read: " + e.getMessage(), e);
    }
  }

  private void append(Connection c, List<AuditFacts> records) throws SQLException {
    append(c, records, null);
  }

  private void append(Connection c, List<AuditFacts> records, List<String> bodies) throws SQLException {
    try (PreparedStatement row = c.prepareStatement("INSERT INTO GK_AUDIT_LOG (RECORDED, SUBTYPE, OUTCOME, AGENT,"
        + " ORGANISATION, BODY) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
        PreparedStatement entity = c.prepareStatement("INSERT INTO GK_AUDIT_ENTITY (LOG_ID, REF, PATIENT) VALUES (?, ?, ?)")) {
      for (int i = 0; i < records.size(); i++) {
        AuditFacts f = records.get(i);
        row.setTimestamp(1, new Timestamp(f.recorded()));
        row.setString(2, f.code());
        row.setString(3, f.denied() ? AuditEvent.AuditEventOutcome._4.toCode() : AuditEvent.AuditEventOutcome._0.toCode());
        row.setString(4, f.subject());
        row.setString(5, f.organisation());
        row.setString(6, bodies == null ? encode(f) : bodies.get(i));
        row.executeUpdate();
        long id;
        try (ResultSet keys = row.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
        for (String patient : f.patients()) {
          addEntity(entity, id, patient, patient.startsWith("Patient/"));
        }
        for (String ref : f.resourcesBesidesPatients()) {
          addEntity(entity, id, ref, false);
        }
        for (String ref : f.mentioned()) {
          addEntity(entity, id, ref, false);
        }
      }
      entity.executeBatch();
    }
  }

  private static void addEntity(PreparedStatement entity, long id, String ref, boolean patient) throws SQLException {
    entity.setLong(1, id);
    entity.setString(2, ref);
    entity.setBoolean(3, patient);
    entity.addBatch();
  }

  static String encode(AuditFacts f) {
    try {
      return JSON.writeValueAsString(f);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The audit record could not be written as JSON: " + e.getMessage(), e);
    }
  }

  static AuditFacts decodeFacts(String json) throws JsonProcessingException {
    return JSON.readValue(json, AuditFacts.class);
  }

  /** A row holds the facts, or (written before 2026-12-04) the AuditEvent itself. */
  private AuditEvent decode(String body) {
    if (body.startsWith("{\"resourceType\"")) {
      return ctx.newJsonParser().parseResource(AuditEvent.class, body);
    }
    try {
      return AuditRecord.event(JSON.readValue(body, AuditFacts.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An audit record could not be read: " + e.getMessage(), e);
    }
  }

  public Optional<AuditEvent> read(long id) {
    beforeReading.run();
    List<AuditEvent> found = select("SELECT ID, BODY FROM GK_AUDIT_LOG WHERE ID = ?", List.of(id), 1);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  public List<AuditEvent> search(Query q) {
    beforeReading.run();
    if (Stream.of(q.entities(), q.patients()).filter(Objects::nonNull).flatMap(List::stream).anyMatch(Set::isEmpty)) {
      return List.of();
    }
    Select select = sqlFor(q);
    return select(select.sql(), select.args(), q.limit());
  }

  record Select(String sql, List<Object> args) {}

  /**
   * The log's rows for a query. By entity or patient it starts from the entity rows' index
   * ({@code ID IN (SELECT LOG_ID …)}), not from the log: a correlated EXISTS made H2 read every row of
   * the log and probe the index for each (at 300,000 records 226 ms for a search by entity, against
   * 0.5 ms), and the log grows with every access.
   */
  Select sqlFor(Query q) {
    StringBuilder sql = new StringBuilder("SELECT l.ID, l.BODY FROM GK_AUDIT_LOG l WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    namingOneOfEach(q.entities(), "", sql, args);
    namingOneOfEach(q.patients(), "e.PATIENT = TRUE AND ", sql, args);
    if (q.agent() != null) {
      sql.append(" AND (l.AGENT = ? OR l.ORGANISATION = ?)");
      args.add(q.agent());
      args.add(q.agent());
    }
    if (q.subtype() != null) {
      sql.append(" AND l.SUBTYPE = ?");
      args.add(q.subtype());
    }
    if (q.outcome() != null) {
      sql.append(" AND l.OUTCOME = ?");
      args.add(q.outcome());
    }
    if (q.from() != null) {
      sql.append(" AND l.RECORDED >= ?");
      args.add(new Timestamp(q.from().getTime()));
    }
    if (q.to() != null) {
      sql.append(" AND l.RECORDED <= ?");
      args.add(new Timestamp(q.to().getTime()));
    }
    sql.append(q.newestFirst() ? " ORDER BY l.ID DESC" : " ORDER BY l.ID");
    return new Select(sql.toString(), args);
  }

  /** Per set, the records that name one of its references, found from the entity index. */
  private static void namingOneOfEach(List<Set<String>> sets, String condition, StringBuilder sql, List<Object> args) {
    for (Set<String> anyOf : sets == null ? List.<Set<String>>of() : sets) {
      sql.append(" AND l.ID IN (SELECT e.LOG_ID FROM GK_AUDIT_ENTITY e WHERE ").append(condition).append("e.REF IN (")
          .append(marks(anyOf.size())).append("))");
      args.addAll(anyOf);
    }
  }

  private List<AuditEvent> select(String sql, List<Object> args, int limit) {
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setMaxRows(limit);
      for (int i = 0; i < args.size(); i++) {
        st.setObject(i + 1, args.get(i));
      }
      List<AuditEvent> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          AuditEvent event = decode(rs.getString(2));
          event.setId(String.valueOf(rs.getLong(1)));
          out.add(event);
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("The audit log could not be read: " + e.getMessage(), e);
    }
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private void createTables() {
    String[] ddl = {
        "CREATE TABLE IF NOT EXISTS GK_AUDIT_LOG (ID BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            + " RECORDED TIMESTAMP NOT NULL, SUBTYPE VARCHAR(60), OUTCOME VARCHAR(4), AGENT VARCHAR(300),"
            + " ORGANISATION VARCHAR(100), BODY VARCHAR(1000000) NOT NULL)",
        "CREATE INDEX IF NOT EXISTS GK_AUDIT_LOG_RECORDED ON GK_AUDIT_LOG (RECORDED)",
        "CREATE INDEX IF NOT EXISTS GK_AUDIT_LOG_AGENT ON GK_AUDIT_LOG (AGENT)",
        "CREATE TABLE IF NOT EXISTS GK_AUDIT_ENTITY (LOG_ID BIGINT NOT NULL, REF VARCHAR(300) NOT NULL,"
            + " PATIENT BOOLEAN NOT NULL)",
        "CREATE INDEX IF NOT EXISTS GK_AUDIT_ENTITY_REF ON GK_AUDIT_ENTITY (REF, LOG_ID)",
        "CREATE INDEX IF NOT EXISTS GK_AUDIT_ENTITY_LOG ON GK_AUDIT_ENTITY (LOG_ID)",
        "CREATE TABLE IF NOT EXISTS GK_AUDIT_JOURNAL (ID INT PRIMARY KEY, FILE_SEQ BIGINT NOT NULL,"
            + " FILE_OFFSET BIGINT NOT NULL)",
        "INSERT INTO GK_AUDIT_JOURNAL (ID, FILE_SEQ, FILE_OFFSET) SELECT 1, 0, 0"
            + " WHERE NOT EXISTS (SELECT 1 FROM GK_AUDIT_JOURNAL WHERE ID = 1)"};
    OwnTables.create(dataSource, "audit log", ddl);
    OwnTables.cacheIdentityOnH2(dataSource, "GK_AUDIT_LOG");
  }
}
