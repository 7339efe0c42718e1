package nl.geboorteketen.server.packages;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Nictiz zib2020 and nl-core packages our profiles derive from, read from the classpath
 * (vendored in profiles/vendor/nictiz, snapshots generated at build time). They are given to the
 * validator in memory, not installed in the store: a client never edits them and starting the
 * server should not write 748 resources.
 */
public final class NictizPackages {

  private static final String FOLDER = "/geboorteketen/dependencies/";

  private NictizPackages() {}

  /** Read at start-up, parsed on first use: see {@link LazyPackageSupport}. */
  public static LazyPackageSupport validationSupport(FhirContext ctx) {
    LazyPackageSupport support = new LazyPackageSupport(ctx, "Nictiz zib2020 and nl-core packages");
    for (String name : read("packages.txt").split("\n")) {
      if (name.isBlank()) {
        continue;
      }
      try (InputStream in = open(name.strip())) {
        support.addPackage(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return support;
  }

  private static String read(String name) {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = NictizPackages.class.getResourceAsStream(FOLDER + name);
    if (in == null) {
      throw new IllegalStateException("Nictiz package missing from classpath: " + FOLDER + name
          + " (build the profiles module first)");
    }
    return in;
  }
}
