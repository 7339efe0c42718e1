package nl.geboorteketen.benchmark.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.geboorteketen.server.JvmOptions;

/**
 * A server under test in its own JVM: started on a free port with a fresh data dir, waited for
 * until /fhir/metadata answers, measured (start time, peak RSS from /proc, heap from its GC log)
 * and stopped with SIGTERM.
 */
public final class ServerProcess implements AutoCloseable {

  private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
  private static final Pattern STARTUP_PHASE = Pattern.compile("(.+) (\\d+) ms");
  private static final Pattern WARM_FOR_WRITES = Pattern.compile("Warm for writes: (\\d+) ms after ready");

  private final String name;
  private final Process process;
  private final int port;
  private final Path gcLog;
  private final Path log;
  private final long launchedNanos;
  private long readyMillis = -1;
  private long peakRssKb = -1;

  private ServerProcess(String name, Process process, int port, Path gcLog, Path log, long launchedNanos) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.gcLog = gcLog;
    this.log = log;
    this.launchedNanos = launchedNanos;
  }

  /**
   * Starts "java [jvmArgs] -cp classpath mainClass" in workDir with the database's settings and a
   * free port; stdout and stderr go to workDir/server.log, the GC log to gc.log (server-2.log and
   * gc-2.log for a second start in the same directory, so a restart keeps the first run's logs).
   */
  public static ServerProcess start(String name, String classpath, String mainClass, List<String> jvmArgs,
      Database db, Path workDir) throws IOException {
    Files.createDirectories(workDir);
    int port = freePort();
    String suffix = "";
    for (int n = 2; Files.exists(workDir.resolve("server" + suffix + ".log")); n++) {
      suffix = "-" + n;
    }
    Path gcLog = workDir.resolve("gc" + suffix + ".log");
    Path log = workDir.resolve("server" + suffix + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-Xlog:gc:file=" + gcLog);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("GK_"));
    env.putAll(db.env());
    env.put("GK_PORT", String.valueOf(port));
    env.put("GK_BIND_HOST", "127.0.0.1");
    // tokens for the load come from the development endpoint; the bare server ignores the setting
    env.put("GK_DEV_TOKENS", "true");
    // start-up figures stay comparable: no example family in the measured store
    env.put("GK_DEV_EXAMPLES", "false");
    // what the server's launcher gives its JVM (README's first command), for both servers alike
    env.putIfAbsent("MALLOC_ARENA_MAX", JvmOptions.MALLOC_ARENAS);
    long launched = System.nanoTime();
    return new ServerProcess(name, pb.start(), port, gcLog, log, launched);
  }

  /** Waits until GET /fhir/metadata is 200; returns milliseconds from launch to ready. */
  public long awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/metadata"))
        .timeout(Duration.ofSeconds(30)).header("Accept", "application/fhir+json").GET().build();
    long deadline = launchedNanos + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see its server.log");
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          readyMillis = (System.nanoTime() - launchedNanos) / 1_000_000;
          return readyMillis;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " was not ready within " + timeout);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/fhir";
  }

  public long pid() {
    return process.pid();
  }

  public long readyMillis() {
    return readyMillis;
  }

  /**
   * Where start-up time went, from the server's own "Start-up: name N ms, …" log line (phase name
   * to milliseconds, in order); empty for a server that writes none (the bare one).
   */
  public Map<String, Long> startupBreakdown() {
    Map<String, Long> phases = new java.util.LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(log)) {
        int at = line.indexOf("Start-up: ");
        if (at >= 0) {
          phases.clear();
          for (String part : line.substring(at + "Start-up: ".length()).split(", ")) {
            Matcher m = STARTUP_PHASE.matcher(part.strip());
            if (m.matches()) {
              phases.put(m.group(1), Long.parseLong(m.group(2)));
            }
          }
        }
      }
    } catch (IOException e) {
      // no log: unknown
    }
    return phases;
  }

  /**
   * How long after ready the server's validation warm-up ended (its "Warm for writes" line), waiting
   * up to the given time for it; -1 if it did not come (the bare server writes none).
   */
  public long warmForWritesMillis(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    do {
      try {
        for (String line : Files.readAllLines(log)) {
          Matcher m = WARM_FOR_WRITES.matcher(line);
          if (m.find()) {
            return Long.parseLong(m.group(1));
          }
        }
      } catch (IOException e) {
        // no log yet: wait
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return -1;
  }

  /** Peak resident set size so far (VmHWM), in MiB; -1 where /proc is not available. */
  public long peakRssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          peakRssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // process gone: keep the last value read
    }
    return peakRssKb < 0 ? -1 : peakRssKb / 1024;
  }

  /** Peak heap in use before a collection and peak committed heap, in MiB, from the GC log. */
  public long[] peakHeapMib() {
    long used = -1;
    long committed = -1;
    try {
      for (String line : Files.readAllLines(gcLog)) {
        Matcher m = GC_HEAP.matcher(line);
        if (m.find()) {
          used = Math.max(used, Long.parseLong(m.group(1)));
          committed = Math.max(committed, Long.parseLong(m.group(3)));
        }
      }
    } catch (IOException e) {
      // no log: unknown
    }
    return new long[] {used, committed};
  }

  @Override
  public void close() throws InterruptedException {
    peakRssMib();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
