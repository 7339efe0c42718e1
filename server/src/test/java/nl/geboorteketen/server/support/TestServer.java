package nl.geboorteketen.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import nl.geboorteketen.server.GeboorteketenServer;
import nl.geboorteketen.server.config.Settings;

/**
 * The one server all integration tests of a run share, on a free port with a fresh data
 * directory. The database is H2 (file) unless -Dgk.test.db=postgres, then a real PostgreSQL
 * from embedded binaries, started once per run.
 */
public final class TestServer {

  private static GeboorteketenServer shared;
  private static EmbeddedPostgres postgres;

  private TestServer() {}

  public static synchronized GeboorteketenServer shared() {
    if (shared == null) {
      try {
        shared = GeboorteketenServer.start(settings(Files.createTempDirectory("gk-test-")));
        stopAtExit();
        // the tests count on a warm validator (pool sizes, parsed types), as a client does after the warm-up
        if (!shared.awaitWarm(java.time.Duration.ofMinutes(3))) {
          throw new IllegalStateException("Test server's validation warm-up did not end within 3 minutes");
        }
      } catch (Exception e) {
        throw new IllegalStateException("Test server did not start", e);
      }
    }
    return shared;
  }

  public static boolean onPostgres() {
    return "postgres".equals(System.getProperty("gk.test.db"));
  }

  /** Settings for a server on a free port with its data in the given directory. */
  public static Settings settings(Path dataDir) throws IOException {
    Map<String, String> env = new HashMap<>();
    // Notifications (handover feature): local receivers allowed, quick retries.
    System.setProperty("GK_SUBSCRIPTION_ALLOWED_ENDPOINTS", "http://127.0.0.1:");
    System.setProperty("GK_NOTIFY_POLL_MS", "200");
    System.setProperty("GK_NOTIFY_RETRY_BASE_MS", "300");
    System.setProperty("GK_NOTIFY_RETRY_MAX_MS", "1500");
    env.put("GK_PORT", "0");
    env.put("GK_DATA_DIR", dataDir.toString());
    env.put("GK_DB_POOL_SIZE", "10");
    env.putAll(tokenSettings());
    if (onPostgres()) {
      EmbeddedPostgres pg = postgres();
      env.put("GK_DB_URL", pg.getJdbcUrl("postgres", "postgres"));
      env.put("GK_DB_USER", "postgres");
      env.put("GK_DB_PASSWORD", "postgres");
    }
    return Settings.from(env, new Properties());
  }

  /**
   * Settings for a server on a free port using a database of its own (created if absent) in the
   * run's one embedded PostgreSQL, whatever -Dgk.test.db says.
   */
  public static Settings postgresSettings(Path dataDir, String database) throws Exception {
    EmbeddedPostgres pg = postgres();
    try (java.sql.Connection c = pg.getPostgresDatabase().getConnection();
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
      if (!rs.next()) {
        st.execute("CREATE DATABASE " + database);
      }
    }
    Map<String, String> env = new HashMap<>();
    env.put("GK_PORT", "0");
    env.put("GK_DATA_DIR", dataDir.toString());
    env.put("GK_DB_POOL_SIZE", "10");
    env.putAll(tokenSettings());
    env.put("GK_DB_URL", pg.getJdbcUrl("postgres", database));
    env.put("GK_DB_USER", "postgres");
    env.put("GK_DB_PASSWORD", "postgres");
    return Settings.from(env, new Properties());
  }

  /** The settings that make a server trust the test tokens (any server a test starts needs them). */
  public static Map<String, String> tokenSettings() {
    return Map.of("GK_JWKS", TestTokens.jwksFile().toString(), "GK_TOKEN_ISSUER", TestTokens.ISSUER,
        "GK_TOKEN_AUDIENCE", TestTokens.AUDIENCE);
  }

  private static synchronized EmbeddedPostgres postgres() throws IOException {
    if (postgres == null) {
      postgres = EmbeddedPostgres.builder().start();
      stopAtExit();
    }
    return postgres;
  }

  private static boolean stopHookAdded;

  private static synchronized void stopAtExit() {
    if (!stopHookAdded) {
      Runtime.getRuntime().addShutdownHook(new Thread(TestServer::stopAll));
      stopHookAdded = true;
    }
  }

  private static void stopAll() {
    try {
      if (shared != null) {
        shared.close();
      }
      if (postgres != null) {
        postgres.close();
      }
    } catch (Exception e) {
      // the JVM is exiting; nothing left to protect
    }
  }
}
