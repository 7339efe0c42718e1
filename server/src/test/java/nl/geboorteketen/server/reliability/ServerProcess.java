package nl.geboorteketen.server.reliability;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.geboorteketen.server.support.Http;

/** The server as a separate JVM (nl.geboorteketen.server.Main on the test classpath), to kill or stop by signal. */
final class ServerProcess implements AutoCloseable {

  final Process process;
  final Http http;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.http = new Http("http://127.0.0.1:" + port);
  }

  /** Starts the server with these environment settings and waits until /health/ready says 200. */
  static ServerProcess start(Map<String, String> env, Path dataDir) throws Exception {
    return start(env, dataDir, List.of("-Xmx1g", "-XX:+UseSerialGC"));
  }

  /** As {@link #start(Map, Path)}, with these JVM options (none: the launcher sizes the heap). */
  static ServerProcess start(Map<String, String> env, Path dataDir, List<String> jvmOptions) throws Exception {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "nl.geboorteketen.server.Main"));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> childEnv = new HashMap<>(nl.geboorteketen.server.support.TestServer.tokenSettings());
    childEnv.putAll(env);
    childEnv.put("GK_PORT", String.valueOf(port));
    childEnv.put("GK_CONFIG", dataDir.resolve("none.properties").toString());
    pb.environment().putAll(childEnv);
    File log = dataDir.resolve("server.log").toFile();
    pb.redirectErrorStream(true).redirectOutput(log);
    ServerProcess server = new ServerProcess(pb.start(), port);
    server.awaitReady(log);
    return server;
  }

  private void awaitReady(File log) throws Exception {
    long deadline = System.currentTimeMillis() + 240_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server process exited with " + process.exitValue() + ", see " + log);
      }
      try {
        if (http.get("/health/ready").status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("server process not ready in 240 s, see " + log);
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
