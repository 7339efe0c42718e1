package nl.geboorteketen.server.storage;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Rewrites the H2 store into a file of its live data, with the server stopped. H2 writes every
 * commit as a new chunk of the file (the server's {@code WRITE_DELAY=0}, needed so an acknowledged
 * write survives a kill), and a chunk is freed only when all of its pages are dead; H2's own
 * compaction runs in a background writer that this setting switches off. Under load the file grows
 * by megabytes a second (docs/decisions.md, "The H2 file grows under load").
 */
public final class StoreCompaction {

  /** H2's "database may be already in use": another process holds the file lock. */
  private static final int IN_USE = 90020;

  private StoreCompaction() {}

  /** Compacts the store at this JDBC URL; returns the exit code (0 done, 1 refused) and says why on {@code out}. */
  public static int run(String jdbcUrl, String user, String password, PrintStream out) {
    if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
      // the URL itself is not echoed: a PostgreSQL URL may carry a password
      out.println("Nothing to compact: GK_DB_URL names no H2 file store. PostgreSQL reclaims space itself (autovacuum).");
      return 0;
    }
    Path file = fileOf(jdbcUrl);
    if (!Files.isRegularFile(file)) {
      out.println("No H2 store at " + file + ": check GK_DATA_DIR or GK_DB_URL.");
      return 1;
    }
    try {
      long before = Files.size(file);
      long started = System.nanoTime();
      try (Connection c = DriverManager.getConnection(jdbcUrl + ";IFEXISTS=TRUE", user, password);
          Statement st = c.createStatement()) {
        st.execute("SHUTDOWN COMPACT");
      }
      long after = Files.size(file);
      out.printf(Locale.ROOT, "Compacted %s: %s -> %s in %.1f s%n", file, megabytes(before), megabytes(after),
          (System.nanoTime() - started) / 1e9);
      return 0;
    } catch (SQLException e) {
      out.println(e.getErrorCode() == IN_USE
          ? "The store " + file + " is in use: stop the server first, then compact."
          : "The store " + file + " could not be compacted: " + e.getMessage());
      return 1;
    } catch (java.io.IOException e) {
      out.println("The store " + file + " could not be read: " + e.getMessage());
      return 1;
    }
  }

  static Path fileOf(String jdbcUrl) {
    String path = jdbcUrl.substring("jdbc:h2:file:".length());
    int settings = path.indexOf(';');
    return Path.of((settings < 0 ? path : path.substring(0, settings)) + ".mv.db").toAbsolutePath().normalize();
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
