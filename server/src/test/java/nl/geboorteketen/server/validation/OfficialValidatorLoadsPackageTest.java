package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.geboorteketen.build.CorePackageSynthesizer;
import nl.geboorteketen.server.packages.ProfilePackage;
import org.fhir.ucum.UcumEssenceService;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.elementmodel.ObjectConverter;
import org.hl7.fhir.r5.model.CanonicalResource;
import org.hl7.fhir.r5.model.CanonicalType;
import org.hl7.fhir.r5.model.Resource;
import org.hl7.fhir.r5.utils.validation.IResourceValidator;
import org.hl7.fhir.r5.utils.validation.IValidatorResourceFetcher;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.utilities.SIDUtilities;
import org.hl7.fhir.utilities.http.ManagedWebAccess;
import org.hl7.fhir.utilities.http.ManagedWebAccess.WebAccessPolicy;
import org.hl7.fhir.utilities.npm.FilesystemPackageCacheManager;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.IgLoader;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.ValidatorUtils;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official HL7 validator (org.hl7.fhir.validation, the engine behind validator_cli.jar) loads
 * our package on top of R4 core and the Nictiz packages, and finds no error in any of its
 * conformance resources. Fully offline: packages come from the classpath, there is no terminology
 * server, and the library's web access is switched off.
 *
 * <p>ValidationEngine itself cannot be used: building one always loads hl7.fhir.xver-extensions from
 * the package registry. This test assembles the same parts (SimpleWorkerContext, IgLoader,
 * InstanceValidator) the way ValidationEngine does.
 */
class OfficialValidatorLoadsPackageTest {

  private static final String DEPENDENCIES = "/geboorteketen/dependencies/";
  private static final WebAccessPolicy WEB_ACCESS_BEFORE = ManagedWebAccess.getAccessPolicy();

  @TempDir static Path packages;

  private static SimpleWorkerContext context;
  private static NpmPackage ours;

