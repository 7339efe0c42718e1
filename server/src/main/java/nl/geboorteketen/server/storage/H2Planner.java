package nl.geboorteketen.server.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps H2's cost-based planner from driving searches by a common code. HAPI searches
 * {@code Observation?subject=…&code=…} with one join of the token index and the link index; H2
 * judges each by the average distinctness of a column, and code hashes look as distinct as link
 * targets (identifiers are unique, codes are not). So H2 read every birth weight of the store and
 * kept the one of this child: 11,011 index rows at 10,000 families, p95 153 → 337 ms from 1,000 to
 * 10,000 families. The token hash columns are declared unselective, which is true of the codes
 * searched with a subject (a search by identifier alone still uses its index: it has no other), and
 * link targets as selective as they are at 10,000 families: a search names a patient or a record,
 * whose links are few. In a small store the shared organisations made the targets look common.
 *
 * <p>H2 recomputes selectivity itself after every 2,000 changed rows, which would undo that, so
 * its automatic analysis is off ({@link #url}) and this class analyses the store at start-up and
 * every hour, in the background, and declares the columns after each analysis. PostgreSQL keeps
 * per-value statistics and needs none of this.
 */
public final class H2Planner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(H2Planner.class);
  static final int TOKEN_HASH_SELECTIVITY = 2;
  static final int LINK_TARGET_SELECTIVITY = 20;
  static final int STATEMENTS_CACHED = 128;
  private static final int LOCK_WAIT_MS = 200;
  private static final int ATTEMPTS = 10;
  private static final long RETRY_MS = 3_000;
  private static final List<String> DECLARED = List.of(
      "HFJ_SPIDX_TOKEN ALTER COLUMN HASH_SYS_AND_VALUE SELECTIVITY " + TOKEN_HASH_SELECTIVITY,
      "HFJ_SPIDX_TOKEN ALTER COLUMN HASH_VALUE SELECTIVITY " + TOKEN_HASH_SELECTIVITY,
      "HFJ_RES_LINK ALTER COLUMN TARGET_RESOURCE_ID SELECTIVITY " + LINK_TARGET_SELECTIVITY);

  private final DataSource dataSource;
  private final java.util.concurrent.CountDownLatch firstAnalysis = new java.util.concurrent.CountDownLatch(1);
  private final ScheduledExecutorService analyser = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "gk-h2-analyse");
    t.setDaemon(true);
    return t;
  });

  private H2Planner(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * H2's own analysis off: this class analyses and then states what the statistics cannot see. And
   * a larger cache of parsed statements per connection: H2 keeps 8, a create alone runs more
   * distinct statements than that, so most were parsed and planned again (4 % of a create's CPU).
   */
  public static String url(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:h2:")) {
      return jdbcUrl;
    }
    return H2Url.withSetting(H2Url.withSetting(jdbcUrl, "ANALYZE_AUTO", 0), "QUERY_CACHE_SIZE", STATEMENTS_CACHED);
  }

  /** On H2: analyses and declares in the background, now and every hour. Elsewhere nothing. */
  public static H2Planner start(DataSource dataSource, String jdbcUrl) {
    H2Planner planner = new H2Planner(dataSource);
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      planner.analyser.scheduleWithFixedDelay(planner::analyse, 0, 1, TimeUnit.HOURS);
    }
    return planner;
  }

  void analyse() {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      long started = System.nanoTime();
      st.execute("ANALYZE");
      declare(st);
      LOG.debug("H2 statistics renewed in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("H2 statistics not renewed: {}", e.toString());
    } finally {
      firstAnalysis.countDown();
    }
  }

  /** Waits until the first analysis after start-up has run (for tests). */
  boolean awaitFirstAnalysis(long seconds) throws InterruptedException {
    return firstAnalysis.await(seconds, TimeUnit.SECONDS);
  }

  /**
   * An ALTER TABLE waits for an exclusive lock on the table, and writers queue behind it: each
   * attempt waits at most {@link #LOCK_WAIT_MS}, and a busy table is tried again a few seconds
   * later. The connection's own lock timeout is put back before it returns to the pool.
   */
  private static void declare(Statement st) throws SQLException {
    String before = setting(st, "LOCK_TIMEOUT");
    st.execute("SET LOCK_TIMEOUT " + LOCK_WAIT_MS);
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          for (String declaration : DECLARED) {
            st.execute("ALTER TABLE " + declaration);
          }
          return;
        } catch (SQLException busy) {
          if (attempt == ATTEMPTS) {
            throw busy;
          }
          sleep();
        }
      }
    } finally {
      st.execute("SET LOCK_TIMEOUT " + (before == null ? "10000" : before));
    }
  }

  private static String setting(Statement st, String name) throws SQLException {
    try (ResultSet rs = st.executeQuery(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + name + "'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(RETRY_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    analyser.shutdownNow();
  }
}
