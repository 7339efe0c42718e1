package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.geboorteketen.server.GeboorteketenServer;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;

/** What was written is there after the server stops and starts again on the same data directory. */
class RestartPersistenceTest {

  @Test
  void resourceWrittenBeforeARestartIsReadAfterIt() throws Exception {
    Path dataDir = Files.createTempDirectory("gk-restart-");
    Organization org = new Organization().setName("Verloskundigenpraktijk De Wieg");
    org.addIdentifier().setSystem("http://fhir.nl/fhir/NamingSystem/agb-z").setValue("03001234");
    org.addType().addCoding().setSystem("http://nictiz.nl/fhir/NamingSystem/organization-type").setCode("G3");

    String location;
    try (GeboorteketenServer first = GeboorteketenServer.start(TestServer.settings(dataDir))) {
      Http.Response created = new Http(root(first)).postJson("/fhir/Organization", org);
      assertEquals(201, created.status(), created::toString);
      location = created.header("Location").replaceAll(".*/fhir", "/fhir").replaceAll("/_history/.*", "");
    }
    try (GeboorteketenServer second = GeboorteketenServer.start(TestServer.settings(dataDir))) {
      Http.Response read = new Http(root(second)).get(location);
      assertEquals(200, read.status(), read::toString);
      assertEquals("Verloskundigenpraktijk De Wieg", read.resource(Organization.class).getName());
    }
  }

  private static String root(GeboorteketenServer server) {
    return server.baseUrl().replaceAll("/fhir$", "");
  }
}
