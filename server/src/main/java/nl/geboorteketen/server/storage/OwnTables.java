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
}
