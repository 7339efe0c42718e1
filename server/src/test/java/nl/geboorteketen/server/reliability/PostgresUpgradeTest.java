package nl.geboorteketen.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.util.VersionEnum;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import nl.geboorteketen.server.GeboorteketenServer;
import nl.geboorteketen.server.config.Settings;
import nl.geboorteketen.server.storage.SchemaMigration;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL database migrated only up to HAPI 8.6.0's tasks is brought to 8.8 by the server at
 * start-up and serves; data written keeps across a restart with the (then no-op) migration.
 * Limit: on an empty database HAPI's first task creates the schema from the running HAPI's SQL
 * file, so this is not a real 8.6 schema (README, Production).
 */
@Tag("storage")
class PostgresUpgradeTest {

  @Test
  void databaseOfThePreviousSchemaVersionIsUpgradedAndKeepsItsData() throws Exception {
    assumeTrue(TestServer.onPostgres(), "runs in the postgresql execution");
    Settings settings = TestServer.postgresSettings(Files.createTempDirectory("gk-upgrade-"), "upgrade86");
    try (HikariDataSource ds = dataSource(settings)) {
      SchemaMigration.migrate(ds, VersionEnum.V8_6_0);
      assertTrue(newestApplied(ds).startsWith("8.6.0"), "the database starts at the 8.6 schema: " + newestApplied(ds));
    }

    String location;
    try (GeboorteketenServer server = GeboorteketenServer.start(settings)) {
      Http.Response created = http(server).postJson("/fhir/Organization", Data.organization(Data.randomBsn(), "Na upgrade"));
      assertEquals(201, created.status(), created::toString);
      location = "/fhir/Organization/" + created.resource(Organization.class).getIdElement().getIdPart();
    }
    try (HikariDataSource ds = dataSource(settings)) {
      assertTrue(newestApplied(ds).startsWith("8.8.0"), "upgraded to the 8.8 schema: " + newestApplied(ds));
    }
    try (GeboorteketenServer again = GeboorteketenServer.start(settings)) {
      Http.Response read = http(again).get(location);
      assertEquals(200, read.status(), read::toString);
      assertEquals("Na upgrade", read.resource(Organization.class).getName());
    }
  }

  private static String newestApplied(HikariDataSource ds) throws Exception {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM " + SchemaMigration.MIGRATION_TABLE
            + " WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
      rs.next();
      return rs.getString(1).replace('_', '.');
    }
  }

  private static HikariDataSource dataSource(Settings s) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(s.dbUrl());
    ds.setUsername(s.dbUser());
    ds.setPassword(s.dbPassword());
    ds.setMaximumPoolSize(2);
    return ds;
  }

  private static Http http(GeboorteketenServer server) {
    return new Http(server.baseUrl().replaceAll("/fhir$", ""));
  }
}
