package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.sql.DataSource;
import nl.geboorteketen.server.GeboorteketenServer;
import nl.geboorteketen.server.config.Settings;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What was written is there after the server stops and starts again on the same data directory,
 * also when the store was compacted in between (README, "The H2 file and its size").
 */
class RestartPersistenceTest {

  @ParameterizedTest(name = "compacted in between: {0}")
  @ValueSource(booleans = {false, true})
  void resourceWrittenBeforeARestartIsReadAfterIt(boolean compacted) throws Exception {
    Path dataDir = Files.createTempDirectory("gk-restart-");
    Organization org = new Organization().setName("Verloskundigenpraktijk De Wieg");
    org.addIdentifier().setSystem("http://fhir.nl/fhir/NamingSystem/agb-z").setValue("03001234");
    org.addType().addCoding().setSystem("http://nictiz.nl/fhir/NamingSystem/organization-type").setCode("G3");

    String location;
    Set<String> uniqueKeys;
    try (GeboorteketenServer first = GeboorteketenServer.start(TestServer.settings(dataDir))) {
      uniqueKeys = H2UniqueKeys.uniqueKeys(first.bean(DataSource.class));
      Http.Response created = new Http(root(first)).postJson("/fhir/Organization", org);
      assertEquals(201, created.status(), created::toString);
      location = created.header("Location").replaceAll(".*/fhir", "/fhir").replaceAll("/_history/.*", "");
    }
    if (compacted) {
      Settings settings = TestServer.settings(dataDir);
      Path file = StoreCompaction.fileOf(settings.dbUrl());
      long before = Files.size(file);
      ByteArrayOutputStream said = new ByteArrayOutputStream();
      assertEquals(0, StoreCompaction.run(settings.dbUrl(), settings.dbUser(), settings.dbPassword(),
          new PrintStream(said, true, StandardCharsets.UTF_8)), said::toString);
      // a fresh store is mostly chunks of its schema's many small commits, nearly all of them dead
      assertTrue(Files.size(file) < before / 2, () -> "before " + before + ", after: " + said);
    }
    try (GeboorteketenServer second = GeboorteketenServer.start(TestServer.settings(dataDir))) {
      // the restart skips re-adding HAPI's unique keys (H2UniqueKeys): they are all still there
      assertEquals(uniqueKeys, H2UniqueKeys.uniqueKeys(second.bean(DataSource.class)));
      assertTrue(uniqueKeys.size() > 20, uniqueKeys::toString);
      Http.Response read = new Http(root(second)).get(location);
      assertEquals(200, read.status(), read::toString);
      assertEquals("Verloskundigenpraktijk De Wieg", read.resource(Organization.class).getName());
      Http.Response another = new Http(root(second)).postJson("/fhir/Organization", secondOrganisation(org));
      assertEquals(201, another.status(), another::toString);
    }
  }

  private static Organization secondOrganisation(Organization first) {
    Organization second = first.copy().setName("Kraamzorg Het Nest");
    second.getIdentifierFirstRep().setValue("03001235");
    return second;
  }

  private static String root(GeboorteketenServer server) {
    return server.baseUrl().replaceAll("/fhir$", "");
  }
}
