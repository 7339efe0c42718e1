package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import nl.geboorteketen.server.support.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * HAPI's search parameter identity table is written by a background thread and read by nothing in
 * HAPI; we do not write it (docs/decisions.md, "The search parameter identity table is not written").
 * Also run on PostgreSQL, whose schema comes from HAPI's migrator.
 */
@Tag("storage")
class SearchParamIdentityTableTest {

  @Test
  void isNotWritten() throws SQLException {
    DataSource db = TestServer.shared().bean(DataSource.class);
    try (Connection c = db.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM HFJ_SPIDX_IDENTITY")) {
      rs.next();
      assertEquals(0, rs.getLong(1));
    }
  }
}
