package nl.geboorteketen.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Our own tables beside HAPI's schema (ledger, audit log): created if absent, on H2 and PostgreSQL
 * alike, by statements that are safe to run on every start.
 */
public final class OwnTables {

  static final int IDENTITY_CACHE = 1000;

  private OwnTables() {}

  public static void create(DataSource dataSource, String what, String... ddl) {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      for (String statement : ddl) {
        st.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the " + what + " tables: " + e.getMessage(), e);
    }
  }

  /**
   * On H2, the identity column of this table takes its values from a cache of 1,000 instead of 32.
   * H2 writes a sequence's state in a commit of its own each time the cache runs out, and every
   * other insert into the table waits for that commit: with 32, the audit log did so every 32
   * records (JFR: ~9 s of waiting in a bulk load of 1,000 families). After a crash the unused
   * cached values are skipped: ids keep rising, with a gap (a rolled-back insert leaves one too).
   * PostgreSQL is left alone: its cache is per connection, which would break the order of ids.
   */
  public static void cacheIdentityOnH2(DataSource dataSource, String table) {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      if (c.getMetaData().getDatabaseProductName().equals("H2")) {
        st.execute("ALTER TABLE " + table + " ALTER COLUMN ID SET CACHE " + IDENTITY_CACHE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set the id cache of " + table + ": " + e.getMessage(), e);
    }
  }
}
