package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Discovery, MedMij rules for PGOs, write rights by role, and the audit log. */
class SecurityBehaviourTest {

  private static SecurityWorld world;

  @BeforeAll
  static void world() {
    world = SecurityWorld.get();
  }

  private static Http as(String token) {
    return Http.shared().withToken(token);
  }

  @Test
  void smartConfigurationAndMetadataAreAnonymous() {
    for (String path : List.of("/.well-known/smart-configuration", "/fhir/.well-known/smart-configuration")) {
      Http.Response r = Http.shared().anonymous().get(path);
      assertEquals(200, r.status(), path);
      assertTrue(r.body().contains("\"token_endpoint\""), r.body());
      assertTrue(r.body().contains("\"jwks_uri\""), r.body());
      // no code flow is offered, so no patient scopes are advertised (PGO tokens come from elsewhere)
      assertFalse(r.body().contains("patient/*.rs"), r.body());
    }
    Http.Response metadata = Http.shared().anonymous().get("/fhir/metadata");
    assertEquals(200, metadata.status());
    CapabilityStatement cs = metadata.resource(CapabilityStatement.class);
    assertEquals("SMART-on-FHIR", cs.getRestFirstRep().getSecurity().getServiceFirstRep().getCodingFirstRep().getCode());
    assertNotNull(cs.getRestFirstRep().getSecurity()
        .getExtensionByUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris"));
  }

  @Test
  void noSideChannels() throws Exception {
    // an attacker's Host header is refused, so no link is built from it
    java.net.URI base = URI.create(root());
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.getOutputStream().write(("GET /fhir/metadata HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          java.nio.charset.StandardCharsets.US_ASCII)).readLine();
      assertTrue(status.contains(" 400"), status);
    }
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.getOutputStream().write(("GET /health/live HTTP/1.1\r\nHost: 10.1.2.3\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          java.nio.charset.StandardCharsets.US_ASCII)).readLine();
      assertTrue(status.contains(" 200"), "a load balancer's health check by IP: " + status);
    }
    // the anonymous CapabilityStatement counts nothing
    assertFalse(Http.shared().anonymous().get("/fhir/metadata").body().contains("resourceCount"));
    // history and PGO totals are left out (they are counted before the filter)
    Http pgo = as(TestTokens.pgo(SecurityWorld.ANNA_BSN));
    for (String path : List.of("/fhir/Observation?_count=1", "/fhir/Organization?_count=1")) {
      Bundle b = pgo.get(path).resource(Bundle.class);
      assertFalse(b.hasTotal(), path + " total for a PGO");
    }
    Bundle history = as(TestTokens.partner("verloskundige", SecurityWorld.MIDWIFE)).get("/fhir/Patient/_history?_count=1")
        .resource(Bundle.class);
    assertFalse(history.hasTotal(), "type history total for a partner");
  }

  @Test
  void developmentTokenEndpointIsOffUnlessEnabled() {
    Http.Response r = Http.shared().anonymous().post("/dev/token", "identity=beheerder", "application/x-www-form-urlencoded");
    assertTrue(r.status() == 404 || r.status() == 405, r::toString);
    assertFalse(r.body().contains("access_token"));
  }

  @Test
  void correlationIdIsEchoedOrMade() {
    Http.Response echoed = Http.shared().send(HttpRequest.newBuilder(URI.create(root() + "/fhir/metadata"))
        .header("X-Correlation-ID", "pgo-trace-42").GET());
    assertEquals("pgo-trace-42", echoed.header("X-Correlation-ID"));
    Http.Response made = Http.shared().anonymous().get("/fhir/Patient");
    assertEquals(401, made.status());
    assertNotNull(made.header("X-Correlation-ID"));
  }

  @Test
  void noBsnReachesAPgoOnAnyRoute() {
    Http pgo = as(TestTokens.pgo(SecurityWorld.ANNA_BSN));
    for (String path : List.of("/fhir/Patient/family-jansen-anna", "/fhir/Patient", "/fhir/RelatedPerson",
        "/fhir/Patient/family-jansen-anna/$everything?_count=500", "/fhir/Patient/family-jansen-daan",
        "/fhir/Patient/family-jansen-daan/$everything?_count=500",
        "/fhir/Patient?_revinclude=RelatedPerson:patient", "/fhir/RelatedPerson?_include=RelatedPerson:patient")) {
      Http.Response r = pgo.get(path);
      assertEquals(200, r.status(), () -> path + ": " + r);
      assertFalse(r.body().contains(SecurityWorld.ANNA_BSN), path + " leaks Anna's BSN");
      assertFalse(r.body().contains("999911132"), path + " leaks Daan's BSN");
      // MedMij masking: the identifier keeps its system, its value is a data-absent-reason
      int at = r.body().indexOf("\"system\":\"http://fhir.nl/fhir/NamingSystem/bsn\",\"value\"");
      assertFalse(at >= 0, () -> path + " shows a BSN value: "
          + r.body().substring(Math.max(0, at - 300), Math.min(r.body().length(), at + 100)));
      if (r.body().contains("NamingSystem/bsn")) {
        assertTrue(r.body().contains("\"valueCode\":\"masked\""), path + " has a BSN identifier that is not masked");
      }
      assertFalse(r.body().contains("\"resourceType\":\"StructureDefinition\""), path + " carries a profile");
    }
    // the beheerder still sees it: the store is untouched
    assertTrue(Http.shared().get("/fhir/Patient/family-jansen-anna").body().contains(SecurityWorld.ANNA_BSN));
  }

  @Test
  void pgoBundlesHaveAbsoluteUrlsAndASelfLink() {
    Bundle b = as(TestTokens.pgo(SecurityWorld.ANNA_BSN)).get("/fhir/Observation").resource(Bundle.class);
    assertFalse(b.getEntry().isEmpty());
    b.getEntry().forEach(e -> assertTrue(e.getFullUrl().startsWith("http"), e.getFullUrl()));
    assertTrue(b.getLink("self").getUrl().startsWith("http"));
  }

  @Test
  void onlyTheOwnerAcceptsAHandover() {
    Http admin = Http.shared();
    Task task = admin.get("/fhir/" + world.handoverTask).resource(Task.class);
    task.setStatus(Task.TaskStatus.ACCEPTED);
    String body = Http.FHIR.newJsonParser().encodeResourceToString(task);
    Http.Response byRequester = as(TestTokens.partner("verloskundige", SecurityWorld.MIDWIFE))
        .put("/fhir/" + world.handoverTask, body, "application/fhir+json");
    assertEquals(403, byRequester.status(), byRequester::toString);
    assertTrue(byRequester.outcome().getIssueFirstRep().getDiagnostics().contains("owner"));
    Http.Response byOwner = as(TestTokens.partner("jgz", SecurityWorld.JGZ))
        .put("/fhir/" + world.handoverTask, body, "application/fhir+json");
    assertEquals(200, byOwner.status(), byOwner::toString);
  }

  @Test
  void aMidwifeRegistersANewWomanOpensHerRecordAndSeesWhatSheWrote() {
    Http.Response org = Http.shared().postJson("/fhir/Organization", SecurityWorld.newOrganization("Nieuwe praktijk"));
    String practice = "Organization/" + org.resource(org.hl7.fhir.r4.model.Organization.class).getIdElement().getIdPart();
    Http midwife = as(TestTokens.partner("verloskundige", practice));
    org.hl7.fhir.r4.model.Patient woman = nl.geboorteketen.server.support.Fixtures.example(
        org.hl7.fhir.r4.model.Patient.class, "family-jansen-anna");
    woman.setId((String) null);
    woman.getIdentifierFirstRep().setValue(nl.geboorteketen.server.support.Fixtures.randomBsn());

    Http.Response registered = midwife.postJson("/fhir/Patient", woman);
    assertEquals(201, registered.status(), registered::toString);
    String id = "Patient/" + registered.resource(org.hl7.fhir.r4.model.Patient.class).getIdElement().getIdPart();
    // a client she registered herself she reads back (client-registered), and nothing else of anyone
    assertEquals(200, midwife.get("/fhir/" + id).status(), "she reads back the client she registered");
    assertEquals(403, midwife.get("/fhir/" + world.otherMother).status());

    org.hl7.fhir.r4.model.EpisodeOfCare record = nl.geboorteketen.server.support.Fixtures.example(
        org.hl7.fhir.r4.model.EpisodeOfCare.class, "family-jansen-zwangerschap");
    record.setId((String) null);
    record.getIdentifier().clear();
    record.getPatient().setReference(id);
    record.getManagingOrganization().setReference(practice);
    Http.Response opened = midwife.postJson("/fhir/EpisodeOfCare", record);
    assertEquals(201, opened.status(), opened::toString);
    assertTrue(opened.resource(org.hl7.fhir.r4.model.EpisodeOfCare.class).hasId(), "the answer shows the record she opened");
    assertEquals(200, midwife.get("/fhir/" + id).status(), "managing her record, she sees the woman");
  }

  @Test
  void aPartnersSearchTotalDoesNotCountOtherFamilies() {
    Bundle partner = as(TestTokens.partner("verloskundige", SecurityWorld.MIDWIFE))
        .get("/fhir/Patient?_total=accurate").resource(Bundle.class);
    assertFalse(partner.hasTotal(), "a total counted before the family filter would leak other families");
    assertTrue(Http.shared().get("/fhir/Patient?_total=accurate").resource(Bundle.class).hasTotal(),
        "the beheerder sees everything, total included");
  }

  /** HAPI answers a page asked for without _bundletype with a Bundle of no type, total included. */
  @Test
  void aPageAskedForWithoutItsBundleTypeCountsNoOtherFamilies() {
    Http midwife = as(TestTokens.partner("verloskundige", SecurityWorld.MIDWIFE));
    String own = searchId(midwife.get("/fhir/Patient?_total=accurate&_count=1").resource(Bundle.class));
    String beheerders = searchId(Http.shared().get("/fhir/Patient?_total=accurate&_count=1").resource(Bundle.class));
    for (String id : List.of(own, beheerders)) {
      for (String type : List.of("", "&_bundletype=searchset", "&_bundletype=collection")) {
        Bundle page = midwife.get("/fhir?_getpages=" + id + "&_getpagesoffset=0&_count=1" + type).resource(Bundle.class);
        assertFalse(page.hasTotal(), "page of " + id + type + " tells a total of " + page.getTotal());
      }
    }
    Bundle page = Http.shared().get("/fhir?_getpages=" + beheerders + "&_getpagesoffset=0&_count=1").resource(Bundle.class);
    assertTrue(page.hasTotal(), "the beheerder's page keeps its total");
  }

  private static String searchId(Bundle firstPage) {
    String next = firstPage.getLink(Bundle.LINK_NEXT).getUrl();
    return next.replaceAll(".*_getpages=([^&]+).*", "$1");
  }

  @Test
  void aPartnerCannotWriteIntoAFamilyItDoesNotCareFor() {
    // naming itself as the sender does not make a care relationship with a family it never cared for
    Task sneaky = SecurityWorld.handoverTask(world.otherMother, SecurityWorld.KRAAMZORG, world.otherMidwife,
        world.otherRecord);
    Http.Response r = as(TestTokens.partner("kraamzorg", SecurityWorld.KRAAMZORG)).postJson("/fhir/Task", sneaky);
    assertEquals(403, r.status(), r::toString);
  }

  @Test
  void aCareTeamNamingItselfDoesNotOpenAFamily() {
    CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(world.otherMother));
    team.addParticipant().setMember(new Reference(SecurityWorld.KRAAMZORG)).addRole().setText("Kraamzorg");
    Http kraamzorg = as(TestTokens.partner("kraamzorg", SecurityWorld.KRAAMZORG));
    assertEquals(403, kraamzorg.postJson("/fhir/CareTeam", team).status());
    assertEquals(403, kraamzorg.get("/fhir/" + world.otherMother).status(), "still no relationship");
  }

  @Test
  void aMidwifeCannotTakeAWomanAnotherPracticeIsCaringFor() {
    EpisodeOfCare grab = nl.geboorteketen.server.support.Fixtures.example(EpisodeOfCare.class, "family-jansen-zwangerschap");
    grab.setId((String) null);
    grab.getIdentifier().clear();
    grab.getManagingOrganization().setReference(world.otherMidwife);
    Http other = as(TestTokens.partner("verloskundige", world.otherMidwife));
    Http.Response r = other.postJson("/fhir/EpisodeOfCare", grab);
    assertEquals(403, r.status(), r::toString);
    assertTrue(r.body().contains("dat " + SecurityWorld.MIDWIFE + " beheert"), r::toString);
    assertEquals(403, other.get("/fhir/" + SecurityWorld.ANNA).status(), "still not hers");
  }

  @Test
  void onlyTheManagingOrganisationHandsOverAMaternalRecord() {
    Http kraamzorg = as(TestTokens.partner("kraamzorg", SecurityWorld.KRAAMZORG));
    Http.Response read = kraamzorg.get("/fhir/" + SecurityWorld.RECORD);
    assertEquals(200, read.status(), "the kraamzorg in Anna's care team reads her record");
    EpisodeOfCare record = read.resource(EpisodeOfCare.class);
    record.getManagingOrganization().setReference(SecurityWorld.KRAAMZORG);
    Http.Response taken = kraamzorg.put("/fhir/" + SecurityWorld.RECORD,
        Http.FHIR.newJsonParser().encodeResourceToString(record), "application/fhir+json");
    assertEquals(403, taken.status(), taken::toString);
    assertEquals(SecurityWorld.MIDWIFE, Http.shared().get("/fhir/" + SecurityWorld.RECORD).resource(EpisodeOfCare.class)
        .getManagingOrganization().getReference());
  }

  @Test
  void aStoredDocumentIsReadOnlyByThoseWhoCareForItsFamily() {
    Patient mother = Http.shared().get("/fhir/" + world.otherMother).resource(Patient.class);
    Bundle doc = new Bundle().setType(Bundle.BundleType.DOCUMENT).setTimestamp(new java.util.Date());
    doc.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID());
    Composition c = new Composition().setStatus(Composition.CompositionStatus.FINAL).setDate(new java.util.Date())
        .setTitle("Overdracht").setType(new CodeableConcept().setText("overdracht"))
        .setSubject(new Reference(world.otherMother));
    c.addAuthor().setReference(world.otherMidwife);
    // RESTful fullUrls: the Composition's relative references resolve to the entries beside it
    String composition = UUID.randomUUID().toString();
    doc.addEntry().setFullUrl(root() + "/fhir/Composition/" + composition).setResource(c.setId(composition));
    doc.addEntry().setFullUrl(root() + "/fhir/" + world.otherMother).setResource(mother);
    doc.addEntry().setFullUrl(root() + "/fhir/" + world.otherMidwife)
        .setResource(Http.shared().get("/fhir/" + world.otherMidwife).resource(Organization.class));
    Http.Response stored = Http.shared().postJson("/fhir/Bundle", doc);
    assertEquals(201, stored.status(), stored::toString);
    String id = "/fhir/Bundle/" + stored.resource(Bundle.class).getIdElement().getIdPart();

    assertEquals(403, as(TestTokens.partner("kraamzorg", SecurityWorld.KRAAMZORG)).get(id).status(),
        "a partner without a relationship with the family");
    assertEquals(200, as(TestTokens.partner("verloskundige", world.otherMidwife)).get(id).status());
    Http.Response search = as(TestTokens.partner("kraamzorg", SecurityWorld.KRAAMZORG)).get("/fhir/Bundle?_count=500");
    assertFalse(search.mentions(stored.resource(Bundle.class).getIdElement().getIdPart()), search::toString);
  }

  /**
   * A document from elsewhere names its people by urn:uuid fullUrls: its Patient has no id of ours,
   * only her BSN. That BSN says whose the document is; a BSN no Patient has leaves it to the beheerder.
   */
  @Test
  void aDocumentWhosePatientIsNamedByBsnAloneIsHerFamilysToRead() {
    String unknownBsn = SecurityWorld.randomBsn();
    for (String bsn : List.of(world.otherMotherBsn, unknownBsn)) {
      Bundle doc = new Bundle().setType(Bundle.BundleType.DOCUMENT).setTimestamp(new java.util.Date());
      doc.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID());
      Patient mother = new Patient().setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1990-01-01"));
      mother.addIdentifier().setSystem("http://fhir.nl/fhir/NamingSystem/bsn").setValue(bsn);
      String motherUrn = "urn:uuid:" + UUID.randomUUID();
      Composition c = new Composition().setStatus(Composition.CompositionStatus.FINAL).setDate(new java.util.Date())
          .setTitle("Overdracht van elders").setType(new CodeableConcept().setText("overdracht"))
          .setSubject(new Reference(motherUrn));
      c.addAuthor().setDisplay("een ander systeem");
      doc.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(c);
      doc.addEntry().setFullUrl(motherUrn).setResource(mother);
      Http.Response stored = Http.shared().postJson("/fhir/Bundle", doc);
      assertEquals(201, stored.status(), stored::toString);
      String id = stored.resource(Bundle.class).getIdElement().getIdPart();

      for (String stranger : List.of(TestTokens.partner("kraamzorg", SecurityWorld.KRAAMZORG),
          TestTokens.pgo(SecurityWorld.ANNA_BSN))) {
        assertEquals(403, as(stranger).get("/fhir/Bundle/" + id).status(), "not the caller's family: " + bsn);
        assertFalse(as(stranger).get("/fhir/Bundle?type=document&_count=500").mentions(id));
      }
      int ownMidwife = as(TestTokens.partner("verloskundige", world.otherMidwife)).get("/fhir/Bundle/" + id).status();
      assertEquals(bsn.equals(unknownBsn) ? 403 : 200, ownMidwife, "her midwife reads it; no one's is the beheerder's");
    }
  }

