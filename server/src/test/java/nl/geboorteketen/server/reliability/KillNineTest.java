package nl.geboorteketen.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.geboorteketen.server.config.Settings;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a server process during a write and read load (single creates, two-entry transactions
 * and reads from several threads), then a restart on the same data: every acknowledged write is
 * there, no transaction is half there, and every acknowledged create and read has its AuditEvent
 * (NEN 7513: no access without its record). On the H2 file store and on PostgreSQL. Transactions
 * are sent as a midwife sends them: a new client ({@code <key>-a}) and the maternal record her
 * practice opens ({@code <key>-b}), with client ids so a half transaction shows; audit records are
 * counted by their entity references to each created organisation.
 */
@Tag("storage")
class KillNineTest {

  private static final int CREATORS = 3;
  private static final int TRANSACTORS = 2;
  private static final int READERS = 2;
  private static final long LOAD_MILLIS = 6_000;

  @Test
  void h2FileStoreKeepsEveryAcknowledgedWrite() throws Exception {
    assumeFalse(TestServer.onPostgres(), "the H2 case runs in the default execution");
    Path dataDir = Files.createTempDirectory("gk-kill-h2-");
    Settings h2 = Settings.from(Map.of("GK_DATA_DIR", dataDir.toString()), new Properties());
    killDuringLoadAndCheck("H2 file", Map.of("GK_DATA_DIR", dataDir.toString()), h2);
  }

  @Test
  void postgresKeepsEveryAcknowledgedWrite() throws Exception {
    assumeTrue(TestServer.onPostgres(), "the PostgreSQL case runs in the postgresql execution");
    Settings pg = TestServer.postgresSettings(Files.createTempDirectory("gk-kill-pg-"), "killnine");
    killDuringLoadAndCheck("PostgreSQL", Map.of("GK_DATA_DIR", pg.dataDir().toString(), "GK_DB_URL", pg.dbUrl(),
        "GK_DB_USER", pg.dbUser(), "GK_DB_PASSWORD", pg.dbPassword()), pg);
  }

  private void killDuringLoadAndCheck(String store, Map<String, String> env, Settings settings) throws Exception {
    String jdbcUrl = settings.dbUrl();
    String user = settings.dbUser();
    String password = settings.dbPassword();
    ServerProcess process = ServerProcess.start(env, settings.dataDir());
    Process server = process.process;
    Http http = process.http;
    Set<String> ackedIds = ConcurrentHashMap.newKeySet();
    Set<String> ackedPairs = ConcurrentHashMap.newKeySet();
    Set<String> triedPairs = ConcurrentHashMap.newKeySet();
    Map<String, Integer> ackedReads = new ConcurrentHashMap<>();
    // the transactions are sent as a midwife registers her clients, not as the beheerder
    Organization practice = Data.organization("kill-practice", "Praktijk onder belasting");
    practice.setId("kill-practice");
    Http.Response made = http.put("/fhir/Organization/kill-practice", Data.json(practice), "application/fhir+json");
    assertTrue(made.status() == 201 || made.status() == 200, made::toString);
    Http midwife = http.withToken(nl.geboorteketen.server.support.TestTokens.partner("verloskundige",
        "Organization/kill-practice"));
    try {
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < CREATORS; i++) {
        threads.add(started(() -> {
          while (running.get()) {
            try {
              Http.Response r = http.postJson("/fhir/Organization", Data.organization(UUID.randomUUID().toString(), "Load"));
              if (r.status() == 201) {
                ackedIds.add(r.resource(Organization.class).getIdElement().getIdPart());
              }
            } catch (RuntimeException serverGone) {
              return;
            }
          }
        }));
      }
      for (int i = 0; i < TRANSACTORS; i++) {
        threads.add(started(() -> {
          while (running.get()) {
            String key = UUID.randomUUID().toString();
            triedPairs.add(key);
            try {
              if (midwife.postJson("/fhir", Data.clientTransactionWithIds(key, "Organization/kill-practice")).status() == 200) {
                ackedPairs.add(key);
              }
            } catch (RuntimeException serverGone) {
              return;
            }
          }
        }));
      }
      for (int i = 0; i < READERS; i++) {
        threads.add(started(() -> {
          while (running.get()) {
            String id = ackedIds.stream().skip(ThreadLocalRandom.current().nextInt(Math.max(1, ackedIds.size())))
                .findFirst().orElse(null);
            try {
              if (id != null && http.get("/fhir/Organization/" + id).status() == 200) {
                ackedReads.merge(id, 1, Integer::sum);
              }
            } catch (RuntimeException serverGone) {
              return;
            }
          }
        }));
      }
      // kill once the load has written and read enough, however busy the machine is
      long started = System.currentTimeMillis();
      while (System.currentTimeMillis() - started < LOAD_MILLIS
          || (ackedIds.size() + ackedPairs.size() < 30 || ackedReads.isEmpty())
              && System.currentTimeMillis() - started < 120_000) {
        Thread.sleep(200);
      }
      server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
      running.set(false);
      for (Thread t : threads) {
        t.join(70_000);
      }
    } finally {
      server.destroyForcibly();
    }

