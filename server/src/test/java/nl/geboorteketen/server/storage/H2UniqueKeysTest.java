package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import nl.geboorteketen.server.support.TestServer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** HAPI's unique keys are given to an H2 store once per HAPI and Hibernate version, not on every start. */
class H2UniqueKeysTest {

  @Test
  void aStoreWithoutTheRecordGetsTheKeysAndOneWithTheSameVersionsSkipsThem() {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:unique-keys;DB_CLOSE_DELAY=-1");

    assertEquals(H2UniqueKeys.APPLY, H2UniqueKeys.strategy(db, "HAPI 8.8.0, Hibernate 6.6.4"));
    H2UniqueKeys.recordApplied(db, "HAPI 8.8.0, Hibernate 6.6.4");
    assertEquals(H2UniqueKeys.SKIP, H2UniqueKeys.strategy(db, "HAPI 8.8.0, Hibernate 6.6.4"));
    assertEquals(H2UniqueKeys.APPLY, H2UniqueKeys.strategy(db, "HAPI 8.10.0, Hibernate 6.6.4"));
    H2UniqueKeys.recordApplied(db, "HAPI 8.10.0, Hibernate 6.6.4");
    assertEquals(H2UniqueKeys.SKIP, H2UniqueKeys.strategy(db, "HAPI 8.10.0, Hibernate 6.6.4"));
  }

  @Test
  void theTestServersFreshStoreHoldsHapisUniqueKeysAndTheRecord() throws SQLException {
    assumeFalse(TestServer.onPostgres(), "PostgreSQL's schema comes from HAPI's migration tasks");
    DataSource db = TestServer.shared().bean(DataSource.class);
    Set<String> keys = uniqueKeys(db);
    assertTrue(keys.containsAll(Set.of("IDX_RES_TYPE_FHIR_ID", "IDX_RESVER_ID_VER", "IDX_SEARCH_UUID")), keys::toString);
    assertEquals(H2UniqueKeys.SKIP, H2UniqueKeys.strategy(db, H2UniqueKeys.mappingVersion()));
  }

  static Set<String> uniqueKeys(DataSource db) throws SQLException {
    Set<String> names = new HashSet<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
            + " WHERE CONSTRAINT_TYPE = 'UNIQUE' AND CONSTRAINT_SCHEMA = SCHEMA()")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