  @BeforeAll
  static void loadPackages() throws Exception {
    ManagedWebAccess.setAccessPolicy(WebAccessPolicy.PROHIBITED);
    FilesystemPackageCacheManager pcm = new FilesystemPackageCacheManager.Builder()
        .withCacheFolder(packages.toString()).withPackageServers(List.of()).build();
    // after build(): the cache manager empties a folder it does not recognise
    CorePackageSynthesizer.main(new String[] {packages.toString()});
    Path tgz = Files.createDirectories(packages.resolve("tgz"));
    for (String name : new String(read(DEPENDENCIES + "packages.txt"), StandardCharsets.UTF_8).split("\n")) {
      if (!name.isBlank()) {
        Files.write(tgz.resolve(name.strip()), read(DEPENDENCIES + name.strip()));
      }
    }
    ProfilePackage profilePackage = ProfilePackage.fromClasspath();
    Files.write(tgz.resolve("geboorteketen.tgz"), profilePackage.bytes());
    pcm.loadFromFolder(tgz.toString());
    ours = pcm.loadPackage(profilePackage.id(), profilePackage.version());

    context = new SimpleWorkerContext.SimpleWorkerContextBuilder().withDefaultParams()
        .fromPackage(pcm.loadPackage("hl7.fhir.r4.core", "4.0.1"), ValidatorUtils.loaderForVersion("4.0.1"), false);
    context.setUcumService(new UcumEssenceService(UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")));
    context.setCanRunWithoutTerminology(true);
    context.setNoTerminologyServer(true);
    // parse every resource of the other packages now, so a broken one fails the load
    context.setAllowLazyLoading(false);
    // as validator_cli -ig: resolves the declared dependencies, then loads ours
    new IgLoader(pcm, context, "4.0.1").loadIg(new ArrayList<>(), new HashMap<>(), ours.name() + "#" + ours.version(), true);
  }

  @AfterAll
  static void release() {
    ManagedWebAccess.setAccessPolicy(WEB_ACCESS_BEFORE);
    // the surefire JVM runs the other tests after this one
    context = null;
    ours = null;
  }

  @Test
  void loadsOurPackageAndExactlyItsDeclaredDependencies() {
    Set<String> expected = new HashSet<>(ours.dependencies());
    expected.add(ours.name() + "#" + ours.version());
    assertEquals(expected, new HashSet<>(context.getLoadedPackages()));
  }

  @Test
  void findsNoErrorInOurConformanceResources() throws IOException {
    ValidatorSession session = new ValidatorSession();
    // the extension-context check asks for a "4.0" context, which 4.0.1 does not match, and would
    // otherwise load R4 core from ~/.fhir or the package registry
    session.getOtherVersions().put("4.0", context);
    InstanceValidator validator = new InstanceValidator(context, null, null, session, new ValidatorSettings());
    validator.setFetcher(new OfflineFetcher(context, ours));
    validator.setPolicyAdvisor(new BasePolicyAdvisorForFullValidation(ReferenceValidationPolicy.CHECK_EXISTS_AND_TYPE, null));
    validator.setWantCheckSnapshotUnchanged(true);

    List<String> errors = new ArrayList<>();
    int validated = 0;
    for (String file : ours.list("package")) {
      if (!file.endsWith(".json") || file.startsWith(".") || file.equals("package.json")) {
        continue;
      }
      List<ValidationMessage> messages = new ArrayList<>();
      validator.validate(null, messages, new ByteArrayInputStream(offline(ours.load("package", file))), FhirFormat.JSON);
      validated++;
      messages.stream().filter(m -> m.isError() && !outOfOurHands(m)).forEach(m ->
          errors.add(file + " @ " + m.getLocation() + ": " + m.getMessage() + " [" + m.getMessageId() + "]"));
    }
    assertTrue(validated >= 100, "only " + validated + " resources validated");
    assertTrue(errors.isEmpty(), errors.size() + " errors:\n" + String.join("\n", errors));
  }

  private static boolean outOfOurHands(ValidationMessage m) {
    // BCP 13 mime types (Library.content.contentType) can only be checked by a terminology server
    return m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes")
        // examples that R4 core puts in a snapshot; a profile cannot remove them
        || m.getLocation().matches("StructureDefinition\\.snapshot\\.element\\[\\d+]\\.example\\[.*");
  }

  /** IG.dependsOn is checked against the package registry, so it is dropped; IgLoader resolved the dependencies. */
  private static byte[] offline(InputStream json) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode resource = (ObjectNode) mapper.readTree(json);
    if ("ImplementationGuide".equals(resource.path("resourceType").asText())) {
      resource.remove("dependsOn");
    }
    return mapper.writeValueAsBytes(resource);
  }

  private static byte[] read(String classpathResource) throws IOException {
    try (InputStream in = OfficialValidatorLoadsPackageTest.class.getResourceAsStream(classpathResource)) {
      if (in == null) {
        throw new IllegalStateException(classpathResource + " missing from the classpath (build the profiles module)");
      }
      return in.readAllBytes();
    }
  }

  /** Resolves only against what is loaded (canonicals) and our own package (Type/id), never the web. */
  private record OfflineFetcher(SimpleWorkerContext context, NpmPackage ours) implements IValidatorResourceFetcher {

    @Override
    public Element fetch(IResourceValidator validator, Object appContext, String url) throws IOException {
      String[] typeAndId = url.split("/");
      if (typeAndId.length == 2) {
        for (String folder : List.of("package", "example")) {
          if (ours.hasFile(folder, typeAndId[0] + "-" + typeAndId[1] + ".json")) {
            return Manager.parseSingle(context, ours.load(folder, typeAndId[0] + "-" + typeAndId[1] + ".json"), FhirFormat.JSON);
          }
        }
      }
      Resource resource = context.fetchResource(Resource.class, url);
      return resource == null ? null : new ObjectConverter(context).convert(resource);
    }

    @Override
    public boolean resolveURL(IResourceValidator validator, Object appContext, String path, String url, String type,
        boolean canonical, List<CanonicalType> targets) {
      return !url.startsWith("http") || context.fetchResource(Resource.class, url) != null
          || SIDUtilities.isKnownSID(url) || context.getNSUrlMap().containsKey(url);
    }

    @Override
    public byte[] fetchRaw(IResourceValidator validator, String url) throws IOException {
      throw new IOException("offline: " + url);
    }

    @Override
    public IValidatorResourceFetcher setLocale(Locale locale) {
      return this;
    }

    @Override
    public CanonicalResource fetchCanonicalResource(IResourceValidator validator, Object appContext, String url) {
      return context.fetchResource(Resource.class, url) instanceof CanonicalResource resource ? resource : null;
    }

    @Override
    public boolean fetchesCanonicalResource(IResourceValidator validator, String url) {
      return false;
    }

    @Override
    public Set<ResourceVersionInformation> fetchCanonicalResourceVersions(IResourceValidator validator, Object appContext, String url) {
      return Set.of();
    }
  }
}
