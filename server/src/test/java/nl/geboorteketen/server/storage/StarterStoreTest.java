package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import nl.geboorteketen.server.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When an empty data directory begins from the build's store, and that a store there is never touched. */
class StarterStoreTest {

  private static final byte[] BUILT = "the build's store, package installed".getBytes();

  private static Settings settings(Path dataDir, Map<String, String> more) {
    Map<String, String> env = new HashMap<>(more);
    env.put("GK_DATA_DIR", dataDir.toString());
    return Settings.from(env, new Properties());
  }

  private static Path starter(Path dir) throws Exception {
    Path starter = dir.resolve("target").resolve(StarterStore.fileName("be26"));
    Files.createDirectories(starter.getParent());
    return Files.write(starter, BUILT);
  }

  @Test
  void anEmptyDataDirectoryWithTheDefaultStoreBeginsFromACopy(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    assertTrue(StarterStore.placeInto(settings(data, Map.of()), starter(dir)));
    assertArrayEquals(BUILT, Files.readAllBytes(data.resolve(StarterStore.STORE_FILE)));
    try (Stream<Path> files = Files.list(data)) {
      assertEquals(List.of(StarterStore.STORE_FILE), files.map(f -> f.getFileName().toString()).toList(),
          "no partial copy left behind");
    }
    assertTrue(Files.isRegularFile(starter(dir)), "the build's store stays for the next empty directory");
  }

  @Test
  void aStoreThatIsThereIsNeverTouched(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path records = Files.writeString(data.resolve(StarterStore.STORE_FILE), "a family's records");
    assertFalse(StarterStore.placeInto(settings(data, Map.of()), starter(dir)));
    assertEquals("a family's records", Files.readString(records));
  }

  /** Another database, or credentials H2 would have to have been created with, install the package as before. */
  @ParameterizedTest
  @CsvSource({
      "GK_DB_URL, jdbc:postgresql://db/geboorteketen",
      "GK_DB_URL, jdbc:h2:file:/elsewhere/geboorteketen",
      "GK_DB_USER, beheer",
      "GK_DB_PASSWORD, geheim"})
  void otherStoresOrCredentialsStartWithoutIt(String key, String value, @TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    assertFalse(StarterStore.placeInto(settings(data, Map.of(key, value)), starter(dir)));
    assertFalse(Files.exists(data.resolve(StarterStore.STORE_FILE)));
  }

  @Test
  void aBuildWithoutAStarterStoreStartsWithoutIt(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    assertFalse(StarterStore.placeInto(settings(data, Map.of()), dir.resolve(StarterStore.fileName("none"))));
    assertFalse(Files.exists(data.resolve(StarterStore.STORE_FILE)));
  }

  @Test
  void theBuildKeepsTheStoreItsServerLeftReplacingAnOlderOne(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("server-run"));
    Files.writeString(data.resolve(StarterStore.STORE_FILE), "installed just now");
    Path starter = starter(dir);
    StarterStore.keep(data, starter);
    assertEquals("installed just now", Files.readString(starter));
    assertFalse(Files.exists(starter.resolveSibling(starter.getFileName() + ".part")));
  }
}
