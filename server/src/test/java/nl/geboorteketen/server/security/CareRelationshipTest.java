package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ways a care relationship does start — a practice opening a maternal record, the managing
 * organisation's care team, an accepted handover — each recorded in the ledger with who granted
 * it and why, and shown to the family by $zorgrelaties.
 */
class CareRelationshipTest {

  private static Http admin;

  @BeforeAll
  static void world() {
    SecurityWorld.get();
    admin = Http.shared();
  }

  /** A new practice, kraamzorg organisation and client; the practice opened her maternal record. */
  private record Family(String practice, String kraamzorg, String mother, String record, Http midwife) {}

  private static Family newFamily() {
    String practice = organisation("Praktijk " + UUID.randomUUID());
    String kraamzorg = organisation("Kraamzorg " + UUID.randomUUID());
    Http midwife = Http.shared().withToken(TestTokens.partner("verloskundige", practice));
    Http.Response r = midwife.postJson("/fhir", PartnerBundleTest.newClientBundle(Bundle.BundleType.TRANSACTION, practice));
    assertEquals(200, r.status(), r::toString);
    List<Bundle.BundleEntryComponent> entries = r.resource(Bundle.class).getEntry();
    return new Family(practice, kraamzorg, location(entries.get(0)), location(entries.get(1)), midwife);
  }

  @Test
  void openingAMaternalRecordIsRecordedAndShownToTheFamily() {
    Family f = newFamily();
    Parameters relations = f.midwife().get("/fhir/" + f.mother() + "/$zorgrelaties").resource(Parameters.class);
    Parameters.ParametersParameterComponent opened = relations.getParameter().stream()
        .filter(p -> "maternal-record".equals(part(p, "reden"))).findFirst().orElseThrow(() -> new AssertionError(relations));
    assertEquals(f.practice(), ((Reference) opened.getPart().stream().filter(x -> x.getName().equals("organisatie"))
        .findFirst().orElseThrow().getValue()).getReference());
    assertEquals(f.record(), ((Reference) opened.getPart().stream().filter(x -> x.getName().equals("bron"))
        .findFirst().orElseThrow().getValue()).getReference());
    assertTrue(part(opened, "verleendDoor").contains(f.practice()));
  }

  @Test
  void theBeheerderGrantsAndRevokesByHandAndThePartnerCannot() {
    Family f = newFamily();
    Http kraamzorg = Http.shared().withToken(TestTokens.partner("kraamzorg", f.kraamzorg()));
    Parameters in = new Parameters();
    in.addParameter().setName("organisatie").setValue(new Reference(f.kraamzorg()));
    in.addParameter().setName("reden").setValue(new org.hl7.fhir.r4.model.StringType("kraamzorg zonder zorgteam"));
    assertEquals(403, f.midwife().postJson("/fhir/" + f.mother() + "/$zorgrelatie-verlenen", in).status());
    assertEquals(200, admin.postJson("/fhir/" + f.mother() + "/$zorgrelatie-verlenen", in).status());
    assertEquals(200, kraamzorg.get("/fhir/" + f.mother()).status());

    Http.Response revoked = admin.postJson("/fhir/" + f.mother() + "/$zorgrelatie-intrekken", in);
    assertEquals(200, revoked.status(), revoked::toString);
    assertTrue(revoked.body().contains("ingetrokken door beheerder"), revoked::toString);
    assertEquals(403, kraamzorg.get("/fhir/" + f.mother()).status());
  }

  @Test
  void aGrantByHandWithoutReasonOrForAnUnknownPatientIsAClearRefusal() {
    Family f = newFamily();
    Parameters noReason = new Parameters();
    noReason.addParameter().setName("organisatie").setValue(new Reference(f.kraamzorg()));
    Http.Response r = admin.postJson("/fhir/" + f.mother() + "/$zorgrelatie-verlenen", noReason);
    assertEquals(400, r.status(), r::toString);
    assertTrue(r.outcome().getIssueFirstRep().getDiagnostics().contains("reden"), r::toString);

    Parameters in = noReason.copy();
    in.addParameter().setName("reden").setValue(new org.hl7.fhir.r4.model.StringType("test"));
    Http.Response unknown = admin.postJson("/fhir/Patient/bestaat-niet/$zorgrelatie-verlenen", in);
    assertEquals(404, unknown.status(), unknown::toString);
    Parameters rambling = noReason.copy();
    rambling.addParameter().setName("reden").setValue(new org.hl7.fhir.r4.model.StringType("x".repeat(500)));
    Http.Response tooLong = admin.postJson("/fhir/" + f.mother() + "/$zorgrelatie-verlenen", rambling);
    assertEquals(400, tooLong.status(), () -> "a reason longer than the ledger keeps was a 500: " + tooLong);
    assertTrue(tooLong.outcome().getIssueFirstRep().getDiagnostics().contains("ten hoogste 200"), tooLong::toString);
    Parameters notAnOrganisation = new Parameters();
    notAnOrganisation.addParameter().setName("organisatie").setValue(new Reference(f.mother()));
    notAnOrganisation.addParameter().setName("reden").setValue(new org.hl7.fhir.r4.model.StringType("test"));
    Http.Response wrongType = admin.postJson("/fhir/" + f.mother() + "/$zorgrelatie-intrekken", notAnOrganisation);
    assertEquals(400, wrongType.status(), wrongType::toString);
    assertTrue(wrongType.outcome().getIssueFirstRep().getDiagnostics().contains("organisatie"), wrongType::toString);
  }

