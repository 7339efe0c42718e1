package nl.geboorteketen.server.devdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import nl.geboorteketen.server.GeboorteketenServer;
import nl.geboorteketen.server.config.Settings;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * README's first requests on a fresh server started with development tokens: every development
 * identity sees the example family, its organisations exist, and a second start stores nothing twice.
 */
class ExampleFamilyTest {

  private static final Set<String> FAMILY = Set.of("family-jansen-anna", "family-jansen-daan");

  private static final Map<String, String> ORGANISATION_OF = Map.of(
      "verloskundige-jansen", "Organization/family-jansen-verloskundigenpraktijk",
      "kraamzorg-jansen", "Organization/family-jansen-kraamzorg",
      "jgz-jansen", "Organization/family-jansen-jgz");

  @Test
  void aFreshServerWithDevelopmentTokensHoldsTheExampleFamilyOnce() throws Exception {
    Path dataDir = Files.createTempDirectory("gk-dev-examples-");
    List<String> relationshipsBefore;
    try (GeboorteketenServer first = GeboorteketenServer.start(devSettings(dataDir))) {
      Http http = new Http(root(first));
      // README: TOKEN as beheerder, then Patient?_count=5
      Bundle patients = http.withToken(token(http, "beheerder")).get("/fhir/Patient?_count=5").resource(Bundle.class);
      assertEquals(FAMILY, ids(patients));

      for (Map.Entry<String, String> partner : ORGANISATION_OF.entrySet()) {
        Http as = http.withToken(token(http, partner.getKey()));
        Http.Response search = as.get("/fhir/Patient?_count=5");
        assertEquals(200, search.status(), () -> partner.getKey() + ": " + search);
        assertEquals(FAMILY, ids(search.resource(Bundle.class)), () -> partner.getKey() + ": " + search);
        Http.Response org = as.get("/fhir/" + partner.getValue());
        assertEquals(200, org.status(), () -> partner.getValue() + " does not exist: " + org);
        assertFalse(org.resource(Organization.class).getName().isBlank());
      }
      Http.Response pgo = http.withToken(token(http, "pgo-anna-jansen")).get("/fhir/Patient?_count=5");
      assertEquals(200, pgo.status(), pgo::toString);
      assertEquals(FAMILY, ids(pgo.resource(Bundle.class)), pgo::toString);

      relationshipsBefore = relationships(http);
      assertTrue(relationshipsBefore.containsAll(List.of(
          "Organization/family-jansen-verloskundigenpraktijk maternal-record",
          "Organization/family-jansen-kraamzorg care-team", "Organization/family-jansen-jgz care-team")),
          relationshipsBefore::toString);
    }
    try (GeboorteketenServer second = GeboorteketenServer.start(devSettings(dataDir))) {
      Http http = new Http(root(second));
      Http as = http.withToken(token(http, "beheerder"));
      assertEquals(FAMILY, ids(as.get("/fhir/Patient?_count=5").resource(Bundle.class)));
      Bundle history = as.get("/fhir/Patient/family-jansen-anna/_history").resource(Bundle.class);
      assertEquals(1, history.getEntry().size(), "the second start wrote Anna again");
      assertEquals(relationshipsBefore, relationships(http), "the second start granted again");
    }
  }

  @Test
  void withoutDevelopmentTokensNothingIsStored() {
    Settings production = Settings.from(Map.of(), new Properties());
    assertFalse(production.storesExampleFamily());
    assertFalse(Settings.from(Map.of("GK_DEV_TOKENS", "true", "GK_DEV_EXAMPLES", "false"), new Properties())
        .storesExampleFamily());
    assertTrue(Settings.from(Map.of("GK_DEV_TOKENS", "true"), new Properties()).storesExampleFamily());
  }

  /** "organisation reason" of every current relationship of Anna's family, as the midwife sees them. */
  private static List<String> relationships(Http http) {
    Http.Response answer = http.withToken(token(http, "verloskundige-jansen"))
        .get("/fhir/Patient/family-jansen-anna/$zorgrelaties?alleen-actief=true");
    assertEquals(200, answer.status(), answer::toString);
    return answer.resource(Parameters.class).getParameter().stream()
        .map(p -> ((Reference) part(p, "organisatie")).getReference() + " " + part(p, "reden").primitiveValue())
        .sorted().toList();
  }

  private static org.hl7.fhir.r4.model.Type part(Parameters.ParametersParameterComponent p, String name) {
    return p.getPart().stream().filter(x -> x.getName().equals(name)).findFirst().orElseThrow().getValue();
  }

  private static Set<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).collect(Collectors.toSet());
  }

  static String token(Http http, String identity) {
    Http.Response r = http.anonymous().post("/dev/token", "identity=" + identity, "application/x-www-form-urlencoded");
    assertEquals(200, r.status(), r::toString);
    return r.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  private static Settings devSettings(Path dataDir) {
    return Settings.from(Map.of("GK_PORT", "0", "GK_DATA_DIR", dataDir.toString(), "GK_DB_POOL_SIZE", "10",
        "GK_DEV_TOKENS", "true"), new Properties());
  }

  private static String root(GeboorteketenServer server) {
    return server.baseUrl().replaceAll("/fhir$", "");
  }
}
