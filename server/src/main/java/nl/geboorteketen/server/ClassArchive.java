package nl.geboorteketen.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.geboorteketen.server.storage.StarterStore;

/**
 * {@code java -jar geboorteketen-server.jar class-archive}, run by {@code mvn package}: makes the
 * class-data archive beside the jar that every start of this jar maps ({@link Launcher}). It starts
 * the server once on an empty directory of its own, waits for the validation warm-up and stops it;
 * the JVM writes what it loaded at its exit. Made this way, no server a user starts pays for making
 * it: a JVM that makes an archive starts some 10 s slower (docs/decisions.md). The store that server
 * leaves, our package installed and nothing else, is kept beside the archive ({@link StarterStore}).
 */
final class ClassArchive {

  static final String COMMAND = "class-archive";
  /** Set on the archive's own server: stop once warm, so that the JVM exits and writes the archive. */
  static final String EXIT_WHEN_WARM = "gk.exitWhenWarm";
  private static final long MINUTES = 10;

  private ClassArchive() {}

  /**
   * Whether a JVM with this jar's class path maps the archive: one that refused it would start as if
   * there were none, without a word ({@link JvmOptions#QUIET_ARCHIVE}).
   */
  static boolean maps(Path archive) throws Exception {
    Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-cp", Launcher.absoluteClassPath(), "-version")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return check.waitFor(1, TimeUnit.MINUTES) && check.exitValue() == 0;
  }

  static int make() throws Exception {
    if (!Launcher.jarsOnly()) {
      System.out.println("class-archive: the class path holds folders, which an archive cannot hold; nothing made");
      return 0;
    }
    Path archive = Launcher.buildArchive();
    Path store = Launcher.starterStore();
    Launcher.removeOtherArchives(archive.getParent());
    if (Files.isRegularFile(archive) && Files.isRegularFile(store)) {
      System.out.println("class-archive: " + archive + " and " + store.getFileName() + " are up to date");
      return 0;
    }
    Path partial = archive.resolveSibling(archive.getFileName() + ".part");
    Path data = Files.createTempDirectory("geboorteketen-class-archive");
    try {
      List<String> command = Launcher.tunedJava(Launcher.DEFAULT_HEAP, List.of());
      command.addAll(List.of("-XX:ArchiveClassesAtExit=" + partial, JvmOptions.QUIET_ARCHIVE,
          "-D" + Launcher.LAUNCHED + "=true", "-D" + EXIT_WHEN_WARM + "=true",
          "-cp", Launcher.absoluteClassPath(), Main.class.getName()));
      Path log = archive.resolveSibling("class-archive.log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().keySet().removeIf(k -> k.startsWith("GK_"));
      builder.environment().putAll(Map.of("GK_DATA_DIR", data.toString(), "GK_PORT", "0",
          "GK_DEV_TOKENS", "false", "MALLOC_ARENA_MAX", JvmOptions.MALLOC_ARENAS));
      Process server = builder.start();
      if (!server.waitFor(MINUTES, TimeUnit.MINUTES)) {
        server.destroyForcibly();
        System.err.println("class-archive: the server did not start and stop within " + MINUTES + " minutes; see " + log);
        return 1;
      }
      if (server.exitValue() != 0 || !Files.isRegularFile(partial)) {
        System.err.println("class-archive: the server ended with " + server.exitValue() + " and wrote no archive; see " + log);
        return 1;
      }
      if (!maps(partial)) {
        System.err.println("class-archive: the JVM refuses the archive it wrote for this jar; see " + log);
        return 1;
      }
      // under its final name only when whole: a start never maps a half-written archive
      Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      StarterStore.keep(data, store);
      System.out.println("class-archive: made " + archive + " and the starter store " + store.getFileName());
      return 0;
    } finally {
      Files.deleteIfExists(partial);
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