    // Start the server once more, as after any crash: on H2 it moves the audit journal's records into
    // the log before it is ready (on PostgreSQL they were committed directly). Then stop it at once
    // with kill -9 too, and reopen the store itself (H2 recovers its file on open; PostgreSQL never
    // went down): what is committed is there, whatever the server did in memory.
    try (ServerProcess again = ServerProcess.start(env, settings.dataDir())) {
      again.process.destroyForcibly().waitFor();
    }
    // stored = a resource row with its current version (a row without one is a lost write)
    Set<String> stored = new HashSet<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
        ResultSet rs = c.createStatement().executeQuery("SELECT r.FHIR_ID FROM HFJ_RESOURCE r JOIN HFJ_RES_VER v"
            + " ON v.RES_ID = r.RES_ID AND v.RES_VER = r.RES_VER"
            + " WHERE r.RES_TYPE IN ('Organization', 'Patient', 'EpisodeOfCare')")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }
    Map<String, Integer> audited = new HashMap<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
        ResultSet rs = c.createStatement().executeQuery("SELECT SUBSTRING(REF, 14), COUNT(*) FROM GK_AUDIT_ENTITY"
            + " WHERE REF LIKE 'Organization/%' GROUP BY REF")) {
      while (rs.next()) {
        audited.put(rs.getString(1), rs.getInt(2));
      }
    }
    // each acknowledged create leaves one AuditEvent naming the organisation, each acknowledged read one more
    long accessesAcknowledged = ackedIds.size() + ackedReads.values().stream().mapToInt(Integer::intValue).sum();
    long accessesAudited = ackedIds.stream().mapToLong(id -> Math.min(audited.getOrDefault(id, 0),
        1 + ackedReads.getOrDefault(id, 0))).sum();
    long idsFound = ackedIds.stream().filter(stored::contains).count();
    long pairsFound = ackedPairs.stream().filter(k -> stored.contains(k + "-a") && stored.contains(k + "-b")).count();
    long halfPairs = triedPairs.stream().filter(k -> stored.contains(k + "-a") != stored.contains(k + "-b")).count();
    System.out.printf("[reliability] kill -9 on %s: creates acknowledged %d, found %d; transactions acknowledged %d,"
        + " found whole %d; tried %d, half-written %d%n", store, ackedIds.size(), idsFound, ackedPairs.size(),
        pairsFound, triedPairs.size(), halfPairs);
    System.out.printf("[reliability] kill -9 on %s: creates + reads acknowledged %d, with their AuditEvent %d%n",
        store, accessesAcknowledged, accessesAudited);
    assertTrue(ackedIds.size() + ackedPairs.size() > 10, "the load wrote something before the kill");
    assertTrue(ackedReads.size() > 0, "the load read something before the kill");
    assertEquals(accessesAcknowledged, accessesAudited, "every acknowledged access has its audit record on " + store);
    assertEquals(ackedIds.size(), idsFound, "every acknowledged create survives kill -9 on " + store);
    assertEquals(ackedPairs.size(), pairsFound, "every acknowledged transaction survives kill -9 on " + store);
    assertEquals(0, halfPairs, "no half-written transaction on " + store);
  }

  private static Thread started(Runnable work) {
    Thread t = new Thread(work, "load");
    t.start();
    return t;
  }

}
