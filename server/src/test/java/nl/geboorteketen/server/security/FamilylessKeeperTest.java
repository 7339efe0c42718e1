package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A record that belongs to no family (a Practitioner, a Location) is read by everyone; only the
 * organisation that stored it changes or deletes it — and the beheerder. Who stored it is the
 * ledger's fact, never the record's content. Each attack comes from another practice's midwife with
 * a valid token. Tagged storage: the keeper is a table of ours, so this runs on PostgreSQL too.
 */
@Tag("storage")
class FamilylessKeeperTest {

  private static final String SYSTEM = "https://fhir.geboorteketen.nl/test/staff";
  private static SecurityWorld world;
  private static Http admin;
  private static Http mine;
  private static Http theirs;

  @BeforeAll
  static void world() {
    world = SecurityWorld.get();
    admin = Http.shared();
    mine = Http.shared().withToken(TestTokens.partner("verloskundige", SecurityWorld.MIDWIFE));
    theirs = Http.shared().withToken(TestTokens.partner("verloskundige", world.otherMidwife));
  }

  /** Also after she deleted it: the id others may still point at is not another practice's to take. */
  @Test
  void anotherPracticeCannotChangeOrDeleteHerStaff() {
    String code = "staff-" + System.nanoTime();
    Practitioner staff = staff(code, "Bakker");
    Http.Response created = mine.postJson("/fhir/Practitioner", staff);
    assertEquals(201, created.status(), created::toString);
    String id = created.resource(Practitioner.class).getIdElement().getIdPart();
    assertEquals(200, theirs.get("/fhir/Practitioner/" + id).status(), "reference data is read by every partner");

    Practitioner hijacked = staff(code, "Gekaapt");
    hijacked.setId(id);
    Http.Response put = theirs.put("/fhir/Practitioner/" + id, json(hijacked), "application/fhir+json");
    assertRefused(put);
    assertTrue(put.outcome().getIssueFirstRep().getDiagnostics().contains("vastgelegd door een andere organisatie"),
        put::toString);
    assertRefused(theirs.send(patch("/fhir/Practitioner/" + id)));
    assertRefused(theirs.delete("/fhir/Practitioner/" + id));
    assertRefused(theirs.put("/fhir/Practitioner?identifier=" + SYSTEM + "%7C" + code, json(staff(code, "Gekaapt")),
        "application/fhir+json"));
    assertRefused(theirs.send(patch("/fhir/Practitioner?identifier=" + SYSTEM + "%7C" + code)));
    assertRefused(theirs.delete("/fhir/Practitioner?identifier=" + SYSTEM + "%7C" + code));
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setResource(hijacked).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Practitioner/" + id);
    assertRefused(theirs.postJson("/fhir", transaction));
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Practitioner/" + id);
    Http.Response batched = theirs.postJson("/fhir", batch);
    assertEquals("403", batched.resource(Bundle.class).getEntryFirstRep().getResponse().getStatus().substring(0, 3),
        batched::toString);

    Practitioner still = admin.get("/fhir/Practitioner/" + id).resource(Practitioner.class);
    assertEquals("1", still.getMeta().getVersionId(), "nothing of the other practice was stored");
    assertEquals("Bakker", still.getNameFirstRep().getFamily());

    Http.Response renamed = mine.put("/fhir/Practitioner/" + id, json(staff(code, "Bakker-de Vries"), id),
        "application/fhir+json");
    assertEquals(200, renamed.status(), renamed::toString);
    Http.Response deleted = mine.delete("/fhir/Practitioner/" + id);
    assertTrue(deleted.status() == 200 || deleted.status() == 204, deleted::toString);
    assertRefused(theirs.put("/fhir/Practitioner/" + id, json(hijacked), "application/fhir+json"));
    Http.Response again = mine.put("/fhir/Practitioner/" + id, json(staff(code, "Bakker"), id), "application/fhir+json");
    assertTrue(again.status() == 200 || again.status() == 201, again::toString);
  }

  @Test
  void whatTheBeheerderStoredWithoutAFamilyIsTheBeheerdersToChange() {
    String code = "staff-" + System.nanoTime();
    Http.Response created = admin.postJson("/fhir/Practitioner", staff(code, "Visser"));
    assertEquals(201, created.status(), created::toString);
    String id = created.resource(Practitioner.class).getIdElement().getIdPart();
    assertRefused(mine.put("/fhir/Practitioner/" + id, json(staff(code, "Gekaapt"), id), "application/fhir+json"));
    assertRefused(mine.delete("/fhir/Practitioner/" + id));

    Basic notice = new Basic().setCode(new CodeableConcept().setText("mededeling-" + System.nanoTime()));
    Http.Response stored = admin.postJson("/fhir/Basic", notice);
    assertEquals(201, stored.status(), stored::toString);
    String basic = stored.resource(Basic.class).getIdElement().getIdPart();
    notice.setId(basic);
    notice.setSubject(new Reference(SecurityWorld.ANNA));
    assertRefused(mine.put("/fhir/Basic/" + basic, json(notice), "application/fhir+json"));
    assertEquals("1", admin.get("/fhir/Basic/" + basic).resource(Basic.class).getMeta().getVersionId());

    Http.Response byBeheerder = admin.put("/fhir/Practitioner/" + id, json(staff(code, "Visser-Jansen"), id),
        "application/fhir+json");
    assertEquals(200, byBeheerder.status(), byBeheerder::toString);
  }

