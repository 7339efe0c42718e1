package nl.geboorteketen.server.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.geboorteketen.server.storage.OwnTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What changed in the ledger, for the caches of every node: each change is a row of
 * {@code GK_LEDGER_CHANGE} written in the changing transaction; this node's listeners hear the
 * keys when that transaction commits, and every node reads the recent rows twice a second, so it
 * hears what changed through another node on the same database.
 */
public class LedgerChanges implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerChanges.class);
  private static final Duration LOOK_BACK = Duration.ofSeconds(10);
  private static final Duration KEEP_CHANGES = Duration.ofHours(1);
  private static final Duration FORGET_AGAIN = Duration.ofMillis(900);

  private final DataSource dataSource;
  private final java.util.List<java.util.function.Consumer<Set<String>>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "gk-ledger-changes");
    t.setDaemon(true);
    return t;
  });
  private volatile Instant lastPoll = Instant.now();
  private volatile Instant lastPrune = Instant.now();
  /** Rows already read by a poll, by id, with when they were first read. Only the poll thread uses it. */
  private final Map<Long, Instant> seen = new java.util.HashMap<>();

  public LedgerChanges(DataSource dataSource) {
    this.dataSource = dataSource;
    createTable();
    poller.scheduleWithFixedDelay(this::poll, 500, 500, TimeUnit.MILLISECONDS);
  }

  /** Called with the keys that changed: on this node after the commit, for other nodes' changes by the poll. */
  public void onChange(java.util.function.Consumer<Set<String>> listener) {
    listeners.add(listener);
  }

  /**
   * Records that what is cached under these keys changed: in the current transaction, so other
   * nodes see it when it commits; this node forgets the keys after the commit (or at once).
   */
  public void changed(Set<String> keys) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement st = c.prepareStatement("INSERT INTO GK_LEDGER_CHANGE (CHANGED_AT, CHANGE_KEY) VALUES (?, ?)")) {
      for (String key : keys) {
        st.setTimestamp(1, Timestamp.from(Instant.now()));
        st.setString(2, key);
        st.addBatch();
      }
      st.executeBatch();
    } catch (SQLException e) {
      throw new CareLedger.LedgerException(e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          forget(keys);
        }
      });
    }
    forget(keys);
  }

  private void forget(Set<String> keys) {
    if (!keys.isEmpty()) {
      listeners.forEach(l -> l.accept(keys));
    }
  }

  /**
   * Reads the changes of the last seconds (also those of other nodes) and forgets the keys of the
   * rows it first saw less than a second ago: twice, so a cache load that straddled the first
   * forgetting cannot keep what it read before the change. Forgetting every key of the window on
   * each poll emptied the caches of every family changed in the last ten seconds twice a second
   * (after a registration, the midwife's reads of that family all went to the database again).
   */
  private void poll() {
    Instant now = Instant.now();
    Instant from = lastPoll.minus(LOOK_BACK);
    try (Connection c = dataSource.getConnection();
        PreparedStatement st = c.prepareStatement("SELECT ID, CHANGE_KEY FROM GK_LEDGER_CHANGE WHERE CHANGED_AT >= ?")) {
      // a window, not a last-seen id: a transaction that took an earlier id may commit later
      st.setTimestamp(1, Timestamp.from(from));
      Set<String> keys = new java.util.HashSet<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Instant firstSeen = seen.putIfAbsent(rs.getLong(1), now);
          if (firstSeen == null || firstSeen.isAfter(now.minus(FORGET_AGAIN))) {
            keys.add(rs.getString(2));
          }
        }
      }
      forget(keys);
      // a row is in the window for LOOK_BACK after it was first seen: remember it that long, and a bit
      seen.values().removeIf(firstSeen -> firstSeen.isBefore(from.minus(LOOK_BACK)));
      lastPoll = now;
      if (now.isAfter(lastPrune.plus(Duration.ofMinutes(10)))) {
        try (PreparedStatement prune = c.prepareStatement("DELETE FROM GK_LEDGER_CHANGE WHERE CHANGED_AT < ?")) {
          prune.setTimestamp(1, Timestamp.from(now.minus(KEEP_CHANGES)));
          prune.executeUpdate();
        }
        lastPrune = now;
      }
    } catch (SQLException | RuntimeException e) {
      // the store is gone (shutting down) or busy: nothing is trusted that is older than a minute anyway
      LOG.debug("Polling ledger changes failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }

  private void createTable() {
    OwnTables.create(dataSource, "ledger change",
        "CREATE TABLE IF NOT EXISTS GK_LEDGER_CHANGE (ID BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            + " CHANGED_AT TIMESTAMP NOT NULL, CHANGE_KEY VARCHAR(300) NOT NULL)",
        "CREATE INDEX IF NOT EXISTS GK_LEDGER_CHANGE_AT ON GK_LEDGER_CHANGE (CHANGED_AT)");
    OwnTables.cacheIdentityOnH2(dataSource, "GK_LEDGER_CHANGE");
  }

}
