package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import nl.geboorteketen.server.support.TestServer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** HAPI's unique keys are given to an H2 store once per HAPI and Hibernate version, not on every start. */
class H2UniqueKeysTest {

  private static final String VERSION = "HAPI 8.8.0, Hibernate 6.6.4";

  @Test
  void aStoreWithoutTheRecordGetsTheKeysAndOneWithTheSameVersionsSkipsThem() {
    JdbcDataSource db = memory("unique-keys");

    assertEquals(H2UniqueKeys.APPLY, H2UniqueKeys.strategy(db, VERSION));
    assertEquals(Set.of(), H2UniqueKeys.recordApplied(db, VERSION, Set.of()));
    assertEquals(H2UniqueKeys.SKIP, H2UniqueKeys.strategy(db, VERSION));
    assertEquals(H2UniqueKeys.APPLY, H2UniqueKeys.strategy(db, "HAPI 8.10.0, Hibernate 6.6.4"));
    H2UniqueKeys.recordApplied(db, "HAPI 8.10.0, Hibernate 6.6.4", Set.of());
    assertEquals(H2UniqueKeys.SKIP, H2UniqueKeys.strategy(db, "HAPI 8.10.0, Hibernate 6.6.4"));
  }

  @Test
  void aKeyHibernateFailedToAddQuietlyIsTriedAgainNextStart() throws SQLException {
    JdbcDataSource db = memory("unique-keys-failed");
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE HFJ_X (ID BIGINT, FHIR_ID VARCHAR(64), CONSTRAINT IDX_X_ID UNIQUE (ID))");
    }

    assertEquals(Set.of("IDX_X_FHIR_ID"), H2UniqueKeys.recordApplied(db, VERSION, Set.of("IDX_X_ID", "IDX_X_FHIR_ID")));
    assertEquals(H2UniqueKeys.APPLY, H2UniqueKeys.strategy(db, VERSION));
    assertEquals(Set.of(), H2UniqueKeys.recordApplied(db, VERSION, Set.of("IDX_X_ID")));
    assertEquals(H2UniqueKeys.SKIP, H2UniqueKeys.strategy(db, VERSION));
  }

  @Test
  void theTestServersFreshStoreHoldsEveryKeyHapisEntitiesDeclareAndTheRecord() {
    assumeFalse(TestServer.onPostgres(), "PostgreSQL's schema comes from HAPI's migration tasks");
    DataSource db = TestServer.shared().bean(DataSource.class);
    Set<String> declared = H2UniqueKeys.declaredKeys(TestServer.shared().bean(EntityManagerFactory.class));
    // named keys, and a unique index (HAPI's combo unique search parameter) that H2 holds as a key
    assertTrue(declared.containsAll(Set.of("IDX_RES_TYPE_FHIR_ID", "IDX_RESVER_ID_VER", "IDX_IDXCMPSTRUNIQ_STRING")),
        declared::toString);
    // every key of the store is one HAPI's entities name, and the store holds every one of them
    assertEquals(declared, H2UniqueKeys.uniqueKeys(db));
    assertEquals(H2UniqueKeys.SKIP, H2UniqueKeys.strategy(db, H2UniqueKeys.mappingVersion()));
  }

  private static JdbcDataSource memory(String name) {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return db;
  }
}
