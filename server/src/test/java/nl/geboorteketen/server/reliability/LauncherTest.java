package nl.geboorteketen.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.geboorteketen.server.JvmOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /** An option the JVM does not know stops it from starting: only JDKs that have the trim get it. */
  @ParameterizedTest
  @CsvSource({
      "17.0.8, false", "17.0.9, true", "17.0.15, true", "18.0.2, false", "20.0.2, false",
      "21, false", "21.0.1, true", "22, true", "25.0.1, true"})
  void theNativeTrimOnlyWhereTheJdkHasIt(String version, boolean trims) {
    assertEquals(trims, JvmOptions.trimsNativeHeap(Runtime.Version.parse(version)), version);
  }

  @Test
  void aSizedChildThatStopsWithItsLauncher(@TempDir Path dir) throws Exception {
    Map<String, String> env = Map.of("GK_DATA_DIR", dir.toString(), "GK_HEAP", "768m");

    ServerProcess first = ServerProcess.start(env, dir, List.of());
    ProcessHandle child = first.process.children().findFirst().orElseThrow();
    String arguments = commandLine(child);
    assertTrue(arguments.contains("-Xmx768m"), arguments);
    assertTrue(arguments.contains("-Djdk.nio.maxCachedBufferSize=262144"), arguments);
    assertTrue(arguments.contains("-XX:+UseParallelGC"), arguments);
    assertFalse(arguments.contains("G1") || arguments.contains("StringDeduplication"), arguments);
    assertTrue(arguments.contains("-XX:-DontCompileHugeMethods"), arguments);
    assertTrue(arguments.contains("-XX:CompileCommand=quiet -XX:CompileCommand=exclude,*FastClass*.invoke"), arguments);
    assertTrue(arguments.contains("-XX:ReservedCodeCacheSize=100m"), arguments);
    assertEquals(JvmOptions.trimsNativeHeap(Runtime.version()),
        arguments.contains("-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000"), arguments);
    // the test classpath has class folders, which a class-data archive cannot hold
    assertFalse(arguments.contains("ArchiveClassesAtExit"), arguments);
    String environment = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(child.pid()), "environ")));
    assertTrue(List.of(environment.split("\0")).contains("MALLOC_ARENA_MAX=1"), "one malloc arena for the child");
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
