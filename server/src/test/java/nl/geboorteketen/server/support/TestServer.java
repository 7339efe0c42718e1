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
      } catch (Exception e) {
        throw new IllegalStateException("Test server did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestServer::stopAll));
    }
    return shared;
  }

  public static boolean onPostgres() {
    return "postgres".equals(System.getProperty("gk.test.db"));
  }

  /** Settings for a server on a free port with its data in the given directory. */
  public static Settings settings(Path dataDir) throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("GK_PORT", "0");
    env.put("GK_DATA_DIR", dataDir.toString());
    env.put("GK_DB_POOL_SIZE", "10");
    env.put("GK_JWKS", TestTokens.jwksFile().toString());
    env.put("GK_TOKEN_ISSUER", TestTokens.ISSUER);
    env.put("GK_TOKEN_AUDIENCE", TestTokens.AUDIENCE);
    if (onPostgres()) {
      EmbeddedPostgres pg = postgres();
      env.put("GK_DB_URL", pg.getJdbcUrl("postgres", "postgres"));
      env.put("GK_DB_USER", "postgres");
      env.put("GK_DB_PASSWORD", "postgres");
    }
    return Settings.from(env, new Properties());
  }

  private static synchronized EmbeddedPostgres postgres() throws IOException {
    if (postgres == null) {
      postgres = EmbeddedPostgres.builder().start();
    }
    return postgres;
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
