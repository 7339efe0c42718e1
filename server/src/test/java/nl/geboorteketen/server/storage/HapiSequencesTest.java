package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.geboorteketen.server.support.TestServer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** On H2 HAPI's id sequences take a cache large enough that a bulk load rarely waits for a sequence commit. */
class HapiSequencesTest {

  @Test
  void everyHapiSequenceOfTheServerHasTheLargeCache() throws SQLException {
    assumeFalse(TestServer.onPostgres(), "PostgreSQL keeps its per-connection default");
    Map<String, Long> caches = caches(TestServer.shared().bean(DataSource.class));
    assertTrue(caches.containsKey("SEQ_RESOURCE_ID") && caches.containsKey("SEQ_SPIDX_TOKEN"), caches.toString());
    caches.entrySet().stream().filter(e -> e.getKey().startsWith("SEQ_"))
        .forEach(e -> assertEquals(OwnTables.IDENTITY_CACHE, e.getValue(), e.getKey()));
  }

  @Test
  void valuesKeepRisingAcrossTheChangeAndARepeat() throws SQLException {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:hapi-sequences;DB_CLOSE_DELAY=-1");
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE SEQUENCE SEQ_THING START WITH 1 INCREMENT BY 50");
      st.execute("CREATE SEQUENCE OTHER_THING START WITH 1 INCREMENT BY 1");
      long before = next(st, "SEQ_THING");
      HapiSequences.cacheOnH2(db);
      HapiSequences.cacheOnH2(db);
      assertEquals(before + 50, next(st, "SEQ_THING"));
      assertEquals(Map.of("SEQ_THING", (long) OwnTables.IDENTITY_CACHE, "OTHER_THING", 32L), caches(db));
    }
  }

  private static long next(Statement st, String sequence) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT NEXT VALUE FOR " + sequence)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, Long> caches(DataSource db) throws SQLException {
    Map<String, Long> caches = new HashMap<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT SEQUENCE_NAME, CACHE FROM INFORMATION_SCHEMA.SEQUENCES"
            + " WHERE SEQUENCE_SCHEMA = SCHEMA()")) {
      while (rs.next()) {
        caches.put(rs.getString(1), rs.getLong(2));
      }
    }
    return caches;
  }
}
