package nl.geboorteketen.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import nl.geboorteketen.server.GeboorteketenServer;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.programme.RegionalProgramme;
import nl.geboorteketen.server.rules.RuleTableStore;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two nodes on one PostgreSQL, as behind a load balancer: what one writes the other serves at once. */
@Tag("storage")
class TwoNodesTest {

  private static final String LIP = "https://fhir.geboorteketen.nl/Library/lip";
  private static GeboorteketenServer nodeA;
  private static GeboorteketenServer nodeB;

  /** Node A is the run's shared server on PostgreSQL; node B a second one on the same database. */
  @BeforeAll
  static void startSecondNode() throws Exception {
    assumeTrue(TestServer.onPostgres(), "two nodes need PostgreSQL: runs in the postgresql execution");
    nodeA = TestServer.shared();
    nodeB = GeboorteketenServer.start(TestServer.settings(Files.createTempDirectory("gk-node-b-")));
  }

  @AfterAll
  static void stopSecondNode() throws Exception {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @Test
  void writeOnOneNodeIsReadAndSearchedOnTheOtherAtOnce() {
    Http a = http(nodeA);
    Http b = http(nodeB);
    String agb = Data.randomBsn();
    Http.Response created = a.postJson("/fhir/Organization", Data.organization(agb, "Praktijk Noord"));
    assertEquals(201, created.status(), created::toString);
    String id = created.resource(Organization.class).getIdElement().getIdPart();

    assertEquals("Praktijk Noord", b.get("/fhir/Organization/" + id).resource(Organization.class).getName());
    Bundle search = b.get("/fhir/Organization?identifier=" + Data.AGB + "%7C" + agb).resource(Bundle.class);
    assertEquals(1, search.getEntry().size(), "node B finds node A's write by search");

    Organization changed = Data.organization(agb, "Praktijk Noord-Oost");
    changed.setId(id);
    Http.Response updated = b.put("/fhir/Organization/" + id, Data.json(changed), "application/fhir+json");
    assertEquals(200, updated.status(), updated::toString);
    Organization onA = a.get("/fhir/Organization/" + id).resource(Organization.class);
    assertEquals("2", onA.getMeta().getVersionId(), "node A serves node B's version at once");
    assertEquals("Praktijk Noord-Oost", onA.getName());
  }

  @Test
  void ruleTableLoadedOnOneNodeIsUsedByTheOther() throws InterruptedException {
    RuleTableStore onB = nodeB.bean(RuleTableStore.class);
    String before = onB.current(LIP, bytes -> new String(bytes, StandardCharsets.UTF_8));

    Library own = RuleTableStore.findInPackage(Http.FHIR, nodeA.bean(ProfilePackage.class), LIP).orElseThrow().copy();
    own.setId((String) null);
    own.setVersion("2026.test");
    // the packaged table with one extra marker field: a usable table, recognisably this provider's own
    String table = new String(own.getContentFirstRep().getData(), StandardCharsets.UTF_8)
        .replaceFirst("\\{", "{\"provider\":\"eigen tabel\",");
    own.getContentFirstRep().setData(table.getBytes(StandardCharsets.UTF_8));
    Http.Response stored = http(nodeA).postJson("/fhir/Library", own);
    assertEquals(201, stored.status(), stored::toString);

    // node B reads whether a Library changed at most twice a second: a write through node A counts within that
    String after = eventually(() -> onB.current(LIP, bytes -> new String(bytes, StandardCharsets.UTF_8)), table);
    assertTrue(!before.contains("eigen tabel"), "package table first");
    assertEquals(table, after, "node B uses the table node A stored, without restart");
  }

  @Test
  void theLastPlaceOfAProgrammeGoesToOneFamilyEvenWhenTwoNodesEnrolAtOnce() throws Exception {
    String code = "regio-twee-nodes-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    RegionalProgramme.load(http(nodeA), code);
    String a = storedMother(nodeA);
    String b = storedMother(nodeA);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.List<java.util.concurrent.Future<Http.Response>> answers = pool.invokeAll(java.util.List.of(
          () -> RegionalProgramme.enrol(http(nodeA), a, code), () -> RegionalProgramme.enrol(http(nodeB), b, code)));
      java.util.List<Integer> statuses = new java.util.ArrayList<>();
      for (var answer : answers) {
        statuses.add(answer.get().status());
      }
      System.out.printf("[reliability] enrolment race for the last place, one request per node: %s%n", statuses);
      assertEquals(java.util.List.of(200, 409), statuses.stream().sorted().toList(), "one place, one family");
    } finally {
      pool.shutdownNow();
    }
  }