  @Test
  void auditEventsCannotBeChangedOrDeletedEvenByTheBeheerder() {
    Http admin = Http.shared();
    admin.get("/fhir/Patient/family-jansen-anna");
    Bundle events = admin.get("/fhir/AuditEvent?_count=1").resource(Bundle.class);
    AuditEvent event = (AuditEvent) events.getEntryFirstRep().getResource();
    String id = "/fhir/AuditEvent/" + event.getIdElement().getIdPart();
    event.setOutcomeDesc("tampered");
    assertEquals(403, admin.put(id, Http.FHIR.newJsonParser().encodeResourceToString(event), "application/fhir+json").status());
    assertEquals(403, admin.send(HttpRequest.newBuilder(URI.create(root() + id)).DELETE()).status());
    assertEquals(403, admin.postJson("/fhir/AuditEvent", new AuditEvent()).status());
  }

  @Test
  void everyAccessLeavesAnAuditEvent() {
    String sub = "audit-probe-" + UUID.randomUUID();
    String read = TestTokens.sign(new JWTClaimsSet.Builder().subject(sub).claim("client_id", "probe-ehr")
        .claim("gk_role", "verloskundige").claim("gk_org", SecurityWorld.MIDWIFE).claim("scope", "system/*.cruds"));
    Http probe = as(read);
    assertEquals(200, probe.get("/fhir/Patient/family-jansen-anna").status());
    assertEquals(200, probe.get("/fhir/Observation?subject=Patient/family-jansen-anna&_count=500").status());
    assertEquals(403, probe.get("/fhir/" + world.otherMother).status());
    Patient woman = nl.geboorteketen.server.support.Fixtures.example(Patient.class, "family-jansen-anna");
    woman.setId((String) null);
    woman.getIdentifierFirstRep().setValue(nl.geboorteketen.server.support.Fixtures.randomBsn());
    Http.Response created = probe.postJson("/fhir/Patient", woman);
    assertEquals(201, created.status(), created::toString);
    assertEquals(401, Http.shared().withToken(TestTokens.expired()).get("/fhir/Patient/family-jansen-anna").status());

    List<AuditEvent> mine = auditEventsOf(sub);
    assertTrue(has(mine, "read", AuditEvent.AuditEventOutcome._0, SecurityWorld.ANNA), () -> describe(mine));
    assertTrue(has(mine, "search-type", AuditEvent.AuditEventOutcome._0, "Observation/family-jansen-pregnancy"),
        () -> describe(mine));
    assertTrue(has(mine, "forbidden", AuditEvent.AuditEventOutcome._4, null), () -> describe(mine));
    assertTrue(has(mine, "create", AuditEvent.AuditEventOutcome._0, null), () -> describe(mine));
    AuditEvent anyRead = mine.stream().filter(e -> e.getSubtypeFirstRep().getCode().equals("read")).findFirst().orElseThrow();
    assertTrue(anyRead.getAgent().stream().anyMatch(a -> a.getWho().hasIdentifier()
        && SecurityWorld.MIDWIFE.equals(a.getWho().getIdentifier().getValue())), "on whose behalf");
    assertTrue(anyRead.getAgent().stream().anyMatch(a -> a.getNetwork().hasAddress()), "from which system");

    Bundle refusals = Http.shared().get("/fhir/AuditEvent?subtype=http://hl7.org/fhir/restful-interaction%7Cunauthenticated")
        .resource(Bundle.class);
    assertFalse(refusals.getEntry().isEmpty(), "a 401 is audited too");
  }

