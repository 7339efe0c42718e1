package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import nl.geboorteketen.server.GeboorteketenServer;
import nl.geboorteketen.server.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On H2, HAPI's search for a subject's observations with a code starts from the subject's links,
 * not from every observation with that code, and stays so after the statistics are renewed.
 */
class H2PlannerTest {

  /** The SQL HAPI 8.8 sends for Observation?subject=…&code=system|code (logged with org.hibernate.SQL). */
  private static final String SUBJECT_AND_CODE = "SELECT t1.RES_ID FROM HFJ_RESOURCE t1"
      + " INNER JOIN HFJ_SPIDX_TOKEN t0 ON (t1.RES_ID = t0.RES_ID)"
      + " INNER JOIN HFJ_RES_LINK t2 ON (t1.RES_ID = t2.SRC_RESOURCE_ID)"
      + " WHERE ((t0.HASH_SYS_AND_VALUE = -3002930887652385330) AND ((t2.SRC_PATH = 'Observation.subject')"
      + " AND (t2.TARGET_RESOURCE_ID = 1300))) FETCH FIRST 100 ROWS ONLY";

  private static GeboorteketenServer server;

  @BeforeAll
  static void onH2() throws InterruptedException {
    assumeFalse(TestServer.onPostgres(), "an H2 planner matter");
    server = TestServer.shared();
    assertTrue(server.bean(H2Planner.class).awaitFirstAnalysis(120), "the start-up analysis ran");
  }

  @Test
  void aSubjectsObservationsByCodeAreFoundFromTheSubjectsLinks() throws SQLException {
    assertStartsFromLinks();
  }

  @Test
  void renewedStatisticsKeepTheTokenHashesUnselective() throws SQLException {
    server.bean(H2Planner.class).analyse();
    assertEquals(H2Planner.TOKEN_HASH_SELECTIVITY, selectivity("HFJ_SPIDX_TOKEN", "HASH_SYS_AND_VALUE"));
    assertEquals(H2Planner.TOKEN_HASH_SELECTIVITY, selectivity("HFJ_SPIDX_TOKEN", "HASH_VALUE"));
    assertEquals(H2Planner.LINK_TARGET_SELECTIVITY, selectivity("HFJ_RES_LINK", "TARGET_RESOURCE_ID"));
    assertStartsFromLinks();
  }

  @Test
  void eachConnectionKeepsMoreParsedStatementsThanH2sDefault() throws SQLException {
    assertEquals(String.valueOf(H2Planner.STATEMENTS_CACHED), query("SELECT SETTING_VALUE"
        + " FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'"));
  }

  private static void assertStartsFromLinks() throws SQLException {
    String plan = query("EXPLAIN " + SUBJECT_AND_CODE);
    int links = plan.indexOf("\"HFJ_RES_LINK\"");
    int tokens = plan.indexOf("\"HFJ_SPIDX_TOKEN\"");
    assertTrue(links >= 0 && links < tokens, () -> "the plan starts elsewhere: " + plan);
  }

  private static int selectivity(String table, String column) throws SQLException {
    return Integer.parseInt(query("SELECT SELECTIVITY FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_NAME = '" + table + "' AND COLUMN_NAME = '" + column + "'"));
  }

  private static String query(String sql) throws SQLException {
    try (Connection c = server.bean(DataSource.class).getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
