package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.jpa.validation.ValidatorResourceFetcher;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.utilities.OIDUtilities;
import org.junit.jupiter.api.Test;

/**
 * The validator builds an InstanceValidator per validated resource, and each one parses the OID
 * registry. The registry only answers "is this urn:oid: value known?" before the validator asks
 * its resource fetcher, and the JPA fetcher answers yes to every URL. So the registry cannot
 * change an outcome here, and ours is empty: no parsing per resource. If HAPI's fetcher starts to
 * answer no, the second test fails and the registry matters again.
 */
class OidRegistryTest {

  @Test
  void ourEmptyRegistryIsTheOneLoaded() throws Exception {
    URL loaded = OIDUtilities.class.getClassLoader().getResource("oidregistry.csv");
    assertTrue(loaded.toString().contains("server"), () -> "loaded from " + loaded);
    List<String> lines;
    try (InputStream in = loaded.openStream()) {
      lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    }
    assertEquals(List.of("Comp_OID,Oid_Type,Symbolic_name,CodingSystemName"), lines, "header only");
    assertFalse(new OIDUtilities().isKnownOID("urn:oid:2.16.840.1.113883.2.4.6.3"));
  }

  @Test
  void theJpaFetcherResolvesEveryUrlSoTheRegistryDecidesNothing() {
    FhirContext ctx = FhirContext.forR4Cached();
    ValidatorResourceFetcher fetcher = new ValidatorResourceFetcher(ctx, new DefaultProfileValidationSupport(ctx), null);
    for (String url : List.of("urn:oid:2.16.840.1.113883.2.4.6.3", "urn:oid:1.2.3.4.5.6.7.8.9.10.11",
        "http://example.org/not/known")) {
      assertTrue(fetcher.resolveURL(null, null, "Patient.identifier.system", url, "uri", false, List.of()), url);
    }
  }
}
