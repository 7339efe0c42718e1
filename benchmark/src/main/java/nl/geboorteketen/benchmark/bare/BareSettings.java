package nl.geboorteketen.benchmark.bare;

import java.nio.file.Path;
import java.util.Map;

/** The few settings of the bare server, from the same GK_* variables our server reads. */
public record BareSettings(int port, String bindHost, String dbUrl, String dbUser, String dbPassword, int poolSize) {

  static BareSettings fromEnv() {
    Map<String, String> env = System.getenv();
    Path dataDir = Path.of(env.getOrDefault("GK_DATA_DIR", "./data")).toAbsolutePath().normalize();
    return new BareSettings(
        Integer.parseInt(env.getOrDefault("GK_PORT", "8080")),
        env.getOrDefault("GK_BIND_HOST", "127.0.0.1"),
        // The shutdown hook closes the context; H2 must not close itself first. WRITE_DELAY=0: the
        // durability our server needs (an acknowledged write survives kill -9), so both pay for it.
        env.getOrDefault("GK_DB_URL", "jdbc:h2:file:" + dataDir.resolve("bare-hapi")
            + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"),
        env.getOrDefault("GK_DB_USER", "sa"),
        env.getOrDefault("GK_DB_PASSWORD", ""),
        Integer.parseInt(env.getOrDefault("GK_DB_POOL_SIZE", "20")));
  }

  boolean isPostgres() {
    return dbUrl.startsWith("jdbc:postgresql:");
  }
}
