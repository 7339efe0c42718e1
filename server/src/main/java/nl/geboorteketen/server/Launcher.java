package nl.geboorteketen.server;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.geboorteketen.server.storage.StarterStore;

/**
 * `java -jar geboorteketen-server.jar` without heap options would let the JVM take a quarter of
 * the machine's memory. The launcher starts the server in a second JVM with a sized heap and a
 * class-data-sharing archive, unless the caller chose a heap itself (then it stays out of the way).
 *
 * <p>Some 22,000 classes are then mapped instead of loaded and verified (about 5 s of a start,
 * measured in docs/decisions.md). The build makes the archive beside the jar ({@link ClassArchive});
 * a jar without one (moved, or built with the step skipped) has one written into the data directory
 * when its first server there stops, which costs that server's whole run some 10 s of start-up.
 */
final class Launcher {

  static final String LAUNCHED = "gk.launched";
  static final String DEFAULT_HEAP = "1g";
  /** Class-data archives start with this name, followed by the build key (see {@link #buildKey}). */
  private static final String ARCHIVE_PREFIX = "geboorteketen-classes-";

  private Launcher() {}

  /** True when this JVM should start the server in a child JVM instead of itself. */
  static boolean shouldRelaunch(Map<String, String> env) {
    if (System.getProperty(LAUNCHED) != null || "false".equalsIgnoreCase(env.getOrDefault("GK_LAUNCHER", "true"))) {
      return false;
    }
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .noneMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAM") || a.startsWith("-XX:MaxHeapSize"));
  }

  /** The child JVM's command line: sized heap, class-data sharing, this JVM's own options and classpath. */
  static List<String> command(Map<String, String> env, Path dataDir, String[] args) {
    List<String> own = ManagementFactory.getRuntimeMXBean().getInputArguments();
    List<String> command = tunedJava(env.getOrDefault("GK_HEAP", DEFAULT_HEAP), own);
    if (jarsOnly()) {
      command.add(archiveOption(buildArchive(), dataDir.resolve(archiveName())));
      command.add(JvmOptions.QUIET_ARCHIVE);
    }
    command.addAll(own);
    command.add("-D" + LAUNCHED + "=true");
    command.add("-cp");
    command.add(absoluteClassPath());
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** What the child's C library is told, unless the caller set it ({@link JvmOptions#MALLOC_ARENAS}). */
  static Map<String, String> childEnvironment(Map<String, String> env) {
    return env.containsKey("MALLOC_ARENA_MAX") ? Map.of() : Map.of("MALLOC_ARENA_MAX", JvmOptions.MALLOC_ARENAS);
  }

  /**
   * This JDK's java with a heap and the options of {@link JvmOptions}, less its collector when the
   * caller's options (which follow) pick one.
   */
  static List<String> tunedJava(String heap, List<String> callerOptions) {
    boolean ownCollector = callerOptions.stream().anyMatch(JvmOptions::choosesCollector);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    List<String> tuning = new ArrayList<>(List.of(JvmOptions.TUNING.split(" ")));
    if (ownCollector) {
      tuning.remove(JvmOptions.COLLECTOR);
    }
    command.addAll(tuning);
    if (JvmOptions.trimsNativeHeap(Runtime.version())) {
      command.addAll(List.of(JvmOptions.NATIVE_TRIM.split(" ")));
    }
    return command;
  }

  /**
   * The archive the build made beside the jar when there is one for this jar; otherwise the data
   * directory's, mapped when a server there made it, or else made by this one at its exit.
   */
  static String archiveOption(Path buildArchive, Path dataArchive) {
    if (Files.isRegularFile(buildArchive)) {
      return "-XX:SharedArchiveFile=" + buildArchive;
    }
    return Files.isRegularFile(dataArchive) ? "-XX:SharedArchiveFile=" + dataArchive : "-XX:ArchiveClassesAtExit=" + dataArchive;
  }

  /** The archive {@link ClassArchive} makes beside the jar. */
  static Path buildArchive() {
    return Path.of(jar()).toAbsolutePath().getParent().resolve(archiveName());
  }

  /** The store {@link ClassArchive} leaves beside the jar: an empty data directory begins from it. */
  static Path starterStore() {
    return buildArchive().resolveSibling(StarterStore.fileName(buildKey()));
  }

  static String archiveName() {
    return ARCHIVE_PREFIX + buildKey() + ".jsa";
  }

  /**
   * An archive holds the class path it was made with and the JVM compares it as written: absolute
   * paths, so that the archive fits however the jar was named on the command line.
   */
  static String absoluteClassPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private static String jar() {
    return System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0];
  }

  /** Class-data archives hold classes from jars only: a build's classes folder cannot be archived. */
  static boolean jarsOnly() {
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.endsWith(".jar")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Names the jar and JDK an archive was made for: a rebuilt or moved jar or another JDK makes a new
   * one (the JVM would refuse the old one without a word, with {@link JvmOptions#QUIET_ARCHIVE}).
   */
  static String buildKey() {
    java.io.File file = new java.io.File(jar()).getAbsoluteFile();
    long key = ((file.lastModified() * 31 + file.length()) * 31 + file.toPath().normalize().toString().hashCode()) * 31
        + System.getProperty("java.version").hashCode();
    return Long.toHexString(key);
  }

  /** Removes archives and starter stores made for earlier builds (in the data directory, or beside the jar). */
  static void removeOtherArchives(Path dataDir) throws java.io.IOException {
    Set<String> current = Set.of(archiveName(), StarterStore.fileName(buildKey()));
    try (var files = Files.list(dataDir)) {
      for (Path file : files.filter(f -> isBuildOutput(f.getFileName().toString())
          && !current.contains(f.getFileName().toString())).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static boolean isBuildOutput(String name) {
    return name.startsWith(ARCHIVE_PREFIX) || name.startsWith(StarterStore.PREFIX);
  }

  /** Runs the server in a child JVM until it ends; a stop signal to this JVM stops the child gracefully. */
  static int relaunch(Map<String, String> env, Path dataDir, String[] args) throws Exception {
    Files.createDirectories(dataDir);
    removeOtherArchives(dataDir);
    ProcessBuilder builder = new ProcessBuilder(command(env, dataDir, args)).inheritIO();
    childEnvironment(env).forEach(builder.environment()::putIfAbsent);
    Process child = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      child.destroy();
      try {
        child.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "launcher-stop"));
    return child.waitFor();
  }

  /** In the child: stop when the launcher is gone (killed with -9), instead of running on unowned. */
  static void stopWithLauncher() {
    if (System.getProperty(LAUNCHED) == null) {
      return;
    }
    ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> System.exit(0)));
  }
}
