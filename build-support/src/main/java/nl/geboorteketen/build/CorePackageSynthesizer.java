package nl.geboorteketen.build;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes the FHIR R4 core package (hl7.fhir.r4.core#4.0.1) that SUSHI needs, built from the
 * definitions HAPI ships in hapi-fhir-validation-resources-r4. The package is on no registry this
 * build may reach, so we synthesise it instead of downloading it. Arguments: SUSHI's package cache,
 * and optionally a tgz to write for the server's classpath, where the validator reads each
 * definition only when it first needs it (HAPI's own support parses them all at once, ~100 MB).
 */
public final class CorePackageSynthesizer {

  private static final String[] BUNDLES = {
    "/org/hl7/fhir/r4/model/profile/profiles-types.xml",
    "/org/hl7/fhir/r4/model/profile/profiles-resources.xml",
    "/org/hl7/fhir/r4/model/profile/profiles-others.xml",
    "/org/hl7/fhir/r4/model/extension/extension-definitions.xml",
    "/org/hl7/fhir/r4/model/valueset/valuesets.xml",
    "/org/hl7/fhir/r4/model/valueset/v2-tables.xml",
    "/org/hl7/fhir/r4/model/valueset/v3-codesystems.xml",
  };
  /** Only in the server's tgz: HAPI's built-in search parameters come from the core support too. */
  private static final String SEARCH_PARAMETERS = "/org/hl7/fhir/r4/model/sp/search-parameters.json";

  private static final String MANIFEST = """
      {"name":"hl7.fhir.r4.core","version":"4.0.1","type":"Core","fhirVersions":["4.0.1"],\
      "canonical":"http://hl7.org/fhir","url":"http://hl7.org/fhir/R4","dependencies":{}}
      """;

  private CorePackageSynthesizer() {}

  public static void main(String[] args) throws IOException {
    Path packageDir = Path.of(args[0], "hl7.fhir.r4.core#4.0.1", "package");
    Path tgz = args.length > 1 ? Path.of(args[1]) : null;
    boolean cached = Files.exists(packageDir.resolve("package.json"));
    if (cached && (tgz == null || Files.exists(tgz))) {
      System.out.println("FHIR R4 core package already present at " + packageDir);
      return;
    }
    FhirContext ctx = FhirContext.forR4();
    Map<String, String> files = new LinkedHashMap<>();
    List<String> index = new ArrayList<>();
    for (String bundlePath : BUNDLES) {
      addEntries(ctx, ctx.newXmlParser(), bundlePath, files, index);
    }
    if (!cached) {
      Files.createDirectories(packageDir);
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(packageDir.resolve(file.getKey()), file.getValue());
      }
      Files.writeString(packageDir.resolve("package.json"), MANIFEST);
      Files.writeString(packageDir.resolve(".index.json"), indexJson(index));
      System.out.println("Wrote " + index.size() + " FHIR R4 core resources to " + packageDir);
    }
    if (tgz != null && !Files.exists(tgz)) {
      addEntries(ctx, ctx.newJsonParser(), SEARCH_PARAMETERS, files, index);
      Files.createDirectories(tgz.getParent());
      try (OutputStream out = Files.newOutputStream(tgz);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        PackageAssembler.add(tar, "package/package.json", MANIFEST.getBytes(StandardCharsets.UTF_8));
        PackageAssembler.add(tar, "package/.index.json", indexJson(index).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> file : files.entrySet()) {
          PackageAssembler.add(tar, "package/" + file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
        }
      }
      System.out.println("Wrote " + index.size() + " FHIR R4 core resources to " + tgz);
    }
  }

  private static void addEntries(FhirContext ctx, IParser parser, String bundlePath, Map<String, String> files,
      List<String> index) throws IOException {
    IParser json = ctx.newJsonParser();
    try (InputStream in = CorePackageSynthesizer.class.getResourceAsStream(bundlePath)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + bundlePath + " on the classpath");
      }
      Bundle bundle = parser.parseResource(Bundle.class, new InputStreamReader(in, StandardCharsets.UTF_8));
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        Resource resource = entry.getResource();
        if (resource == null || !resource.hasIdElement()) {
          continue;
        }
        String file = resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json";
        files.put(file, json.encodeResourceToString(resource));
        index.add(ResourceIndex.entryFor(file, resource));
      }
    }
  }

  private static String indexJson(List<String> index) {
    return "{\"index-version\":1,\"files\":[\n" + String.join(",\n", index) + "\n]}\n";
  }
}
