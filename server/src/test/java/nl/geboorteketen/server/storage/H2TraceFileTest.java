package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.geboorteketen.server.config.Settings;
import nl.geboorteketen.server.support.TestServer;
import org.junit.jupiter.api.Test;

/** A start leaves no stack traces of Hibernate's refused helper tables in the H2 store's trace file. */
class H2TraceFileTest {

  @Test
  void aStartWritesNoRefusedHelperTablesIntoTheTraceFile() throws Exception {
    assumeFalse(TestServer.onPostgres(), "H2's own trace file");
    Path trace = TestServer.shared().bean(Settings.class).dataDir().resolve("geboorteketen.trace.db");
    String written = Files.exists(trace) ? Files.readString(trace, StandardCharsets.UTF_8) : "";
    assertFalse(written.contains("create global temporary table"), written);
  }
}