  private static String storedMother(GeboorteketenServer node) {
    nl.geboorteketen.server.support.Fixtures.NewFamily family = nl.geboorteketen.server.support.Fixtures.examplesAsNewFamily();
    Http.Response r = http(node).postJson("/fhir", family.transaction());
    assertEquals(200, r.status(), r::toString);
    String urn = family.urnByExampleId().get("Patient/family-jansen-anna");
    java.util.List<Bundle.BundleEntryComponent> sent = family.transaction().getEntry();
    for (int i = 0; i < sent.size(); i++) {
      if (sent.get(i).getFullUrl().equals(urn)) {
        return r.resource(Bundle.class).getEntry().get(i).getResponse().getLocation().replaceAll("/_history/.*", "");
      }
    }
    throw new AssertionError("the mother was not stored");
  }

  private static Http http(GeboorteketenServer node) {
    return new Http(node.baseUrl().replaceAll("/fhir$", ""));
  }

  /**
   * Node B remembers that a kraamzorg does not care for a family; the managing practice adds it to the
   * care team through node A: node B lets it in within a second or so, and shuts it out again when the
   * team ends. The caches of both nodes follow the ledger through the database.
   */
  @Test
  void aCareRelationshipGrantedOrEndedOnOneNodeCountsOnTheOther() throws Exception {
    java.util.Map<String, String> family = nl.geboorteketen.server.support.Fixtures.storeNewFamily();
    String mother = family.get("Patient/family-jansen-anna");
    String practice = family.get("Organization/family-jansen-verloskundigenpraktijk");
    Http.Response registered = http(nodeA).postJson("/fhir/Organization", Data.organization(Data.randomBsn(), "Kraamzorg Zuid"));
    String kraamzorg = "Organization/" + registered.resource(Organization.class).getIdElement().getIdPart();
    Http onB = http(nodeB).withToken(nl.geboorteketen.server.support.TestTokens.partner("kraamzorg", kraamzorg));
    Http midwifeOnA = http(nodeA).withToken(nl.geboorteketen.server.support.TestTokens.partner("verloskundige", practice));
    assertEquals(403, onB.get("/fhir/" + mother).status());

    org.hl7.fhir.r4.model.CareTeam team = new org.hl7.fhir.r4.model.CareTeam()
        .setStatus(org.hl7.fhir.r4.model.CareTeam.CareTeamStatus.ACTIVE)
        .setSubject(new org.hl7.fhir.r4.model.Reference(mother));
    team.addParticipant().setMember(new org.hl7.fhir.r4.model.Reference(kraamzorg)).addRole().setText("Kraamzorg");
    Http.Response made = midwifeOnA.postJson("/fhir/CareTeam", team);
    assertEquals(201, made.status(), made::toString);
    assertEquals(200, eventually(() -> onB.get("/fhir/" + mother).status(), 200), "node B lets the kraamzorg in");

    org.hl7.fhir.r4.model.CareTeam ended = made.resource(org.hl7.fhir.r4.model.CareTeam.class)
        .setStatus(org.hl7.fhir.r4.model.CareTeam.CareTeamStatus.INACTIVE);
    assertEquals(200, midwifeOnA.put("/fhir/CareTeam/" + ended.getIdElement().getIdPart(),
        Http.FHIR.newJsonParser().encodeResourceToString(ended), "application/fhir+json").status());
    assertEquals(403, eventually(() -> onB.get("/fhir/" + mother).status(), 403), "and shuts it out again");
  }

  /** The value once it is the wanted one, trying for at most 5 s (the other node polls twice a second). */
  private static <T> T eventually(java.util.function.Supplier<T> value, T wanted) throws InterruptedException {
    long until = System.currentTimeMillis() + 5_000;
    T last = value.get();
    while (!wanted.equals(last) && System.currentTimeMillis() < until) {
      Thread.sleep(100);
      last = value.get();
    }
    return last;
  }
}
