package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ca.uhn.fhir.jpa.util.MemoryCacheService;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HAPI's lookup of several resource ids is answered from an index on H2, with the same rows. */
class H2IdLookupsTest {

  /** What HAPI 8.8 sends for two ids (the H2 trace of a handover's record search). */
  private static final String TWO = "select rt1_0.RES_ID,rt1_0.RES_TYPE,rt1_0.FHIR_ID,rt1_0.RES_DELETED_AT,"
      + "rt1_0.PARTITION_ID from HFJ_RESOURCE rt1_0 where (rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=? or "
      + "rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=?)";
  private static final String TWO_AS_ROWS = "select rt1_0.RES_ID,rt1_0.RES_TYPE,rt1_0.FHIR_ID,"
      + "rt1_0.RES_DELETED_AT,rt1_0.PARTITION_ID from HFJ_RESOURCE rt1_0 where "
      + "((rt1_0.RES_TYPE,rt1_0.FHIR_ID) in ((?,?),(?,?)))";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "two ids | where (r.RES_TYPE=? and r.FHIR_ID=? or r.RES_TYPE=? and r.FHIR_ID=?) | where ((r.RES_TYPE,r.FHIR_ID) in ((?,?),(?,?)))",
      "three ids, another alias | x (t9.RES_TYPE=? and t9.FHIR_ID=? or t9.RES_TYPE=? and t9.FHIR_ID=? or t9.RES_TYPE=? and t9.FHIR_ID=?) y | x ((t9.RES_TYPE,t9.FHIR_ID) in ((?,?),(?,?),(?,?))) y",
      "one id: H2 uses the index already | where (r.RES_TYPE=? and r.FHIR_ID=?) | where (r.RES_TYPE=? and r.FHIR_ID=?)",
      "a partition condition: not this shape | where (r.RES_TYPE=? and r.FHIR_ID=? and r.PARTITION_ID is null or r.RES_TYPE=? and r.FHIR_ID=? and r.PARTITION_ID is null) | where (r.RES_TYPE=? and r.FHIR_ID=? and r.PARTITION_ID is null or r.RES_TYPE=? and r.FHIR_ID=? and r.PARTITION_ID is null)",
      "two aliases mixed: not this shape | where (a.RES_TYPE=? and a.FHIR_ID=? or b.RES_TYPE=? and b.FHIR_ID=?) | where (a.RES_TYPE=? and a.FHIR_ID=? or b.RES_TYPE=? and b.FHIR_ID=?)",
      "ids only, no type | where (r.FHIR_ID=? or r.FHIR_ID=?) | where (r.FHIR_ID=? or r.FHIR_ID=?)",
      "other statements | select 1 from HFJ_RES_LINK where SRC_PATH=? or TARGET_RESOURCE_ID=? | select 1 from HFJ_RES_LINK where SRC_PATH=? or TARGET_RESOURCE_ID=?"
  })
  void onlyTheLookupOfSeveralIdsIsRewritten(String why, String sql, String expected) {
    assertEquals(expected, new H2IdLookups().inspect(sql));
  }

  @Test
  void aLookupOfManyIdsKeepsEveryParameterInOrder() {
    StringBuilder or = new StringBuilder("(r.RES_TYPE=? and r.FHIR_ID=?");
    for (int i = 1; i < 800; i++) {
      or.append(" or r.RES_TYPE=? and r.FHIR_ID=?");
    }
    String rewritten = new H2IdLookups().inspect("select r.RES_ID from HFJ_RESOURCE r where " + or + ")");
    assertEquals(1600, rewritten.chars().filter(c -> c == '?').count());
    assertTrue(rewritten.endsWith("(?,?)))"), rewritten);
  }

  @Test
  void theStoreAsksH2ThroughTheRewrite() {
    onH2();
    SessionFactoryImplementor sessions = TestServer.shared().bean(EntityManagerFactory.class)
        .unwrap(SessionFactoryImplementor.class);
    assertInstanceOf(H2IdLookups.class, sessions.getSessionFactoryOptions().getStatementInspector());
  }

  @Test
  void theRewrittenLookupUsesTheIndexAndFindsTheSameRows() throws SQLException {
    onH2();
    Map<String, String> family = Fixtures.storeNewFamily();
    String mother = family.get("Patient/family-jansen-anna").substring("Patient/".length());
    String child = family.get("Patient/family-jansen-daan").substring("Patient/".length());
    String plan = query("EXPLAIN " + TWO_AS_ROWS, "Patient", mother, "Patient", child).get(0);
    assertFalse(plan.contains("tableScan"), plan);
    assertTrue(plan.contains("IDX_RES_TYPE_FHIR_ID"), plan);
    for (String[] ids : List.of(new String[] {"Patient", mother, "Patient", child},
        new String[] {"Patient", mother, "Observation", child}, new String[] {"Patient", "no-such-id", "Patient", child})) {
      assertEquals(new TreeSet<>(query(TWO, ids)), new TreeSet<>(query(TWO_AS_ROWS, ids)));
    }
    assertEquals(2, query(TWO_AS_ROWS, "Patient", mother, "Patient", child).size());
  }

  @Test
  void aSearchByTwoPatientsGoesThroughTheIndexAndFindsBoth() throws SQLException {
    onH2();
    Map<String, String> family = Fixtures.storeNewFamily();
    String mother = family.get("Patient/family-jansen-anna");
    String child = family.get("Patient/family-jansen-daan");
    Set<String> each = new TreeSet<>(ids("/fhir/Observation?_count=200&patient=" + mother));
    each.addAll(ids("/fhir/Observation?_count=200&patient=" + child));
    // as after a restart, or for records stored long ago: HAPI looks the ids up in the store
    TestServer.shared().bean(MemoryCacheService.class).invalidateAllCaches();
    setQueryStatistics(true);
    try {
      Set<String> both = new TreeSet<>(ids("/fhir/Observation?_count=200&patient=" + mother + "," + child));
      assertEquals(each, both);
      assertFalse(both.isEmpty());
      assertTrue(Integer.parseInt(query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT LIKE ?",
          "%.RES_TYPE,%.FHIR_ID) in ((?,?),(?,?)))%").get(0)) > 0, "HAPI's lookup went to H2 rewritten");
    } finally {
      setQueryStatistics(false);
    }
  }

  private static List<String> ids(String path) {
    Http.Response response = Http.shared().get(path);
    assertEquals(200, response.status(), response::toString);
    return response.resource(Bundle.class).getEntry().stream()
        .map(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
  }

  private static void onH2() {
    assumeFalse(TestServer.onPostgres(), "an H2 planner matter");
  }

  private static void setQueryStatistics(boolean on) throws SQLException {
    try (Connection c = TestServer.shared().bean(DataSource.class).getConnection(); Statement st = c.createStatement()) {
      st.execute("SET QUERY_STATISTICS " + on);
    }
  }

  /** Every row's columns joined with '|', in the order H2 gives them. */
  private static List<String> query(String sql, String... parameters) throws SQLException {
    try (Connection c = TestServer.shared().bean(DataSource.class).getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        st.setString(i + 1, parameters[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(i == 1 ? "" : "|").append(rs.getString(i));
          }
          rows.add(row.toString());
        }
      }
      return rows;
    }
  }
}
