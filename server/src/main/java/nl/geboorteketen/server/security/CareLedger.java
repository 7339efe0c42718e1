package nl.geboorteketen.server.security;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import nl.geboorteketen.server.storage.OwnTables;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The facts access is decided on, kept by the server in tables of its own and never read from
 * resource content a caller can write: which family each patient belongs to, which organisation
 * manages which episode, which BSN belongs to which Patient, the care relationships — each
 * with who granted it, when, why, and until when — and which organisation stored a record that
 * belongs to no family.
 *
 * <p>Writes use the connection of the surrounding database transaction when there is one, so a
 * fact and the write that made it commit or roll back together.
 */
public class CareLedger {

  /** One granted care relationship; {@code endsAt} null means until further notice. */
  public record Relationship(String family, String organisation, String reason, String source, String grantedBy,
      Instant grantedAt, Instant endsAt, String endReason) {
    public boolean activeAt(Instant now) {
      return endsAt == null || endsAt.isAfter(now);
    }
  }

  /** The indexed facts of an EpisodeOfCare. */
  public record Episode(String record, String patient, String manager, boolean current, boolean maternal) {}

  /** Told of every grant and end, in the granting transaction (the audit log records them). */
  public interface Listener {
    void recorded(String family, String organisation, String what, String source, String by);
  }

  /** The longest reason a caller gives that is kept with who gave it (columns of 300 characters). */
  public static final int REASON_LENGTH = 200;

  private final DataSource dataSource;
  private final LedgerChanges changes;
  private final java.util.List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  public CareLedger(DataSource dataSource, LedgerChanges changes) {
    this.dataSource = dataSource;
    this.changes = changes;
    createTables();
  }

  // ----- families -----

  /** The family ("Patient/id" of its head, the mother) this patient belongs to; herself when she joined none. */
  public String familyOf(String patient) {
    return queryString("SELECT FAMILY FROM GK_FAMILY_MEMBER WHERE PATIENT = ?", patient).orElse(patient);
  }

  /** True when the patient has joined another patient's family (she is someone's child). */
  public boolean isChild(String patient) {
    return !familyOf(patient).equals(patient);
  }

  /** The head of the family and everyone who joined it. */
  public Set<String> members(String family) {
    Set<String> members = new LinkedHashSet<>();
    members.add(family);
    members.addAll(queryStrings("SELECT PATIENT FROM GK_FAMILY_MEMBER WHERE FAMILY = ? ORDER BY JOINED_AT", family));
    return members;
  }

  public void join(String child, String family, String by, String source) {
    // Set.copyOf: a child joining the family it is already in names that family twice
    changes.changed(Set.copyOf(List.of("P:" + child, "F:" + family, "F:" + familyOf(child))));
    update("DELETE FROM GK_FAMILY_MEMBER WHERE PATIENT = ?", child);
    update("INSERT INTO GK_FAMILY_MEMBER (PATIENT, FAMILY, JOINED_AT, JOINED_BY, SOURCE) VALUES (?, ?, ?, ?, ?)",
        child, family, Timestamp.from(Instant.now()), by, source);
  }

  public void leave(String child) {
    changes.changed(Set.copyOf(List.of("P:" + child, "F:" + familyOf(child), "F:" + child)));
    update("DELETE FROM GK_FAMILY_MEMBER WHERE PATIENT = ?", child);
  }

  // ----- care relationships -----

  public void onRecorded(Listener listener) {
    listeners.add(listener);
  }

  public boolean caresFor(String organisation, String family) {
    return queryString("SELECT ORGANISATION FROM GK_CARE_RELATIONSHIP WHERE FAMILY = ? AND ORGANISATION = ?"
        + " AND (ENDS_AT IS NULL OR ENDS_AT > ?)", family, organisation, Timestamp.from(Instant.now())).isPresent();
  }

  /** Whether this organisation holds a current relationship with the family for one of these reasons. */
  public boolean holds(String organisation, String family, Set<String> reasons) {
    return relationships(family).stream().anyMatch(r -> r.organisation().equals(organisation)
        && reasons.contains(r.reason()) && r.activeAt(Instant.now()));
  }

