package nl.geboorteketen.server.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Installing the package into a store without records starts no reindex job (it would find
 * nothing, and ran for minutes beside the first requests); into a store with records it still
 * does, so a new SearchParameter finds what was stored before it.
 */
@Tag("storage")
class ReindexOnInstallTest {

  @Test
  void theInstallIntoTheTestServersEmptyStoreStartedNoReindex() throws SQLException {
    // the shared server started on an empty directory (H2) or database (PostgreSQL)
    assertEquals(0, count("SELECT COUNT(*) FROM BT2_JOB_INSTANCE WHERE DEFINITION_ID = 'REINDEX'"));
  }

  @Test
  void aStoreWithRecordsIsReindexedWhenASearchParameterChanges() throws SQLException {
    Patient woman = Fixtures.example(Patient.class, "family-jansen-anna");
    woman.setId((String) null);
    woman.getIdentifierFirstRep().setValue(Fixtures.randomBsn());
    Http.Response stored = Http.shared().postJson("/fhir/Patient", woman);
    assertEquals(201, stored.status(), stored::toString);
    ProfilePackageInstaller installer = TestServer.shared().bean(ProfilePackageInstaller.class);
    assertTrue(installer.holdsRecords());
    assertTrue(TestServer.shared().bean(JpaStorageSettings.class).isMarkResourcesForReindexingUponSearchParameterChange(),
        "HAPI's marking is on again after the install");
  }

  @Test
  void conformanceResourcesAloneAreNoRecords() throws SQLException {
    org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL("jdbc:h2:mem:reindex-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE HFJ_RESOURCE (RES_ID BIGINT PRIMARY KEY, RES_TYPE VARCHAR(40))");
      st.execute("INSERT INTO HFJ_RESOURCE VALUES (1, 'StructureDefinition'), (2, 'SearchParameter'), (3, 'ValueSet')");
      ProfilePackageInstaller onH2 = new ProfilePackageInstaller(null, null, null, null, null, h2);
      assertFalse(onH2.holdsRecords());
      st.execute("INSERT INTO HFJ_RESOURCE VALUES (4, 'Patient')");
      assertTrue(onH2.holdsRecords());
    }
  }

  private static long count(String sql) throws SQLException {
    DataSource ds = TestServer.shared().bean(DataSource.class);
    try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
