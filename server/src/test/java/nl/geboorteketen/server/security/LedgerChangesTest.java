package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The caches hear of a change from this node and from the poll's first two sightings (a load that
 * straddled the first cannot keep what it read), not again on every poll while the change is in
 * the look-back window (that emptied them twice a second for ten seconds). A change written by
 * another node (a row this node did not write) is heard by the poll.
 */
class LedgerChangesTest {

  @Test
  void aChangeIsForgottenByTwoPollsNotByEveryPoll() throws Exception {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:ledger-changes-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    List<String> heard = new CopyOnWriteArrayList<>();
    try (LedgerChanges changes = new LedgerChanges(db)) {
      changes.onChange(heard::addAll);
      changes.changed(Set.of("F:family-a"));
      assertEquals(List.of("F:family-a"), heard, "this node forgets at once");

      insertAsAnotherNode(db, "F:family-b");
      Thread.sleep(4_000); // eight polls
      long b = heard.stream().filter("F:family-b"::equals).count();
      assertTrue(b >= 1 && b <= 3, () -> "heard " + heard);
      assertTrue(heard.stream().filter("F:family-a"::equals).count() <= 4, () -> "heard " + heard);
    }
  }

  private static void insertAsAnotherNode(JdbcDataSource db, String key) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement("INSERT INTO GK_LEDGER_CHANGE (CHANGED_AT, CHANGE_KEY) VALUES (?, ?)")) {
      st.setTimestamp(1, Timestamp.from(Instant.now()));
      st.setString(2, key);
      st.executeUpdate();
    }
  }
}
