package nl.geboorteketen.server;

import nl.geboorteketen.server.config.Settings;

/** Starts the server with the settings from the environment and config file (see README). */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.load();
    if (Launcher.shouldRelaunch(System.getenv())) {
      System.exit(Launcher.relaunch(System.getenv(), settings.dataDir(), args));
    }
    Launcher.stopWithLauncher();
    GeboorteketenServer server = GeboorteketenServer.start(settings);
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
