package nl.geboorteketen.build;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes the FHIR R4 core package (hl7.fhir.r4.core#4.0.1) that SUSHI needs, built from the
 * definitions HAPI ships in hapi-fhir-validation-resources-r4. The package is on no registry this
 * build may reach, so we synthesise it instead of downloading it.
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

  private CorePackageSynthesizer() {}

  public static void main(String[] args) throws IOException {
    Path packageDir = Path.of(args[0], "hl7.fhir.r4.core#4.0.1", "package");
    if (Files.exists(packageDir.resolve("package.json"))) {
      System.out.println("FHIR R4 core package already present at " + packageDir);
      return;
    }
    Files.createDirectories(packageDir);
    FhirContext ctx = FhirContext.forR4();
    IParser xml = ctx.newXmlParser();
    IParser json = ctx.newJsonParser();
    List<String> index = new ArrayList<>();
    for (String bundlePath : BUNDLES) {
      try (InputStream in = CorePackageSynthesizer.class.getResourceAsStream(bundlePath)) {
        if (in == null) {
          throw new IllegalStateException("Missing " + bundlePath + " on the classpath");
        }
        Bundle bundle = xml.parseResource(Bundle.class, new InputStreamReader(in, StandardCharsets.UTF_8));
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
          Resource resource = entry.getResource();
          if (resource == null || !resource.hasIdElement()) {
            continue;
          }
          String type = resource.fhirType();
          String id = resource.getIdElement().getIdPart();
          String file = type + "-" + id + ".json";
          Files.writeString(packageDir.resolve(file), json.encodeResourceToString(resource));
          index.add(ResourceIndex.entryFor(file, resource));
        }
      }
    }
    Files.writeString(packageDir.resolve("package.json"), """
        {"name":"hl7.fhir.r4.core","version":"4.0.1","type":"Core","fhirVersions":["4.0.1"],\
        "canonical":"http://hl7.org/fhir","url":"http://hl7.org/fhir/R4","dependencies":{}}
        """);
    Files.writeString(packageDir.resolve(".index.json"),
        "{\"index-version\":1,\"files\":[\n" + String.join(",\n", index) + "\n]}\n");
    System.out.println("Wrote " + index.size() + " FHIR R4 core resources to " + packageDir);
  }
}
