package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import org.hl7.fhir.utilities.OIDUtilities;
import org.junit.jupiter.api.Test;

/**
 * Our shortened copy of the validator's OID registry is the one loaded, knows the OIDs this chain
 * meets, and holds nothing the library's own registry does not (so a library upgrade that changes
 * the registry's format fails here, not in production).
 */
class OidRegistryTest {

  @Test
  void ourShortRegistryIsLoadedAndKnowsTheChainsOids() throws Exception {
    URL loaded = OIDUtilities.class.getClassLoader().getResource("oidregistry.csv");
    assertTrue(loaded.toString().contains("server"), () -> "loaded from " + loaded);
    OIDUtilities oids = new OIDUtilities();
    for (String known : List.of("2.16.840.1.113883.2.4.6.3", "2.16.840.1.113883.6.1", "2.16.840.1.113883.6.96",
        "2.16.840.1.113883.5.1")) {
      assertTrue(oids.isKnownOID("urn:oid:" + known), known);
    }
    assertFalse(oids.isKnownOID("urn:oid:2.16.840.1.113883.3.1126"), "US hospital roots are left out");
  }

  @Test
  void everyLineIsInTheLibrarysRegistry() throws Exception {
    String jar = OIDUtilities.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    Set<String> library = new HashSet<>();
    try (JarFile file = new JarFile(jar);
        InputStream in = file.getInputStream(file.getEntry("oidregistry.csv"))) {
      library.addAll(lines(in));
    }
    List<String> ours;
    try (InputStream in = OIDUtilities.class.getClassLoader().getResourceAsStream("oidregistry.csv")) {
      ours = lines(in);
    }
    assertTrue(ours.size() > 4000 && ours.size() < library.size(), "ours: " + ours.size());
    for (String line : ours) {
      assertTrue(library.contains(line), () -> "not in the library's registry: " + line);
    }
  }

  private static List<String> lines(InputStream in) throws Exception {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
  }
}
