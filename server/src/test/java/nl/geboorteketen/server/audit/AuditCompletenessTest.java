package nl.geboorteketen.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.UUID;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way in leaves its record in the append-only log, searchable by agent: reads, searches
 * (with the ids they returned), batch and transaction entries, what an operation stored, and
 * refusals.
 */
class AuditCompletenessTest {

  private static final String ANNA = "Patient/family-jansen-anna";
  private static final String MIDWIFE = "Organization/family-jansen-verloskundigenpraktijk";
  private static final String RECORD = "EpisodeOfCare/family-jansen-zwangerschap";

  private static String sub;
  private static Http midwife;

  @BeforeAll
  static void examples() {
    Fixtures.ensurePackageExamples();
    sub = "audit-probe-" + UUID.randomUUID();
    midwife = as(MIDWIFE);
  }

  private static Http as(String practice) {
    return Http.shared().withToken(TestTokens.sign(new JWTClaimsSet.Builder().subject(sub)
        .claim("client_id", "probe-ehr").claim("gk_role", "verloskundige").claim("gk_org", practice)
        .claim("scope", "system/*.cruds")));
  }

  private static List<AuditEvent> mine(String subtype) {
    Bundle b = Http.shared().get("/fhir/AuditEvent?agent=" + sub + "&subtype=http://hl7.org/fhir/restful-interaction%7C"
        + subtype + "&_count=1000").resource(Bundle.class);
    return b.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
  }

  private static boolean names(List<AuditEvent> events, String ref) {
    return events.stream().flatMap(e -> e.getEntity().stream()).anyMatch(x -> ref.equals(x.getWhat().getReference()));
  }

  @Test
  void readsSearchesAndRefusalsAreLogged() {
    assertEquals(200, midwife.get("/fhir/" + ANNA).status());
    assertTrue(names(mine("read"), ANNA));
    assertEquals(200, midwife.get("/fhir/Observation?subject=" + ANNA + "&_count=5").status());
    List<AuditEvent> searches = mine("search-type");
    assertTrue(names(searches, ANNA), "a search names the patients whose records it returned");
    assertTrue(searches.get(0).getEntity().size() > 1, "and the resources it returned");
    assertEquals(403, midwife.get("/fhir/$monitoring?start=2026-01-01&end=2026-12-31").status());
    assertTrue(mine("forbidden").get(0).getOutcomeDesc().startsWith("403"));
  }

  @Test
  void bundleEntriesAndOperationWritesAreLogged() {
    Observation note = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept().setText("audit-batch")).setSubject(new Reference(ANNA));
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch.addEntry().setResource(note).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    Http.Response r = midwife.postJson("/fhir", batch);
    assertEquals(200, r.status(), r::toString);
    String created = r.resource(Bundle.class).getEntryFirstRep().getResponse().getLocation().replaceAll("/_history/.*", "");
    assertTrue(names(mine("create"), created), "the batch entry's create is logged");

    // a family of its own, so the stored indication disturbs no other test
    java.util.Map<String, String> family = Fixtures.storeNewFamily();
    Http practice = as(family.get(MIDWIFE));
    Parameters in = new Parameters();
    in.addParameter().setName("persist").setValue(new BooleanType(true));
    in.addParameter().setName("voeding").setValue(new CodeType("borstvoeding"));
    Http.Response op = practice.postJson("/fhir/" + family.get(RECORD) + "/$lip-indicatie", in);
    assertEquals(200, op.status(), op::toString);
    String stored = op.resource(Parameters.class).getParameter().stream().filter(p -> p.getName().equals("indicatie"))
        .map(p -> "ServiceRequest/" + p.getResource().getIdElement().getIdPart()).findFirst().orElseThrow();
    assertTrue(names(mine("operation"), stored), "the operation's record names what it stored");
  }

  @Test
  void aConditionalMatchAndAGrantedRelationshipAreLogged() {
    // If-None-Exist that finds the woman: nothing written, and still a record that she was shown
    Http.Response matched = midwife.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
            nl.geboorteketen.server.support.TestServer.shared().baseUrl() + "/Patient"))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Http.FHIR.newJsonParser().encodeResourceToString(
            Fixtures.example(org.hl7.fhir.r4.model.Patient.class, "family-jansen-anna").setId((String) null))))
        .header("Content-Type", "application/fhir+json")
        .header("If-None-Exist", "identifier=http://fhir.nl/fhir/NamingSystem/bsn|999911120"));
    assertEquals(200, matched.status(), matched::toString);
    assertTrue(mine("read").stream().anyMatch(e -> e.getOutcomeDesc() != null
        && e.getOutcomeDesc().startsWith("If-None-Exist") && names(List.of(e), ANNA)));

    // a family the beheerder stores: its practice's relationship is granted, and that is logged with who granted it
    java.util.Map<String, String> family = Fixtures.storeNewFamily();
    Bundle grants = Http.shared().get("/fhir/AuditEvent?patient=" + family.get(ANNA)
        + "&subtype=http://hl7.org/fhir/restful-interaction%7Ccare-relationship").resource(Bundle.class);
    assertTrue(grants.getEntry().stream().map(e -> (AuditEvent) e.getResource()).anyMatch(e ->
        e.getOutcomeDesc().startsWith("zorgrelatie verleend (maternal-record)")
            && e.getEntity().stream().anyMatch(x -> family.get(MIDWIFE).equals(x.getWhat().getDisplay()))
            && e.getAgentFirstRep().getWho().hasDisplay()
            && !"anonymous or unverified caller".equals(e.getAgentFirstRep().getWho().getDisplay())),
        () -> "grants logged: " + grants.getEntry().size());
  }
}