  @Test
  void theFamilySeesInItsPgoWhichOrganisationsCareForItNow() {
    Http pgo = Http.shared().withToken(TestTokens.pgo(SecurityWorld.ANNA_BSN));
    Http.Response own = pgo.get("/fhir/" + SecurityWorld.ANNA + "/$zorgrelaties?alleen-actief=true");
    assertEquals(200, own.status(), own::toString);
    assertTrue(own.body().contains(SecurityWorld.MIDWIFE) && own.body().contains(SecurityWorld.KRAAMZORG), own::toString);
    assertEquals(403, pgo.get("/fhir/" + SecurityWorld.get().otherMother + "/$zorgrelaties").status());
  }

  @Test
  void theManagingPracticesCareTeamOpensTheFamilyForItsMembersAndAnotherPartnersDoesNot() {
    Family f = newFamily();
    Http kraamzorg = Http.shared().withToken(TestTokens.partner("kraamzorg", f.kraamzorg()));
    assertEquals(403, kraamzorg.get("/fhir/" + f.mother()).status());

    // a care team that the kraamzorg itself cannot write (it has no relationship) …
    assertEquals(403, kraamzorg.postJson("/fhir/CareTeam", team(f.mother(), f.kraamzorg())).status());
    // … and one that the managing practice writes
    Http.Response made = f.midwife().postJson("/fhir/CareTeam", team(f.mother(), f.kraamzorg()));
    assertEquals(201, made.status(), made::toString);
    assertEquals(200, kraamzorg.get("/fhir/" + f.mother()).status());

    // a partner that is not the manager adds a stranger organisation: stored, but it grants nothing
    String stranger = organisation("Vreemde " + UUID.randomUUID());
    assertEquals(201, kraamzorg.postJson("/fhir/CareTeam", team(f.mother(), stranger)).status());
    assertEquals(403, Http.shared().withToken(TestTokens.partner("kraamzorg", stranger)).get("/fhir/" + f.mother()).status());

    // the practice ends the team: the kraamzorg's relationship ends with it
    CareTeam ended = made.resource(CareTeam.class).setStatus(CareTeam.CareTeamStatus.INACTIVE);
    assertEquals(200, f.midwife().put("/fhir/CareTeam/" + ended.getIdElement().getIdPart(),
        Http.FHIR.newJsonParser().encodeResourceToString(ended), "application/fhir+json").status());
    assertEquals(403, kraamzorg.get("/fhir/" + f.mother()).status());
  }

  @Test
  void theReceiverOfAHandoverReadsItsTaskAndCaresForTheFamilyOnceItAccepts() {
    Family f = newFamily();
    Http kraamzorg = Http.shared().withToken(TestTokens.partner("kraamzorg", f.kraamzorg()));
    Task task = SecurityWorld.handoverTask(f.mother(), f.practice(), f.kraamzorg(), f.record());
    Http.Response sent = f.midwife().postJson("/fhir/Task", task);
    assertEquals(201, sent.status(), sent::toString);
    String taskRef = "Task/" + sent.resource(Task.class).getIdElement().getIdPart();

    Http.Response read = kraamzorg.get("/fhir/" + taskRef);
    assertEquals(200, read.status(), "the receiver reads the Task it is asked to accept: " + read);
    assertEquals(403, kraamzorg.get("/fhir/" + f.mother()).status(), "but not the family yet");

    Task accepted = read.resource(Task.class).setStatus(Task.TaskStatus.ACCEPTED);
    Http.Response put = kraamzorg.put("/fhir/" + taskRef, Http.FHIR.newJsonParser().encodeResourceToString(accepted),
        "application/fhir+json");
    assertEquals(200, put.status(), put::toString);
    assertEquals(200, kraamzorg.get("/fhir/" + f.mother()).status());
    assertTrue(kraamzorg.get("/fhir/" + f.mother() + "/$zorgrelaties").body().contains("\"handover\""));
  }

