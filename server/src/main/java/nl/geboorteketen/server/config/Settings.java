package nl.geboorteketen.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Every setting of the server, read once at start-up: environment variable over the properties
 * file (GK_CONFIG, default ./geboorteketen.properties) over the default. README documents them.
 */
public record Settings(
    int port,
    String bindHost,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    int dbPoolSize,
    long maxRequestBytes,
    String publicBaseUrl,
    String jwks,
    String tokenIssuer,
    String tokenAudience,
    boolean devTokens,
    int careGraceDays,
    boolean devExamples) {

  public static Settings load() {
    return from(System.getenv(), readConfigFile(System.getenv().getOrDefault("GK_CONFIG", "geboorteketen.properties")));
  }

  /** Builds settings from explicit sources; keys are the environment-variable names. */
  public static Settings from(Map<String, String> env, Properties file) {
    Source s = new Source(env, file);
    Path dataDir = Path.of(s.get("GK_DATA_DIR", "./data")).toAbsolutePath().normalize();
    String defaultUrl = defaultDbUrl(dataDir);
    return new Settings(
        Integer.parseInt(s.get("GK_PORT", "8080")),
        s.get("GK_BIND_HOST", "127.0.0.1"),
        dataDir,
        s.get("GK_DB_URL", defaultUrl),
        s.get("GK_DB_USER", "sa"),
        s.get("GK_DB_PASSWORD", ""),
        Integer.parseInt(s.get("GK_DB_POOL_SIZE", "20")),
        Long.parseLong(s.get("GK_MAX_REQUEST_BYTES", String.valueOf(10L * 1024 * 1024))),
        s.get("GK_PUBLIC_BASE_URL", ""),
        s.get("GK_JWKS", ""),
        s.get("GK_TOKEN_ISSUER", "https://geboorteketen.nl/dev"),
        s.get("GK_TOKEN_AUDIENCE", "https://fhir.geboorteketen.nl"),
        Boolean.parseBoolean(s.get("GK_DEV_TOKENS", "false")),
        Integer.parseInt(s.get("GK_CARE_GRACE_DAYS", "90")),
        Boolean.parseBoolean(s.get("GK_DEV_EXAMPLES", "true")));
  }

  public Settings withPort(int newPort) {
    return new Settings(newPort, bindHost, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, maxRequestBytes, publicBaseUrl,
        jwks, tokenIssuer, tokenAudience, devTokens, careGraceDays, devExamples);
  }

  /** With development tokens on (and GK_DEV_EXAMPLES not false), a fresh store gets the example family. */
  public boolean storesExampleFamily() {
    return devTokens && devExamples;
  }

  /** The default store's name in the data directory; H2 adds ".mv.db" for its file. */
  public static final String DEFAULT_STORE = "geboorteketen";

  /** The H2 file in the data directory, used when GK_DB_URL is not set. */
  public static String defaultDbUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.resolve(DEFAULT_STORE);
  }

  /** The default H2 file with the default credentials: the store a build can hand over ready-made. */
  public boolean usesDefaultStore() {
    return dbUrl.equals(defaultDbUrl(dataDir)) && dbUser.equals("sa") && dbPassword.isEmpty();
  }

  public boolean isPostgres() {
    return dbUrl.startsWith("jdbc:postgresql:");
  }

  private static Properties readConfigFile(String location) {
    Properties props = new Properties();
    Path path = Path.of(location);
    if (Files.isRegularFile(path)) {
      try (InputStream in = Files.newInputStream(path)) {
        props.load(in);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read config file " + path.toAbsolutePath(), e);
      }
    }
    return props;
  }

  private record Source(Map<String, String> env, Properties file) {
    String get(String key, String fallback) {
      String fromEnv = env.get(key);
      if (fromEnv != null && !fromEnv.isBlank()) {
        return fromEnv;
      }
      return file.getProperty(key, fallback);
    }
  }
}
