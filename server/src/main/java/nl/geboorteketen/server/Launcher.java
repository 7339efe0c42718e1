package nl.geboorteketen.server;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * `java -jar geboorteketen-server.jar` without heap options would let the JVM take a quarter of
 * the machine's memory. The launcher starts the server in a second JVM with a sized heap and a
 * class-data-sharing archive, unless the caller chose a heap itself (then it stays out of the way).
 *
 * <p>The archive is written when the first server on a data directory stops normally and used
 * by every start after that: some 22,000 classes are mapped instead of loaded and verified (about
 * 3 s of a 29 s restart, measured in docs/decisions.md).
 */
final class Launcher {

  static final String LAUNCHED = "gk.launched";
  private static final String DEFAULT_HEAP = "1g";

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
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + env.getOrDefault("GK_HEAP", DEFAULT_HEAP));
    command.addAll(List.of(JvmOptions.TUNING.split(" ")));
    if (JvmOptions.trimsNativeHeap(Runtime.version())) {
      command.addAll(List.of(JvmOptions.NATIVE_TRIM.split(" ")));
    }
    if (jarsOnly()) {
      Path archive = dataDir.resolve("geboorteketen-classes-" + buildKey() + ".jsa");
      command.add(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
      command.add("-Xlog:cds=off,cds+dynamic=off");
    }
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-D" + LAUNCHED + "=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** What the child's C library is told, unless the caller set it ({@link JvmOptions#MALLOC_ARENAS}). */
  static Map<String, String> childEnvironment(Map<String, String> env) {
    return env.containsKey("MALLOC_ARENA_MAX") ? Map.of() : Map.of("MALLOC_ARENA_MAX", JvmOptions.MALLOC_ARENAS);
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

  /** Names the jar and JDK an archive was made for: a rebuilt jar or another JDK makes a new one. */
  static String buildKey() {
    String jar = System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0];
    java.io.File file = new java.io.File(jar);
    return Long.toHexString((file.lastModified() * 31 + file.length()) * 31 + System.getProperty("java.version").hashCode());
  }

  /** Removes archives made for earlier builds. */
  static void removeOtherArchives(Path dataDir) throws java.io.IOException {
    String current = "geboorteketen-classes-" + buildKey() + ".jsa";
    try (var files = Files.list(dataDir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("geboorteketen-classes-")
          && !f.getFileName().toString().equals(current)).toList()) {
        Files.deleteIfExists(file);
      }
    }
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