  public void grant(String family, String organisation, String reason, String source, String grantedBy, Instant endsAt) {
    changes.changed(Set.of("F:" + family));
    listeners.forEach(l -> l.recorded(family, organisation, "zorgrelatie verleend (" + reason + ")", source, grantedBy));
    update("INSERT INTO GK_CARE_RELATIONSHIP (FAMILY, ORGANISATION, REASON, SOURCE, GRANTED_BY, GRANTED_AT, ENDS_AT)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", family, organisation, reason, source, grantedBy,
        Timestamp.from(Instant.now()), endsAt == null ? null : Timestamp.from(endsAt));
  }

  /** Ends, at {@code at} (or earlier where already so), the current relationships a resource granted. */
  public void endFrom(String source, String organisation, Instant at, String why) {
    Set<String> families = new java.util.HashSet<>();
    queryStrings("SELECT DISTINCT FAMILY FROM GK_CARE_RELATIONSHIP WHERE SOURCE = ?", source)
        .forEach(f -> families.add("F:" + f));
    if (!families.isEmpty()) {
      changes.changed(families);
      families.forEach(f -> listeners.forEach(l -> l.recorded(f.substring(2), organisation,
          "zorgrelatie eindigt " + at + ": " + why, source, "server")));
    }
    Timestamp end = Timestamp.from(at);
    update("UPDATE GK_CARE_RELATIONSHIP SET ENDS_AT = ?, END_REASON = ? WHERE SOURCE = ? AND ORGANISATION = ?"
        + " AND (ENDS_AT IS NULL OR ENDS_AT > ?)", end, why, source, organisation, end);
  }

  /** Ends, at {@code at}, every current relationship of this organisation with the family (a revocation). */
  public int endAll(String family, String organisation, Instant at, String why) {
    changes.changed(Set.of("F:" + family));
    listeners.forEach(l -> l.recorded(family, organisation, "zorgrelatie ingetrokken: " + why, null, "beheerder"));
    Timestamp end = Timestamp.from(at);
    return run(c -> {
      try (PreparedStatement st = c.prepareStatement("UPDATE GK_CARE_RELATIONSHIP SET ENDS_AT = ?, END_REASON = ?"
          + " WHERE FAMILY = ? AND ORGANISATION = ? AND (ENDS_AT IS NULL OR ENDS_AT > ?)")) {
        bind(st, end, why, family, organisation, end);
        return st.executeUpdate();
      }
    });
  }

