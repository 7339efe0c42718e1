package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On H2 a record's JSON is kept in its row up to the limit, and apart from it beyond. */
class H2RecordTextTest {

  @BeforeAll
  static void onH2() {
    assumeFalse(TestServer.onPostgres(), "an H2 storage matter");
  }

  @Test
  void aRecordsTextIsKeptInItsRowUpToTheLimit() throws SQLException {
    assertFalse(storedApart(create(100)), "a small record's text is in its row");
    assertFalse(storedApart(create(H2RecordText.IN_ROW_BYTES - 2_000)), "a text just under the limit is in its row");
    assertTrue(storedApart(create(H2RecordText.IN_ROW_BYTES + 2_000)), "a longer text is kept apart");
  }

  @Test
  void theStoreUsesTheLimit() throws SQLException {
    try (Connection c = TestServer.shared().bean(DataSource.class).getConnection();
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MAX_LENGTH_INPLACE_LOB'")) {
      assertTrue(rs.next());
      assertEquals(String.valueOf(H2RecordText.IN_ROW_BYTES), rs.getString(1));
    }
  }

  /** A Basic (no profile of ours applies) whose JSON is about {@code bytes} long; its stored id. */
  private static String create(int bytes) {
    Basic basic = new Basic().setCode(new CodeableConcept().setText("x".repeat(bytes)));
    Http.Response created = Http.shared().postJson("/fhir/Basic", basic);
    assertEquals(201, created.status(), created::toString);
    return created.resource(Basic.class).getIdElement().getIdPart();
  }

  /**
   * Whether H2 keeps the version's text in its LOB maps: such a CLOB names its LOB id in its trace
   * form, one kept in the row gives its value.
   */
  private static boolean storedApart(String id) throws SQLException {
    try (Connection c = TestServer.shared().bean(DataSource.class).getConnection();
        PreparedStatement st = c.prepareStatement("SELECT v.RES_TEXT_VC FROM HFJ_RES_VER v"
            + " JOIN HFJ_RESOURCE r ON r.RES_ID = v.RES_ID WHERE r.RES_TYPE = 'Basic' AND r.FHIR_ID = ?")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        assertTrue(rs.next(), "stored version of Basic/" + id);
        Clob text = rs.getClob(1);
        return text.toString().contains("/* table:");
      }
    }
  }
}
