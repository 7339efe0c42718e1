package nl.geboorteketen.server.storage;

/**
 * H2 writes committed changes to its file after a delay (500 ms by default); a process killed in
 * that window loses writes it had acknowledged (KillNineTest showed it). WRITE_DELAY=0 writes at
 * each commit.
 */
public final class H2Durability {

  private H2Durability() {}

  public static String durableUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:file:") && !jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
      return jdbcUrl + ";WRITE_DELAY=0";
    }
    return jdbcUrl;
  }
}
