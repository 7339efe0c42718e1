package nl.geboorteketen.server.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import nl.geboorteketen.server.config.Settings;

/**
 * The H2 store a build leaves beside the jar: the state of an empty data directory once our package
 * is installed, made by the build's own server start (the one that makes the class-data archive).
 * A server that starts on an empty data directory with the default store begins from a copy of it
 * instead of installing the package itself, some 6 s of an empty start (docs/decisions.md).
 */
public final class StarterStore {

  /** The H2 file of the default store ({@link Settings#defaultDbUrl}). */
  public static final String STORE_FILE = Settings.DEFAULT_STORE + ".mv.db";
  public static final String PREFIX = "geboorteketen-store-";

  private StarterStore() {}

  /** The starter store of the build with this key. */
  public static String fileName(String buildKey) {
    return PREFIX + buildKey + ".mv.db";
  }

  /**
   * Copies the starter store into the data directory when the server will use the default store and
   * there is none yet. A store that is there is never touched; another database or other credentials
   * (H2 keeps the first connection's) start as before, installing the package.
   *
   * @return whether the copy was placed
   * @throws IOException when it could not be placed; the caller starts without it
   */
  public static boolean placeInto(Settings settings, Path starter) throws IOException {
    Path target = settings.dataDir().resolve(STORE_FILE);
    if (!settings.usesDefaultStore() || !Files.isRegularFile(starter) || Files.exists(target)) {
      return false;
    }
    Files.createDirectories(settings.dataDir());
    Path partial = Files.createTempFile(settings.dataDir(), STORE_FILE, ".part");
    try {
      Files.copy(starter, partial, StandardCopyOption.REPLACE_EXISTING);
      // under the store's name only when whole; a link, unlike a rename, fails rather than replace a
      // store that a second server on the same directory placed (and opened) meanwhile
      Files.createLink(target, partial);
      return true;
    } catch (FileAlreadyExistsException placedByAnother) {
      return false;
    } catch (UnsupportedOperationException noLinks) {
      throw new IOException("this file system makes no links: " + noLinks.getMessage(), noLinks);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Keeps the store an ended build-time server left in its data directory, under its final name when whole. */
  public static void keep(Path dataDir, Path starter) throws IOException {
    Path partial = starter.resolveSibling(starter.getFileName() + ".part");
    Files.copy(dataDir.resolve(STORE_FILE), partial, StandardCopyOption.REPLACE_EXISTING);
    Files.move(partial, starter, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
