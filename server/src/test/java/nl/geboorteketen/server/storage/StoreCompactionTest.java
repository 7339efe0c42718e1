package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The `compact-store` command: what it does to a grown H2 file, and when it refuses. */
class StoreCompactionTest {

  @Test
  void grownStoreShrinksAndKeepsEveryRow() throws Exception {
    String url = "jdbc:h2:file:" + Files.createTempDirectory("gk-compact-").resolve("geboorteketen");
    // the server's setting: every commit its own chunk, as under load
    try (Connection c = DriverManager.getConnection(url + ";WRITE_DELAY=0", "sa", "")) {
      c.createStatement().execute("CREATE TABLE T (ID INT PRIMARY KEY, BODY VARCHAR(2000))");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO T VALUES (?, ?)")) {
        for (int i = 0; i < 2000; i++) {
          insert.setInt(1, i);
          insert.setString(2, "x".repeat(1000) + i);
          insert.executeUpdate();
        }
      }
    }
    Path file = StoreCompaction.fileOf(url);
    long before = Files.size(file);
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    assertEquals(0, StoreCompaction.run(url, "sa", "", print(said)), said::toString);
    long after = Files.size(file);
    assertTrue(after * 4 < before, "before " + before + ", after " + after);
    assertTrue(said.toString(StandardCharsets.UTF_8).startsWith("Compacted " + file), said::toString);
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*), SUM(LENGTH(BODY)) FROM T")) {
      rs.next();
      assertEquals(2000, rs.getInt(1));
      assertEquals(2000 * 1000 + 10 + 90 * 2 + 900 * 3 + 1000 * 4, rs.getLong(2));
    }
  }

  @Test
  void storeInUseByARunningServerIsLeftAlone() throws Exception {
    Path dir = Files.createTempDirectory("gk-compact-");
    String url = "jdbc:h2:file:" + dir.resolve("geboorteketen");
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().execute("CREATE TABLE T (ID INT PRIMARY KEY)");
    }
    Process holder = javaProcess(List.of(HoldStore.class.getName(), url));
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("held", out.readLine());
      long before = Files.size(StoreCompaction.fileOf(url));
      ByteArrayOutputStream said = new ByteArrayOutputStream();
      assertEquals(1, StoreCompaction.run(url, "sa", "", print(said)));
      assertEquals("The store " + StoreCompaction.fileOf(url) + " is in use: stop the server first, then compact.",
          said.toString(StandardCharsets.UTF_8).strip());
      assertEquals(before, Files.size(StoreCompaction.fileOf(url)));
    } finally {
      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void missingStoreIsNamedAndNotCreated() throws Exception {
    Path dir = Files.createTempDirectory("gk-compact-");
    String url = "jdbc:h2:file:" + dir.resolve("geboorteketen") + ";WRITE_DELAY=0";
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    assertEquals(1, StoreCompaction.run(url, "sa", "", print(said)));
    assertEquals("No H2 store at " + dir.resolve("geboorteketen.mv.db") + ": check GK_DATA_DIR or GK_DB_URL.",
        said.toString(StandardCharsets.UTF_8).strip());
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void postgresNeedsNothingAndItsUrlIsNotEchoed() {
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    assertEquals(0, StoreCompaction.run("jdbc:postgresql://db:5432/gk?password=secret", "gk", "pw", print(said)));
    assertEquals("Nothing to compact: GK_DB_URL names no H2 file store. PostgreSQL reclaims space itself (autovacuum).",
        said.toString(StandardCharsets.UTF_8).strip());
  }

  /** The command as README gives it: the server's main class with `compact-store`, settings from the environment. */
  @Test
  void commandCompactsTheDataDirectorysStore() throws Exception {
    Path dir = Files.createTempDirectory("gk-compact-");
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("geboorteketen"), "sa", "")) {
      c.createStatement().execute("CREATE TABLE T (ID INT PRIMARY KEY)");
    }
    ProcessBuilder pb = command(List.of("nl.geboorteketen.server.Main", "compact-store"));
    pb.environment().keySet().removeIf(k -> k.startsWith("GK_"));
    pb.environment().put("GK_DATA_DIR", dir.toString());
    pb.environment().put("GK_CONFIG", dir.resolve("none.properties").toString());
    Process p = pb.redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("Compacted " + dir.resolve("geboorteketen.mv.db") + ": "), output);
  }

  private static PrintStream print(ByteArrayOutputStream to) {
    return new PrintStream(to, true, StandardCharsets.UTF_8);
  }

  private static Process javaProcess(List<String> mainAndArgs) throws Exception {
    return command(mainAndArgs).start();
  }

  private static ProcessBuilder command(List<String> mainAndArgs) {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path")));
    command.addAll(mainAndArgs);
    return new ProcessBuilder(command);
  }

  /** Another process with the store open, as a running server has it. */
  public static final class HoldStore {
    public static void main(String[] args) throws Exception {
      try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
        System.out.println("held");
        System.out.flush();
        Thread.sleep(120_000);
      }
    }
  }
}
