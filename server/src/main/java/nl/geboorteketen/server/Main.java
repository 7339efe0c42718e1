package nl.geboorteketen.server;

import java.time.Duration;
import nl.geboorteketen.server.config.Settings;
import nl.geboorteketen.server.storage.StoreCompaction;

/** Starts the server with the settings from the environment and config file (see README). */
public final class Main {

  /** With the server stopped: rewrites the H2 file to its live data (README, "The H2 file and its size"). */
  static final String COMPACT_STORE = "compact-store";

  private Main() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.load();
    if (args.length > 0 && args[0].equals(COMPACT_STORE)) {
      System.exit(StoreCompaction.run(settings.dbUrl(), settings.dbUser(), settings.dbPassword(), System.out));
    }
    if (args.length > 0 && args[0].equals(ClassArchive.COMMAND)) {
      System.exit(ClassArchive.make());
    }
    if (Launcher.shouldRelaunch(System.getenv())) {
      System.exit(Launcher.relaunch(System.getenv(), settings.dataDir(), args));
    }
    Launcher.stopWithLauncher();
    GeboorteketenServer server = GeboorteketenServer.start(settings);
    if (Boolean.getBoolean(ClassArchive.EXIT_WHEN_WARM)) {
      boolean warm = server.awaitWarm(Duration.ofMinutes(5));
      server.close();
      System.exit(warm ? 0 : 1);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "shutdown"));
    Thread.currentThread().join();
  }
}
