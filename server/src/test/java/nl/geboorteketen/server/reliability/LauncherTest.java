package nl.geboorteketen.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Started without a heap option, the server runs in a child JVM with a sized heap; the first run
 * leaves a class-data archive that the next start uses; the child never outlives its launcher.
 */
class LauncherTest {

  @AfterEach
  void noServerOutlivesTheTest() {
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
  }

  /** From /proc: ProcessHandle.Info leaves out the arguments of a command line this long. */
  private static String commandLine(ProcessHandle process) throws java.io.IOException {
    return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline"))).replace('\0', ' ');
  }

  @Test
  void aSizedChildThatStopsWithItsLauncher(@TempDir Path dir) throws Exception {
    Map<String, String> env = Map.of("GK_DATA_DIR", dir.toString(), "GK_HEAP", "768m");

    ServerProcess first = ServerProcess.start(env, dir, List.of());
    ProcessHandle child = first.process.children().findFirst().orElseThrow();
    String arguments = commandLine(child);
    assertTrue(arguments.contains("-Xmx768m"), arguments);
    assertTrue(arguments.contains("-Djdk.nio.maxCachedBufferSize=262144"), arguments);
    assertTrue(arguments.contains("-XX:+UseStringDeduplication"), arguments);
    assertTrue(arguments.contains("-XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=60"), arguments);
    assertTrue(arguments.contains("-XX:-DontCompileHugeMethods"), arguments);
    assertTrue(arguments.contains("-XX:CompileCommand=quiet -XX:CompileCommand=exclude,*FastClass*.invoke"), arguments);
    // the test classpath has class folders, which a class-data archive cannot hold
    assertFalse(arguments.contains("ArchiveClassesAtExit"), arguments);
    String environment = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(child.pid()), "environ")));
    assertTrue(List.of(environment.split("\0")).contains("MALLOC_ARENA_MAX=2"), "two malloc arenas for the child");
    assertEquals(200, first.http.get("/fhir/metadata").status());
    first.process.destroy(); // SIGTERM: the launcher stops the child gracefully
    assertTrue(first.process.waitFor(120, TimeUnit.SECONDS));
    assertFalse(child.isAlive());
    assertTrue(Files.readString(dir.resolve("server.log")).contains("Geboorteketen stopped"),
        "the server stopped gracefully");

    ServerProcess second = ServerProcess.start(env, dir, List.of());
    ProcessHandle again = second.process.children().findFirst().orElseThrow();
    second.process.destroyForcibly(); // kill -9 of the launcher: the child stops on its own
    again.onExit().get(60, TimeUnit.SECONDS);
    assertFalse(again.isAlive());
  }
}