  /** Before it cares for the family the receiver may accept or reject; it may not rewrite the Task. */
  @Test
  void theReceiverChangesAHandoversStatusAndNothingElse() {
    Family f = newFamily();
    Http kraamzorg = Http.shared().withToken(TestTokens.partner("kraamzorg", f.kraamzorg()));
    Http.Response sent = f.midwife().postJson("/fhir/Task",
        SecurityWorld.handoverTask(f.mother(), f.practice(), f.kraamzorg(), f.record()));
    assertEquals(201, sent.status(), sent::toString);
    String taskRef = "/fhir/Task/" + sent.resource(Task.class).getIdElement().getIdPart();
    Task read = kraamzorg.get(taskRef).resource(Task.class);

    Task otherRecord = read.copy().setStatus(Task.TaskStatus.ACCEPTED);
    otherRecord.getExtensionByUrl("https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record")
        .setValue(new Reference(SecurityWorld.get().otherRecord));
    Task otherReason = read.copy().setStatus(Task.TaskStatus.ACCEPTED)
        .setReasonReference(new Reference(SecurityWorld.get().otherMother));
    for (Task rewritten : List.of(otherRecord, otherReason)) {
      Http.Response refused = kraamzorg.put(taskRef, Http.FHIR.newJsonParser().encodeResourceToString(rewritten),
          "application/fhir+json");
      assertEquals(403, refused.status(), refused::toString);
    }
    Task stored = admin.get(taskRef).resource(Task.class);
    assertEquals(Task.TaskStatus.REQUESTED, stored.getStatus(), "nothing stored");
    assertEquals(f.record(), ((Reference) stored.getExtensionByUrl(
        "https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record").getValue()).getReference());

    Task accepted = read.copy().setStatus(Task.TaskStatus.ACCEPTED);
    Http.Response put = kraamzorg.put(taskRef, Http.FHIR.newJsonParser().encodeResourceToString(accepted),
        "application/fhir+json");
    assertEquals(200, put.status(), put::toString);
  }

