package nl.geboorteketen.benchmark.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.HashMap;
import java.util.Map;

/** A fresh database for one server: an H2 file in its data dir, or PostgreSQL from embedded binaries. */
public final class Database implements AutoCloseable {

  private final String type;
  private final Map<String, String> env;
  private final EmbeddedPostgres postgres;

  private Database(String type, Map<String, String> env, EmbeddedPostgres postgres) {
    this.type = type;
    this.env = env;
    this.postgres = postgres;
  }

  public static Database fresh(String type, Path dir) throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("GK_DATA_DIR", dir.resolve("data").toString());
    if ("h2".equals(type)) {
      return new Database(type, env, null);
    }
    if (!"postgres".equals(type)) {
      throw new IllegalArgumentException("--db is h2 or postgres, not " + type);
    }
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setDataDirectory(dir.resolve("pgdata"))
        .setCleanDataDirectory(true)
        .start();
    env.put("GK_DB_URL", pg.getJdbcUrl("postgres", "postgres"));
    env.put("GK_DB_USER", "postgres");
    env.put("GK_DB_PASSWORD", "postgres");
    return new Database(type, env, pg);
  }

  /** Environment for the server process (the GK_* settings both servers read). */
  public Map<String, String> env() {
    return env;
  }

  public String type() {
    return type;
  }

  /**
   * Stops PostgreSQL and deletes the server's data directory: a run at 10,000 families leaves
   * 2–7 GB of H2 files, and a session of runs once filled the disk. The logs stay beside it.
   */
  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
    Path data = Path.of(env.get("GK_DATA_DIR"));
    if (Files.isDirectory(data)) {
      try (Stream<Path> paths = Files.walk(data)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