  /** The beheerder hands what it loaded to a practice; no one else can, and only records of no family. */
  @Test
  void theBeheerderHandsARecordOfNoFamilyToAPractice() {
    String code = "staff-" + System.nanoTime();
    Http.Response created = admin.postJson("/fhir/Practitioner", staff(code, "Smit"));
    assertEquals(201, created.status(), created::toString);
    String id = created.resource(Practitioner.class).getIdElement().getIdPart();
    assertRefused(assign(mine, "Practitioner/" + id));

    Http.Response assigned = assign(admin, "Practitioner/" + id);
    assertEquals(200, assigned.status(), assigned::toString);
    assertEquals(SecurityWorld.MIDWIFE, ((Reference) assigned.resource(Parameters.class)
        .getParameter("bewaarder").getValue()).getReference());
    Http.Response renamed = mine.put("/fhir/Practitioner/" + id, json(staff(code, "Smit-Bos"), id), "application/fhir+json");
    assertEquals(200, renamed.status(), renamed::toString);
    assertRefused(theirs.put("/fhir/Practitioner/" + id, json(staff(code, "Gekaapt"), id), "application/fhir+json"));

    Device pump = new Device().setPatient(new Reference(SecurityWorld.ANNA));
    Http.Response device = admin.postJson("/fhir/Device", pump);
    assertEquals(201, device.status(), device::toString);
    Http.Response ofAFamily = assign(admin, "Device/" + device.resource(Device.class).getIdElement().getIdPart());
    assertEquals(422, ofAFamily.status(), ofAFamily::toString);
    assertTrue(ofAFamily.body().contains("hoort bij een gezin"), ofAFamily::toString);
    Http.Response missing = assign(admin, "Practitioner/bestaat-niet");
    assertEquals(404, missing.status(), missing::toString);
    Http.Response elsewhere = assign(admin, "https://elders.example/fhir/Practitioner/" + id);
    assertEquals(422, elsewhere.status(), elsewhere::toString);
    Http.Response wrongType = assign(admin, world.otherMother);
    Parameters rambling = new Parameters();
    rambling.addParameter().setName("record").setValue(new Reference("Practitioner/" + id));
    rambling.addParameter().setName("organisatie").setValue(new Reference(SecurityWorld.MIDWIFE));
    rambling.addParameter().setName("reden").setValue(new org.hl7.fhir.r4.model.StringType("x".repeat(201)));
    Http.Response tooLong = admin.postJson("/fhir/$bewaarder-toewijzen", rambling);
    assertEquals(400, tooLong.status(), tooLong::toString);
    assertEquals("parameter-te-lang", tooLong.outcome().getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
    assertEquals("reden", tooLong.outcome().getIssueFirstRep().getExpression().get(0).getValue());
    assertEquals(422, wrongType.status(), wrongType::toString);
    assertTrue(wrongType.outcome().getIssueFirstRep().getExpression().get(0).getValue().contains("record"),
        wrongType::toString);
  }

  private static Http.Response assign(Http caller, String record) {
    Parameters in = new Parameters();
    in.addParameter().setName("record").setValue(new Reference(record));
    in.addParameter().setName("organisatie").setValue(new Reference(SecurityWorld.MIDWIFE));
    in.addParameter().setName("reden").setValue(new org.hl7.fhir.r4.model.StringType("aangeleverd door de praktijk"));
    return caller.postJson("/fhir/$bewaarder-toewijzen", in);
  }

  private static void assertRefused(Http.Response r) {
    assertEquals(403, r.status(), r::toString);
    assertEquals(OperationOutcome.IssueType.FORBIDDEN, r.outcome().getIssueFirstRep().getCode(), r::toString);
  }

  private static Practitioner staff(String code, String family) {
    Practitioner staff = new Practitioner();
    staff.addIdentifier().setSystem(SYSTEM).setValue(code);
    staff.addName().setFamily(family);
    return staff;
  }

  private static String json(org.hl7.fhir.r4.model.Resource resource) {
    return Http.FHIR.newJsonParser().encodeResourceToString(resource);
  }

  private static String json(org.hl7.fhir.r4.model.Resource resource, String id) {
    resource.setId(id);
    return json(resource);
  }

  private static HttpRequest.Builder patch(String path) {
    String body = "[{\"op\":\"replace\",\"path\":\"/name/0/family\",\"value\":\"Gekaapt\"}]";
    String base = TestServer.shared().baseUrl();
    return HttpRequest.newBuilder(URI.create(base.substring(0, base.length() - "/fhir".length()) + path))
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json-patch+json");
  }
}
