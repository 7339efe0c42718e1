package nl.geboorteketen.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void defaultsBindToLocalhostOnPort8080WithAnH2FileUnderData() {
    Settings s = Settings.from(Map.of(), new Properties());
    assertEquals(8080, s.port());
    assertEquals("127.0.0.1", s.bindHost());
    assertTrue(s.dbUrl().startsWith("jdbc:h2:file:"), s.dbUrl());
    assertTrue(s.dbUrl().contains("/data/"), s.dbUrl());
    assertFalse(s.isPostgres());
  }

  @Test
  void environmentWinsOverTheConfigFileWhichWinsOverDefaults() {
    Properties file = new Properties();
    file.setProperty("GK_PORT", "9000");
    file.setProperty("GK_DB_URL", "jdbc:postgresql://db/gk");
    Settings s = Settings.from(Map.of("GK_PORT", "9100"), file);
    assertEquals(9100, s.port());
    assertEquals("jdbc:postgresql://db/gk", s.dbUrl());
    assertTrue(s.isPostgres());
  }
}