  @Test
  void aFamilyReadsWhoAccessedHerRecordThroughHerPgo() {
    String sub = "who-looked-" + UUID.randomUUID();
    as(TestTokens.sign(new JWTClaimsSet.Builder().subject(sub).claim("gk_role", "kraamzorg")
        .claim("gk_org", SecurityWorld.KRAAMZORG).claim("scope", "system/*.rs")))
        .get("/fhir/Patient/family-jansen-anna");
    // one audited answer that lists both families: Anna's PGO must not learn about the other one
    assertEquals(200, Http.shared().get("/fhir/Patient?_count=500").status());
    Http.Response r = as(TestTokens.pgo(SecurityWorld.ANNA_BSN)).get("/fhir/AuditEvent?_count=500&_sort=-date");
    assertEquals(200, r.status(), r::toString);
    assertTrue(r.body().contains(sub), "Anna sees the kraamzorg read her record");
    assertFalse(r.body().contains(world.otherMother + "\""), "but nothing about another family");
  }

  @Test
  void aPgoMayNameHerOwnPatientInTheLogsSearchButNotAStranger() {
    String sub = "named-" + UUID.randomUUID();
    as(TestTokens.sign(new JWTClaimsSet.Builder().subject(sub).claim("gk_role", "kraamzorg")
        .claim("gk_org", SecurityWorld.KRAAMZORG).claim("scope", "system/*.rs")))
        .get("/fhir/" + SecurityWorld.ANNA);
    Http pgo = as(TestTokens.pgo(SecurityWorld.ANNA_BSN));

    Http.Response own = pgo.get("/fhir/AuditEvent?patient=" + SecurityWorld.ANNA + "&_count=500&_sort=-date");
    assertEquals(200, own.status(), own::toString);
    assertTrue(own.body().contains(sub), "her own patient, named: she sees the kraamzorg's read");

    Http.Response bare = pgo.get("/fhir/AuditEvent?patient=family-jansen-anna&_count=500&_sort=-date");
    assertEquals(200, bare.status(), bare::toString);
    assertTrue(bare.body().contains(sub), "the id alone means a Patient");

    Http.Response stranger = pgo.get("/fhir/AuditEvent?patient=" + world.otherMother);
    assertEquals(200, stranger.status(), stranger::toString);
    assertTrue(stranger.resource(Bundle.class).getEntry().isEmpty(), "nothing about a family not hers");

    Http.Response either = pgo.get("/fhir/AuditEvent?patient=" + world.otherMother + "," + SecurityWorld.ANNA
        + "&_count=500&_sort=-date");
    assertEquals(200, either.status(), either::toString);
    assertTrue(either.body().contains(sub), "her own of the two");
    assertFalse(either.body().contains(world.otherMother + "\""), "never the stranger");

    Http.Response both = pgo.get("/fhir/AuditEvent?patient=" + SecurityWorld.ANNA + "&patient=" + world.otherMother);
    assertEquals(200, both.status(), both::toString);
    assertTrue(both.resource(Bundle.class).getEntry().isEmpty(), "records about both: none she may see");

    // an answer that listed her and a stranger is in the log; naming the stranger must not find it
    Http.Response listed = Http.shared().get("/fhir/Patient?_id=family-jansen-anna," + world.otherMother.substring(8));
    assertEquals(200, listed.status(), listed::toString);
    Http.Response byStranger = pgo.get("/fhir/AuditEvent?entity=" + world.otherMother);
    assertEquals(200, byStranger.status(), byStranger::toString);
    assertTrue(byStranger.resource(Bundle.class).getEntry().isEmpty(), "no oracle for who was listed beside her");
    Http.Response byHerself = pgo.get("/fhir/AuditEvent?entity=" + SecurityWorld.ANNA + "&_count=500");
    assertTrue(byHerself.body().contains(sub), "her own resource, named, still finds its records");
  }

