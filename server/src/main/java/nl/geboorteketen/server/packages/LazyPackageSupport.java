package nl.geboorteketen.server.packages;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Conformance resources of packages the validator may need, parsed when it first asks for one.
 * Holding every resource of the Nictiz packages parsed cost 99 MB of heap (748 resources with
 * snapshots), while our profiles use a fraction of them. What is kept up front is, per resource,
 * its type, url, version and derivation and its JSON compressed; what was asked for stays parsed.
 * Like HAPI's pre-populated support, a url is found with and without its version, a later
 * resource with the same url wins, and only StructureDefinitions, CodeSystems, ValueSets and
 * SearchParameters are offered.
 *
 * <p>Only specialisations are listed. The validator builds a FHIRPath engine several times per
 * validated resource, and each walks every StructureDefinition the chain lists to find the base
 * types; profiles and extension definitions (derivation = constraint) never enter those sets, yet
 * they were most of the list (about 400 core extensions and 470 Nictiz profiles). They are still
 * found by url. Measured in docs/decisions.md.
 */
public final class LazyPackageSupport extends BaseValidationSupport implements IValidationSupport {

  private static final Set<String> TYPES = Set.of("StructureDefinition", "CodeSystem", "ValueSet", "SearchParameter");
  private static final JsonFactory JSON = new JsonFactory();
  private static final String PACKAGE_FOLDER = "package/";

  /** One resource of a package: what identifies it, and its JSON, compressed until it is parsed. */
  private record Entry(String type, String url, String version, String derivation, byte[] deflated) {}

  private final String name;
  private final Map<String, Map<String, Entry>> byTypeAndUrl = new HashMap<>();
  private final List<Entry> entries = new ArrayList<>();
  private final Map<Entry, IBaseResource> parsed = new ConcurrentHashMap<>();

  public LazyPackageSupport(FhirContext ctx, String name) {
    super(ctx);
    this.name = name;
    TYPES.forEach(t -> byTypeAndUrl.put(t, new HashMap<>()));
  }

  @Override
  public String getName() {
    return name;
  }

  /** Adds one resource file of a package; files of other resource types are ignored. */
  public void add(byte[] json) {
    Entry entry = describe(json);
    if (entry == null) {
      return;
    }
    entries.add(entry);
    Map<String, Entry> urls = byTypeAndUrl.get(entry.type());
    String plain = entry.url().contains("|") ? entry.url().substring(0, entry.url().indexOf('|')) : entry.url();
    urls.put(entry.url(), entry);
    urls.put(plain, entry);
    if (entry.version() != null && !entry.version().isBlank()) {
      urls.put(plain + "|" + entry.version(), entry);
    }
  }

  /**
   * Adds every resource file of an NPM package (a tgz): the files directly in its {@code package}
   * folder. Read straight from the archive: HAPI's {@code NpmPackage} rebuilds the index of a
   * package whose {@code .index.json} predates its index version (FHIR's core package does), by
   * parsing and writing every file once more: about a second of each start.
   */
  public void addPackage(InputStream tgz) {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(tgz))) {
      for (TarArchiveEntry file = tar.getNextEntry(); file != null; file = tar.getNextEntry()) {
        if (file.isFile() && isResourceFile(file.getName())) {
          add(tar.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isResourceFile(String path) {
    if (!path.startsWith(PACKAGE_FOLDER)) {
      return false;
    }
    String name = path.substring(PACKAGE_FOLDER.length());
    return !name.contains("/") && name.endsWith(".json") && !name.startsWith(".") && !name.equals("package.json");
  }

  /** How many resources it offers, parsed or not. */
  public int size() {
    return entries.size();
  }

  /** How many it has parsed so far. */
  public int parsedCount() {
    return parsed.size();
  }

  @Override
  public IBaseResource fetchStructureDefinition(String url) {
    return fetch("StructureDefinition", url);
  }

  @Override
  public IBaseResource fetchCodeSystem(String system) {
    return fetch("CodeSystem", system);
  }

  @Override
  public IBaseResource fetchValueSet(String url) {
    return fetch("ValueSet", url);
  }

  @Override
  public boolean isCodeSystemSupported(ValidationSupportContext context, String system) {
    return byTypeAndUrl.get("CodeSystem").containsKey(system);
  }

  @Override
  public boolean isValueSetSupported(ValidationSupportContext context, String url) {
    return byTypeAndUrl.get("ValueSet").containsKey(url);
  }

  /** Specialisations only (see the class comment): profiles are found by url. */
  @SuppressWarnings("unchecked")
  @Override
  public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
    return (List<T>) all(e -> "StructureDefinition".equals(e.type()) && !"constraint".equals(e.derivation()));
  }

  @SuppressWarnings("unchecked")
  @Override
  public <T extends IBaseResource> List<T> fetchAllSearchParameters() {
    return (List<T>) all(e -> "SearchParameter".equals(e.type()));
  }

  /** What has been parsed: only those can carry state a cache invalidation must clear. */
  @Override
  public List<IBaseResource> fetchAllConformanceResources() {
    return new ArrayList<>(parsed.values());
  }

  private List<IBaseResource> all(java.util.function.Predicate<Entry> which) {
    return entries.stream().filter(which).map(this::parse).toList();
  }

  private IBaseResource fetch(String type, String url) {
    Entry entry = url == null ? null : byTypeAndUrl.get(type).get(url);
    return entry == null ? null : parse(entry);
  }

  private IBaseResource parse(Entry entry) {
    return parsed.computeIfAbsent(entry,
        e -> Commentary.dropped(getFhirContext().newJsonParser().parseResource(inflate(e.deflated()))));
  }

  /** Reads the top-level fields that identify a resource, without building it. */
  private static Entry describe(byte[] json) {
    String type = null;
    String url = null;
    String version = null;
    String derivation = null;
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          switch (field) {
            case "resourceType" -> type = p.getText();
            case "url" -> url = p.getText();
            case "version" -> version = p.getText();
            case "derivation" -> derivation = p.getText();
            default -> { }
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (type == null || !TYPES.contains(type) || url == null || url.isBlank()) {
      return null;
    }
    return new Entry(type, url, version, derivation, deflate(json));
  }

  private static byte[] deflate(byte[] json) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    deflater.setInput(json);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4);
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static String inflate(byte[] deflated) {
    Inflater inflater = new Inflater();
    inflater.setInput(deflated);
    ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 6);
    byte[] buffer = new byte[8192];
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && inflater.needsInput()) {
          throw new IllegalStateException("truncated package resource");
        }
        out.write(buffer, 0, n);
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("corrupt package resource", e);
    } finally {
      inflater.end();
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
