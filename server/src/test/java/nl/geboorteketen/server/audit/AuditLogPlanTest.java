package nl.geboorteketen.server.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.geboorteketen.server.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search of the log by resource or by patient (a family's own access log in the PGO) starts from
 * the entity rows' index and reads only the records it finds, not every record of a log that grows
 * with every access. On H2, where the plan is shown by EXPLAIN.
 */
class AuditLogPlanTest {

  /** H2 names the log's access path: "ID IN(SELECT …" when it looks records up by the ids found. */
  private static final Pattern BY_FOUND_IDS =
      Pattern.compile("\"GK_AUDIT_LOG\" \"L\" /\\* PUBLIC\\.[A-Z_0-9]+: ID IN\\(SELECT");

  @BeforeAll
  static void onH2() {
    assumeFalse(TestServer.onPostgres(), "an H2 planner matter");
  }

  @Test
  void aSearchByResourceReadsOnlyTheRecordsThatNameIt() throws SQLException {
    assertLooksUpFoundIds(new AuditLog.Query(List.of(Set.of("Observation/1", "Patient/2")), null, null, null, null, null, null,
        true, 100));
  }

  @Test
  void aFamilysOwnLogReadsOnlyItsRecords() throws SQLException {
    assertLooksUpFoundIds(new AuditLog.Query(null, List.of(Set.of("Patient/2", "Patient/3")), null, "read", null, null, null,
        true, 100));
  }

  @Test
  void recordsAboutTwoPatientsAtOnceStartFromTheIndexToo() throws SQLException {
    assertLooksUpFoundIds(new AuditLog.Query(null, List.of(Set.of("Patient/2"), Set.of("Patient/3")), null, null, null,
        null, null, true, 100));
  }

  private static void assertLooksUpFoundIds(AuditLog.Query query) throws SQLException {
    AuditLog.Select select = TestServer.shared().bean(AuditLog.class).sqlFor(query);
    String plan = explain(select);
    assertTrue(BY_FOUND_IDS.matcher(plan).find(), () -> "the log is read another way: " + plan);
  }

  private static String explain(AuditLog.Select select) throws SQLException {
    try (Connection c = TestServer.shared().bean(DataSource.class).getConnection();
        PreparedStatement st = c.prepareStatement("EXPLAIN " + select.sql())) {
      for (int i = 0; i < select.args().size(); i++) {
        st.setObject(i + 1, select.args().get(i));
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getString(1).replaceAll("\\s+", " ");
      }
    }
  }
}
