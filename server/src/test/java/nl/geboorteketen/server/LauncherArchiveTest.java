package nl.geboorteketen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which class-data archive the launcher's child maps, or makes (the whole start is in LauncherTest). */
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
}
