package nl.geboorteketen.server.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.TestServer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/** The Nictiz packages are offered whole but parsed only as far as the validator asks. */
class LazyPackageSupportTest {

  private static final String NL_CORE_PATIENT = "http://nictiz.nl/fhir/StructureDefinition/nl-core-Patient";

  @Test
  void aProfileIsParsedWhenAskedForAndFoundByItsUrl() {
    LazyPackageSupport nictiz = NictizPackages.validationSupport(FhirContext.forR4Cached());
    assertTrue(nictiz.size() > 700, nictiz.size() + " resources");
    assertEquals(0, nictiz.parsedCount(), "nothing parsed up front");

    StructureDefinition patient = (StructureDefinition) nictiz.fetchStructureDefinition(NL_CORE_PATIENT);
    assertNotNull(patient);
    assertTrue(patient.hasSnapshot(), "the vendored packages carry snapshots");
    assertSame(patient, nictiz.fetchResource(StructureDefinition.class, NL_CORE_PATIENT));
    assertEquals(1, nictiz.parsedCount());
    assertEquals(List.of(patient), nictiz.fetchAllConformanceResources());

    assertNull(nictiz.fetchStructureDefinition("http://nictiz.nl/fhir/StructureDefinition/no-such-profile"));
    assertNull(nictiz.fetchValueSet(NL_CORE_PATIENT), "a url is found only as the type it is");
  }

  @Test
  void onlySpecialisationsAreListed() {
    LazyPackageSupport nictiz = NictizPackages.validationSupport(FhirContext.forR4Cached());
    List<StructureDefinition> listed = nictiz.fetchAllStructureDefinitions();
    assertFalse(listed.stream().anyMatch(sd -> sd.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT));
    assertTrue(nictiz.parsedCount() < nictiz.size() / 4, nictiz.parsedCount() + " parsed to list them");
  }

  /** The running server's validator, after its warm-up and the package examples, needs a part of them. */
  @Test
  void theServersValidatorParsesOnlyWhatOurProfilesUse() {
    Fixtures.ensurePackageExamples();
    LazyPackageSupport nictiz = TestServer.shared().bean(LazyPackageSupport.class);
    assertTrue(nictiz.parsedCount() > 0, "the validator uses the Nictiz profiles");
    assertTrue(nictiz.parsedCount() < nictiz.size() / 2, nictiz.parsedCount() + " of " + nictiz.size() + " parsed");
    System.out.printf("[memory] Nictiz resources parsed after the examples: %d of %d%n",
        nictiz.parsedCount(), nictiz.size());
  }

  /** Only the files directly in the package folder are its resources; examples and other folders are not. */
  @Test
  void aPackageOffersTheResourceFilesOfItsPackageFolder() throws IOException {
    LazyPackageSupport pkg = new LazyPackageSupport(FhirContext.forR4Cached(), "test package");
    pkg.addPackage(new ByteArrayInputStream(tgz(
        "package/package.json", "{\"name\": \"test.package\", \"version\": \"1.0.0\"}",
        "package/.index.json", "{\"index-version\": 1, \"files\": []}",
        "package/ValueSet-offered.json", valueSet("offered"),
        "package/example/ValueSet-example.json", valueSet("example"),
        "other/ValueSet-other.json", valueSet("other"))));
    assertEquals(1, pkg.size());
    assertNotNull(pkg.fetchValueSet("https://example.org/ValueSet/offered"));
    assertNull(pkg.fetchValueSet("https://example.org/ValueSet/example"));
    assertNull(pkg.fetchValueSet("https://example.org/ValueSet/other"));
  }

  private static String valueSet(String id) {
    return "{\"resourceType\": \"ValueSet\", \"id\": \"" + id + "\", \"url\": \"https://example.org/ValueSet/" + id
        + "\", \"status\": \"active\"}";
  }

  private static byte[] tgz(String... pathsAndContents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (int i = 0; i < pathsAndContents.length; i += 2) {
        byte[] content = pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(pathsAndContents[i]);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
