package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.geboorteketen.server.support.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** On H2 our own tables' ids come from a cache large enough that inserts rarely wait for a sequence commit. */
class OwnTablesTest {

  @ParameterizedTest
  @ValueSource(strings = {"GK_AUDIT_LOG", "GK_LEDGER_CHANGE", "GK_CARE_RELATIONSHIP"})
  void identityCacheIsLargeOnH2(String table) throws SQLException {
    assumeFalse(TestServer.onPostgres(), "PostgreSQL keeps its per-connection default");
    DataSource db = TestServer.shared().bean(DataSource.class);
    try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("SELECT IDENTITY_CACHE"
        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ? AND COLUMN_NAME = 'ID'")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        assertEquals(OwnTables.IDENTITY_CACHE, rs.getLong(1), table);
      }
    }
  }
}
