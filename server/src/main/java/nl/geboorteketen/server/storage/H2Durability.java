package nl.geboorteketen.server.storage;

/**
 * H2 settings the reliability tests showed are needed. WRITE_DELAY=0: H2 writes committed changes
 * to its file after a delay (500 ms by default), and a process killed in that window lost a write
 * it had acknowledged (KillNineTest). DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook closed the
 * database under a request still finishing after SIGTERM (GracefulShutdownTest); the server closes
 * the pool itself after Jetty has drained.
 */
public final class H2Durability {

  private H2Durability() {}

  public static String durableUrl(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
      return jdbcUrl;
    }
    return H2Url.withSetting(H2Url.withSetting(jdbcUrl, "WRITE_DELAY", 0), "DB_CLOSE_ON_EXIT", "FALSE");
  }
}