  @Test
  void aFinishedRecordEndsThePracticesRelationshipAfterTheGracePeriod() {
    Family f = newFamily();
    EpisodeOfCare record = f.midwife().get("/fhir/" + f.record()).resource(EpisodeOfCare.class)
        .setStatus(EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
    assertEquals(200, f.midwife().put("/fhir/" + f.record(), Http.FHIR.newJsonParser().encodeResourceToString(record),
        "application/fhir+json").status());
    Parameters relations = f.midwife().get("/fhir/" + f.mother() + "/$zorgrelaties").resource(Parameters.class);
    Parameters.ParametersParameterComponent opened = relations.getParameter().stream()
        .filter(p -> "maternal-record".equals(part(p, "reden"))).findFirst().orElseThrow();
    assertNotNull(part(opened, "tot"), "the relationship now has an end: " + relations);
    assertEquals("true", part(opened, "actief"), "still in force during the grace period");
  }

  @Test
  void aChildJoinsItsMothersFamilyThroughAPartnerWhoCaresForHer() {
    Family f = newFamily();
    Patient child = Fixtures.example(Patient.class, "family-jansen-daan");
    child.setId((String) null);
    child.getIdentifier().forEach(i -> i.setValue(Fixtures.randomBsn()));
    RelatedPerson link = Fixtures.example(RelatedPerson.class, "family-jansen-daan-moeder");
    link.setId((String) null);
    link.getExtension().removeIf(e -> e.getUrl().endsWith("ext-maternal-record"));
    String urn = "urn:uuid:" + UUID.randomUUID();
    link.setPatient(new Reference(urn));
    link.getExtensionByUrl(ChainShapes.RELATED_PATIENT_EXT).setValue(new Reference(f.mother()));
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    // the link first: the gate decides people before links, whatever the order in the bundle
    tx.addEntry().setResource(link).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("RelatedPerson");
    tx.addEntry().setFullUrl(urn).setResource(child).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
    Http.Response r = f.midwife().postJson("/fhir", tx);
    assertEquals(200, r.status(), r::toString);
    String childRef = location(r.resource(Bundle.class).getEntry().get(1));
    assertEquals(200, f.midwife().get("/fhir/" + childRef).status());

    // the same mother link sent again (an EHR that re-sends): the child is already in her family
    RelatedPerson again = link.copy();
    again.setPatient(new Reference(childRef));
    Http.Response resent = f.midwife().postJson("/fhir/RelatedPerson", again);
    assertEquals(201, resent.status(), resent::toString);

    // the family's PGO sees the child; another practice cannot move the child to its own client
    Http other = newFamily().midwife();
    RelatedPerson steal = link.copy();
    steal.setPatient(new Reference(childRef));
    assertEquals(403, other.postJson("/fhir/RelatedPerson", steal).status());
    assertFalse(other.get("/fhir/" + childRef).status() == 200);
  }

  @Test
  void aPartnerIsAContactPersonNotAMotherLinkAndALinkEndsOnlyByTheBeheerder() {
    Family f = newFamily();
    RelatedPerson husband = new RelatedPerson().setPatient(new Reference(f.mother())).setActive(true);
    husband.addRelationship().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-RoleCode").setCode("HUSB");
    husband.addName().setFamily("Visser").addGiven("Toon");
    Http.Response stored = f.midwife().postJson("/fhir/RelatedPerson", husband);
    assertEquals(201, stored.status(), "a partner (HUSB) is stored without being a gk-mother link: " + stored);

    RelatedPerson link = Fixtures.example(RelatedPerson.class, "family-jansen-daan-moeder");
    link.setId((String) null);
    link.getExtension().removeIf(e -> e.getUrl().endsWith("ext-maternal-record"));
    Patient child = Fixtures.example(Patient.class, "family-jansen-daan");
    child.setId((String) null);
    child.getIdentifier().forEach(i -> i.setValue(Fixtures.randomBsn()));
    String childRef = location(f.midwife().postJson("/fhir/Patient", child));
    link.setPatient(new Reference(childRef));
    link.getExtensionByUrl(ChainShapes.RELATED_PATIENT_EXT).setValue(new Reference(f.mother()));
    Http.Response linked = f.midwife().postJson("/fhir/RelatedPerson", link);
    assertEquals(201, linked.status(), linked::toString);
    String linkRef = location(linked);

    RelatedPerson unlinked = linked.resource(RelatedPerson.class);
    unlinked.setMeta(null);
    unlinked.getRelationship().forEach(cc -> cc.getCoding().removeIf(c -> "MTH".equals(c.getCode())));
    Http.Response stillMarked = f.midwife().put("/fhir/" + linkRef, Http.FHIR.newJsonParser().encodeResourceToString(unlinked),
        "application/fhir+json");
    assertEquals(422, stillMarked.status(), "with its link extension it is still held to gk-mother: " + stillMarked);
    // without the extension and MTH no profile of ours applies: only the write rules can stop it
    unlinked.getExtension().removeIf(e -> e.getUrl().equals(ChainShapes.RELATED_PATIENT_EXT));
    unlinked.addRelationship().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-RoleCode").setCode("FAMMEMB");
    Http.Response r = f.midwife().put("/fhir/" + linkRef, Http.FHIR.newJsonParser().encodeResourceToString(unlinked),
        "application/fhir+json");
    assertEquals(403, r.status(), "taking MTH out ends the link, which only the beheerder does: " + r);
  }

  private static String location(Http.Response created) {
    assertEquals(201, created.status(), created::toString);
    return new org.hl7.fhir.r4.model.IdType(created.header("Location")).toUnqualifiedVersionless().getValue();
  }

  private static CareTeam team(String mother, String member) {
    CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(mother));
    team.addParticipant().setMember(new Reference(member)).addRole().setText("Kraamzorg");
    return team;
  }

  private static String organisation(String name) {
    Organization org = SecurityWorld.newOrganization(name);
    Http.Response r = admin.postJson("/fhir/Organization", org);
    assertEquals(201, r.status(), r::toString);
    return "Organization/" + r.resource(Organization.class).getIdElement().getIdPart();
  }

  private static String location(Bundle.BundleEntryComponent e) {
    return e.getResponse().getLocation().replaceAll("/_history/.*", "");
  }

  private static String part(Parameters.ParametersParameterComponent p, String name) {
    return p.getPart().stream().filter(x -> x.getName().equals(name)).findFirst()
        .map(x -> x.getValue().primitiveValue()).orElse(null);
  }
}