  /** Every relationship ever granted with this family, newest first. */
  public List<Relationship> relationships(String family) {
    List<Relationship> out = new ArrayList<>();
    run(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT FAMILY, ORGANISATION, REASON, SOURCE, GRANTED_BY,"
          + " GRANTED_AT, ENDS_AT, END_REASON FROM GK_CARE_RELATIONSHIP WHERE FAMILY = ? ORDER BY ID DESC")) {
        st.setString(1, family);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            Timestamp ends = rs.getTimestamp(7);
            out.add(new Relationship(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), ends == null ? null : ends.toInstant(), rs.getString(8)));
          }
        }
      }
      return null;
    });
    return out;
  }

  /** The relationships a resource granted, current or not. */
  public List<Relationship> grantedBy(String source, String family) {
    return relationships(family).stream().filter(r -> source.equals(r.source())).toList();
  }

  // ----- episodes (maternal records and other EpisodeOfCare) -----

  public Optional<Episode> episode(String record) {
    return run(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "SELECT PATIENT, MANAGER, CURRENT_EPISODE, MATERNAL FROM GK_EPISODE WHERE RECORD = ?")) {
        st.setString(1, record);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? Optional.of(new Episode(record, rs.getString(1), rs.getString(2), rs.getBoolean(3),
              rs.getBoolean(4))) : Optional.<Episode>empty();
        }
      }
    });
  }

  /** Organisations other than {@code organisation} managing a current maternal record of this patient. */
  public List<String> otherCurrentManagers(String patient, String organisation) {
    return queryStrings("SELECT MANAGER FROM GK_EPISODE WHERE PATIENT = ? AND MATERNAL = TRUE AND CURRENT_EPISODE = TRUE"
        + " AND MANAGER IS NOT NULL", patient).stream().filter(m -> !m.equals(organisation)).distinct().toList();
  }

  public void putEpisode(Episode e) {
    changes.changed(Set.of("E:" + e.record()));
    update("DELETE FROM GK_EPISODE WHERE RECORD = ?", e.record());
    update("INSERT INTO GK_EPISODE (RECORD, PATIENT, MANAGER, CURRENT_EPISODE, MATERNAL) VALUES (?, ?, ?, ?, ?)",
        e.record(), e.patient(), e.manager(), e.current(), e.maternal());
  }

  public void removeEpisode(String record) {
    changes.changed(Set.of("E:" + record));
    update("DELETE FROM GK_EPISODE WHERE RECORD = ?", record);
  }

  /** A Consent of this patient was written: her family's consent decisions are to be made again. */
  public void consentChanged(String patient) {
    changes.changed(Set.of("F:" + familyOf(patient)));
  }

  // ----- one Patient per BSN -----

  public Optional<String> patientWithBsn(String bsn) {
    return queryString("SELECT PATIENT FROM GK_BSN WHERE BSN = ?", bsn);
  }

  /**
   * Claims the BSNs for this patient and releases those it no longer carries. A BSN another Patient
   * holds is a 409, also when the other write is still in flight (the key is unique in the database).
   */
  public void claimBsns(String patient, Set<String> bsns) {
    List<String> held = queryStrings("SELECT BSN FROM GK_BSN WHERE PATIENT = ?", patient);
    for (String old : held) {
      if (!bsns.contains(old)) {
        update("DELETE FROM GK_BSN WHERE BSN = ? AND PATIENT = ?", old, patient);
      }
    }
    for (String bsn : bsns) {
      if (held.contains(bsn)) {
        continue;
      }
      Optional<String> other = patientWithBsn(bsn);
      if (other.isPresent()) {
        throw bsnTaken(bsn);
      }
      try {
        run(c -> {
          try (PreparedStatement st = c.prepareStatement("INSERT INTO GK_BSN (BSN, PATIENT) VALUES (?, ?)")) {
            st.setString(1, bsn);
            st.setString(2, patient);
            return st.executeUpdate();
          }
        });
      } catch (LedgerException e) {
        if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null
            && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("HYT00") || sql.getSQLState().equals("40001"))) {
          throw bsnTaken(bsn);
        }
        throw e;
      }
    }
  }

  private static ResourceVersionConflictException bsnTaken(String bsn) {
    return new ResourceVersionConflictException("Een andere Patient heeft al BSN " + bsn + ": er is één Patient "
        + "per BSN. Zoek haar met Patient?identifier=http://fhir.nl/fhir/NamingSystem/bsn|" + bsn
        + " (als uw organisatie een zorgrelatie met haar heeft) in plaats van haar opnieuw aan te maken.");
  }

  public void releaseBsns(String patient) {
    update("DELETE FROM GK_BSN WHERE PATIENT = ?", patient);
  }

  // ----- who keeps a record that belongs to no family -----

  /** The organisation that stored this record of no family is its keeper: it alone (and the beheerder) changes it. */
  public void keep(String record, String organisation, String by) {
    update("DELETE FROM GK_KEEPER WHERE RECORD = ?", record);
    update("INSERT INTO GK_KEEPER (RECORD, ORGANISATION, STORED_BY, STORED_AT) VALUES (?, ?, ?, ?)",
        record, organisation, by, Timestamp.from(Instant.now()));
  }

  public boolean keeps(String organisation, String record) {
    return queryString("SELECT ORGANISATION FROM GK_KEEPER WHERE RECORD = ?", record).filter(organisation::equals)
        .isPresent();
  }

  // ----- plumbing -----

  /** A database failure of the ledger; the request it belongs to cannot be answered safely. */
  public static final class LedgerException extends RuntimeException {
    LedgerException(SQLException cause) {
      super("The care relationship ledger could not be read or written: " + cause.getMessage(), cause);
    }
  }

  private interface Work<T> {
    T on(Connection c) throws SQLException;
  }

  private <T> T run(Work<T> work) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      return work.on(c);
    } catch (SQLException e) {
      throw new LedgerException(e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  private void update(String sql, Object... args) {
    run(c -> {
      try (PreparedStatement st = c.prepareStatement(sql)) {
        bind(st, args);
        return st.executeUpdate();
      }
    });
  }

  private Optional<String> queryString(String sql, Object... args) {
    List<String> all = queryStrings(sql, args);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private List<String> queryStrings(String sql, Object... args) {
    return run(c -> {
      try (PreparedStatement st = c.prepareStatement(sql)) {
        bind(st, args);
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
        return out;
      }
    });
  }

  private static void bind(PreparedStatement st, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        st.setNull(i + 1, java.sql.Types.NULL); // untyped: PostgreSQL takes the column's type
      } else {
        st.setObject(i + 1, args[i]);
      }
    }
  }

  private void createTables() {
    String[] ddl = {
        "CREATE TABLE IF NOT EXISTS GK_FAMILY_MEMBER (PATIENT VARCHAR(100) PRIMARY KEY, FAMILY VARCHAR(100) NOT NULL,"
            + " JOINED_AT TIMESTAMP NOT NULL, JOINED_BY VARCHAR(300), SOURCE VARCHAR(200))",
        "CREATE INDEX IF NOT EXISTS GK_FAMILY_MEMBER_FAMILY ON GK_FAMILY_MEMBER (FAMILY)",
        "CREATE TABLE IF NOT EXISTS GK_EPISODE (RECORD VARCHAR(100) PRIMARY KEY, PATIENT VARCHAR(100),"
            + " MANAGER VARCHAR(100), CURRENT_EPISODE BOOLEAN NOT NULL, MATERNAL BOOLEAN NOT NULL)",
        "CREATE INDEX IF NOT EXISTS GK_EPISODE_PATIENT ON GK_EPISODE (PATIENT)",
        "CREATE TABLE IF NOT EXISTS GK_CARE_RELATIONSHIP (ID BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            + " FAMILY VARCHAR(100) NOT NULL, ORGANISATION VARCHAR(100) NOT NULL, REASON VARCHAR(40) NOT NULL,"
            + " SOURCE VARCHAR(200), GRANTED_BY VARCHAR(300) NOT NULL, GRANTED_AT TIMESTAMP NOT NULL,"
            + " ENDS_AT TIMESTAMP, END_REASON VARCHAR(300))",
        "CREATE INDEX IF NOT EXISTS GK_CARE_RELATIONSHIP_FAMILY ON GK_CARE_RELATIONSHIP (FAMILY, ORGANISATION)",
        "CREATE INDEX IF NOT EXISTS GK_CARE_RELATIONSHIP_SOURCE ON GK_CARE_RELATIONSHIP (SOURCE)",
        "CREATE TABLE IF NOT EXISTS GK_BSN (BSN VARCHAR(20) PRIMARY KEY, PATIENT VARCHAR(100) NOT NULL)",
        "CREATE INDEX IF NOT EXISTS GK_BSN_PATIENT ON GK_BSN (PATIENT)",
        "CREATE TABLE IF NOT EXISTS GK_KEEPER (RECORD VARCHAR(200) PRIMARY KEY, ORGANISATION VARCHAR(100) NOT NULL,"
            + " STORED_BY VARCHAR(300), STORED_AT TIMESTAMP NOT NULL)"};
    OwnTables.create(dataSource, "care relationship", ddl);
    OwnTables.cacheIdentityOnH2(dataSource, "GK_CARE_RELATIONSHIP");
  }
}
