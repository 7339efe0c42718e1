package nl.geboorteketen.server.packages;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.util.FhirTerser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR R4's own definitions for the validator, from the core package the build writes, each
 * parsed when first asked for. HAPI's DefaultProfileValidationSupport parses all of them at the
 * first question (~650 StructureDefinitions and ~2,400 code systems and value sets, about 100 MB
 * of heap), while our profiles use a part. Urls are looked up as HAPI's support does: a bare type
 * name or {@code Type/x} is a core url, an upper-case primitive name finds the primitive, and a
 * version on an hl7.org terminology url need not match. Only specialisations are listed (see
 * {@link LazyPackageSupport}).
 */
public final class CoreDefinitions extends BaseValidationSupport {

  private static final String PACKAGE = "/geboorteketen/core/hl7.fhir.r4.core-4.0.1.tgz";
  private static final String SD = "http://hl7.org/fhir/StructureDefinition/";

  private final LazyPackageSupport definitions;
  private final FhirTerser terser;

  private CoreDefinitions(FhirContext ctx, LazyPackageSupport definitions) {
    super(ctx);
    this.definitions = definitions;
    this.terser = ctx.newTerser();
  }

  public static CoreDefinitions load(FhirContext ctx) {
    LazyPackageSupport definitions = new LazyPackageSupport(ctx, "FHIR R4 core definitions");
    try (InputStream in = CoreDefinitions.class.getResourceAsStream(PACKAGE)) {
      if (in == null) {
        throw new IllegalStateException("FHIR R4 core package missing from classpath: " + PACKAGE
            + " (build the profiles module first)");
      }
      definitions.addPackage(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CoreDefinitions(ctx, definitions);
  }

  @Override
  public String getName() {
    return definitions.getName();
  }

  /** How many definitions it offers, and how many it has parsed so far. */
  public int size() {
    return definitions.size();
  }

  public int parsedCount() {
    return definitions.parsedCount();
  }

  @Override
  public IBaseResource fetchStructureDefinition(String url) {
    if (url == null) {
      return null;
    }
    String full = url;
    if (!full.startsWith(SD)) {
      long slashes = full.chars().filter(c -> c == '/').count();
      full = slashes == 0 ? SD + full : slashes == 1 ? "http://hl7.org/fhir/" + full : full;
    }
    IBaseResource found = definitions.fetchStructureDefinition(full);
    if (found == null && full.startsWith(SD)) {
      found = primitiveNamedUpperCase(full.substring(SD.length()));
    }
    return fromCore(found);
  }

  @Override
  public IBaseResource fetchCodeSystem(String url) {
    return fromCore(definitions.fetchCodeSystem(terminologyUrl(url)));
  }

  @Override
  public IBaseResource fetchValueSet(String url) {
    return fromCore(definitions.fetchValueSet(terminologyUrl(url)));
  }

  @Override
  public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
    List<T> all = definitions.fetchAllStructureDefinitions();
    all.forEach(this::fromCore);
    return all;
  }

  @Override
  public <T extends IBaseResource> List<T> fetchAllSearchParameters() {
    return definitions.fetchAllSearchParameters();
  }

  @Override
  public List<IBaseResource> fetchAllConformanceResources() {
    return definitions.fetchAllConformanceResources();
  }

  /** "String" is the primitive "string", under the name asked for (as HAPI's support answers). */
  private IBaseResource primitiveNamedUpperCase(String name) {
    if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
      return null;
    }
    IBaseResource primitive = definitions.fetchStructureDefinition(
        SD + Character.toLowerCase(name.charAt(0)) + name.substring(1));
    if (primitive == null) {
      return null;
    }
    IBaseResource renamed = terser.clone(primitive);
    terser.setElement(renamed, "type", name);
    return renamed;
  }

  /** HAPI's support ignores the version of an hl7.org url and requires it of others. */
  private static String terminologyUrl(String url) {
    if (url == null || url.indexOf('|') < 0) {
      return url;
    }
    boolean hl7 = url.startsWith("http://hl7.org") || url.startsWith("http://terminology.hl7.org");
    return hl7 ? url.substring(0, url.indexOf('|')) : url;
  }

  /** Marked as HAPI marks the definitions of its own core support. */
  private <T extends IBaseResource> T fromCore(T resource) {
    if (resource != null) {
      resource.setUserData(DefaultProfileValidationSupport.SOURCE_PACKAGE_ID, "hl7.fhir.r4.core");
    }
    return resource;
  }
}
