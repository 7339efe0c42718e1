package nl.geboorteketen.server.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * On H2, HAPI's id sequences ({@code SEQ_RESOURCE_ID}, {@code SEQ_SPIDX_TOKEN}, …) hand out values
 * from a cache of {@link OwnTables#IDENTITY_CACHE} instead of H2's 32, as our own tables' identity
 * columns do ({@link OwnTables#cacheIdentityOnH2}). Each time the cache runs out H2 writes the
 * sequence in a commit of its own, which with {@code WRITE_DELAY=0} stores every unsaved page of
 * the database, while every other caller of that sequence waits. HAPI draws 50 ids a call, so a
 * bulk load ran dry every 1,600 index rows of a kind. After a crash the unused cached values are
 * skipped: ids keep rising, with a gap. PostgreSQL is left alone (its cache is per connection).
 */
public final class HapiSequences {

  private HapiSequences() {}

  /** Runs on every start, so a database made before this setting gets it too; idempotent. */
  public static void cacheOnH2(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      if (!c.getMetaData().getDatabaseProductName().equals("H2")) {
        return;
      }
      for (String sequence : smallCached(st)) {
        st.execute("ALTER SEQUENCE \"" + sequence + "\" CACHE " + OwnTables.IDENTITY_CACHE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set the cache of HAPI's id sequences: " + e.getMessage(), e);
    }
  }

  private static List<String> smallCached(Statement st) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES"
        + " WHERE SEQUENCE_SCHEMA = SCHEMA() AND SEQUENCE_NAME LIKE 'SEQ\\_%' AND CACHE < "
        + OwnTables.IDENTITY_CACHE)) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
