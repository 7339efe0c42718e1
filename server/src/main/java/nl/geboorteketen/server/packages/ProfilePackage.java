package nl.geboorteketen.server.packages;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * Our FHIR package (profiles, terminology, search parameters, rules), read from the classpath
 * where the profiles module put it. Nothing is ever fetched from a registry.
 */
public final class ProfilePackage {

  public static final String CLASSPATH_LOCATION = "/geboorteketen/package.tgz";

  private final byte[] bytes;
  private final NpmPackage npm;
  private volatile List<Resource> parsed;

  private ProfilePackage(byte[] bytes, NpmPackage npm) {
    this.bytes = bytes;
    this.npm = npm;
  }

  public static ProfilePackage fromClasspath() {
    try (InputStream in = ProfilePackage.class.getResourceAsStream(CLASSPATH_LOCATION)) {
      if (in == null) {
        throw new IllegalStateException("FHIR package missing from classpath: " + CLASSPATH_LOCATION
            + " (build the profiles module first)");
      }
      byte[] bytes = in.readAllBytes();
      return new ProfilePackage(bytes, NpmPackage.fromPackage(new java.io.ByteArrayInputStream(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public String id() {
    return npm.name();
  }

  public String version() {
    return npm.version();
  }

  public String canonical() {
    return npm.canonical();
  }

  /** How many resources of this type the package's own folder holds. */
  public long countOf(String resourceType) {
    try {
      return npm.list("package").stream().filter(f -> f.startsWith(resourceType + "-") && f.endsWith(".json")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every resource of the package's own folder, parsed once for all its readers (profile
   * selection, operation contracts, reference targets, OpenAPI, rule tables), without the
   * commentary none of them reads ({@link Commentary}). Shared: read only.
   */
  public List<Resource> resources(FhirContext ctx) {
    List<Resource> result = parsed;
    if (result == null) {
      synchronized (this) {
        if (parsed == null) {
          parsed = resourcesIn("package").stream()
              .map(json -> Commentary.dropped((Resource) ctx.newJsonParser().parseResource(json))).toList();
        }
        result = parsed;
      }
    }
    return result;
  }

  /** The package's resources of one type. */
  public <T extends Resource> Stream<T> resources(FhirContext ctx, Class<T> type) {
    return resources(ctx).stream().filter(type::isInstance).map(type::cast);
  }

  /** Raw JSON of every resource in the given folder of the package ("package" or "example"). */
  public List<String> resourcesIn(String folder) {
    List<String> result = new ArrayList<>();
    if (!npm.getFolders().containsKey(folder)) {
      return result;
    }
    try {
      for (String file : npm.list(folder)) {
        if (file.endsWith(".json") && !file.startsWith(".") && !file.equals("package.json")) {
          try (InputStream in = npm.load(folder, file)) {
            result.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }
}