  @Test
  void theBeheerdersRepeatedPatientParameterMeansRecordsAboutBoth() {
    String sub = "two-families-" + UUID.randomUUID();
    as(TestTokens.sign(new JWTClaimsSet.Builder().subject(sub).claim("gk_role", "beheerder")
        .claim("scope", "system/*.rs"))).get("/fhir/Patient?_id=family-jansen-anna," + world.otherMother.substring(8));
    Http.Response both = Http.shared().get("/fhir/AuditEvent?patient=" + SecurityWorld.ANNA + "&patient="
        + world.otherMother + "&agent=" + sub);
    assertEquals(200, both.status(), both::toString);
    assertEquals(1, both.resource(Bundle.class).getEntry().size(), both::toString);
    Http.Response one = Http.shared().get("/fhir/AuditEvent?patient=" + SecurityWorld.ANNA + "&agent=" + sub);
    assertEquals(1, one.resource(Bundle.class).getEntry().size(), one::toString);
    Http.Response blank = Http.shared().get("/fhir/AuditEvent?patient=&entity=Patient/&agent=" + sub);
    assertEquals(1, blank.resource(Bundle.class).getEntry().size(), () -> "empty values are ignored: " + blank);
    Http.Response either = Http.shared().get("/fhir/AuditEvent?entity=" + SecurityWorld.ANNA + ",Patient/no-such-one"
        + "&agent=" + sub);
    assertEquals(1, either.resource(Bundle.class).getEntry().size(), either::toString);
    Http.Response neither = Http.shared().get("/fhir/AuditEvent?entity=" + SecurityWorld.ANNA
        + "&entity=Patient/no-such-one&agent=" + sub);
    assertEquals(0, neither.resource(Bundle.class).getEntry().size(), neither::toString);
  }

  private static List<AuditEvent> auditEventsOf(String sub) {
    Bundle b = Http.shared().get("/fhir/AuditEvent?_count=1000&_sort=-date").resource(Bundle.class);
    return b.getEntry().stream().map(e -> (AuditEvent) e.getResource())
        .filter(e -> e.getAgent().stream().anyMatch(a -> a.getWho().hasIdentifier()
            && sub.equals(a.getWho().getIdentifier().getValue())))
        .toList();
  }

  private static boolean has(List<AuditEvent> events, String subtype, AuditEvent.AuditEventOutcome outcome, String what) {
    return events.stream().anyMatch(e -> e.getSubtypeFirstRep().getCode().equals(subtype) && e.getOutcome() == outcome
        && (what == null || e.getEntity().stream().anyMatch(x -> what.equals(x.getWhat().getReference()))));
  }

  private static String describe(List<AuditEvent> events) {
    return events.stream().map(e -> e.getSubtypeFirstRep().getCode() + "/" + e.getOutcome().toCode() + " "
        + e.getEntity().stream().map(x -> x.getWhat().getReference()).toList()).toList().toString();
  }

  private static String root() {
    String base = TestServer.shared().baseUrl();
    return base.substring(0, base.length() - "/fhir".length());
  }
}
