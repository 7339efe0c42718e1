package nl.geboorteketen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.geboorteketen.server.storage.StarterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which class-data archive the launcher's child maps, or makes, and which collector it gets (the
 * whole start is in LauncherTest).
 */
class LauncherArchiveTest {

  /** The build's archive first; else the data directory's, mapped once there is one and made at exit before. */
  @Test
  void theChildMapsTheBuildsArchiveElseTheDataDirectorysElseMakesOne(@TempDir Path dir) throws Exception {
    Path build = dir.resolve("target/geboorteketen-classes-1.jsa");
    Path data = dir.resolve("data/geboorteketen-classes-1.jsa");
    Files.createDirectories(build.getParent());
    Files.createDirectories(data.getParent());

    assertEquals("-XX:ArchiveClassesAtExit=" + data, Launcher.archiveOption(build, data));
    Files.writeString(data, "made by a first server");
    assertEquals("-XX:SharedArchiveFile=" + data, Launcher.archiveOption(build, data));
    Files.writeString(build, "made by mvn package");
    assertEquals("-XX:SharedArchiveFile=" + build, Launcher.archiveOption(build, data));
    Files.delete(data);
    assertEquals("-XX:SharedArchiveFile=" + build, Launcher.archiveOption(build, data));
  }

  /** What a build leaves beside the jar for this build stays; what earlier builds left goes. */
  @Test
  void earlierBuildsArchivesAndStarterStoresAreRemoved(@TempDir Path dir) throws Exception {
    List<String> current = List.of(Launcher.archiveName(), StarterStore.fileName(Launcher.buildKey()));
    List<String> earlier = List.of("geboorteketen-classes-0.jsa", StarterStore.fileName("0"));
    for (String name : Stream.concat(current.stream(), Stream.of(earlier.get(0), earlier.get(1), "geboorteketen.mv.db")).toList()) {
      Files.writeString(dir.resolve(name), name);
    }
    Launcher.removeOtherArchives(dir);
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(Set.of(current.get(0), current.get(1), "geboorteketen.mv.db"),
          left.map(f -> f.getFileName().toString()).collect(Collectors.toSet()));
    }
    assertEquals(Launcher.buildArchive().resolveSibling(current.get(1)), Launcher.starterStore());
  }

  /** A JVM given two collectors does not start: the caller's choice replaces the launcher's. */
  @ParameterizedTest
  @CsvSource({
      "-XX:+UseG1GC, false", "-XX:+UseZGC, false", "-XX:+UseSerialGC, false",
      "-XX:TieredStopAtLevel=1, true", "-XX:+UseStringDeduplication, true", "-Xss1m, true"})
  void theLaunchersCollectorUnlessTheCallerPicksOne(String callerOption, boolean parallel) {
    List<String> command = Launcher.tunedJava("768m", List.of(callerOption));
    assertEquals(parallel, command.contains("-XX:+UseParallelGC"), command::toString);
    assertTrue(command.contains("-Xmx768m") && command.contains("-XX:-DontCompileHugeMethods"), command::toString);
    assertFalse(command.contains(callerOption), "the caller's options follow, added once: " + command);
  }
}
