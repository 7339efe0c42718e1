package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * The data the access tests share, stored once per run: the Jansen family (package examples) with
 * a kraamzorg care team and a handover Task to the JGZ, a second family with its own midwife, and
 * an organisation with a care relationship that the family refused (partner-delen deny).
 */
final class SecurityWorld {

  static final String ANNA = "Patient/family-jansen-anna";
  static final String DAAN = "Patient/family-jansen-daan";
  static final String ANNA_BSN = "999911120";
  static final String MIDWIFE = "Organization/family-jansen-verloskundigenpraktijk";
  static final String KRAAMZORG = "Organization/family-jansen-kraamzorg";
  static final String JGZ = "Organization/family-jansen-jgz";
  static final String RECORD = "EpisodeOfCare/family-jansen-zwangerschap";
  private static final Map<String, String> DOCUMENTS = new java.util.HashMap<>();

  private static SecurityWorld world;

  final String otherMother;
  final String otherMotherBsn;
  final String otherMidwife;
  final String refusedOrg;
  final String handoverTask;

  final String otherRecord;
  /** The second family: example id ("Patient/family-jansen-daan") → where its copy was stored. */
  final Map<String, String> other = new java.util.HashMap<>();
  /** A handover Task of the second family, from its midwife to its kraamzorg. */
  String otherTask;

  private SecurityWorld(String otherMother, String otherMotherBsn, String otherMidwife, String otherRecord,
      String refusedOrg, String handoverTask) {
    this.otherRecord = otherRecord;
    this.otherMother = otherMother;
    this.otherMotherBsn = otherMotherBsn;
    this.otherMidwife = otherMidwife;
    this.refusedOrg = refusedOrg;
    this.handoverTask = handoverTask;
  }

  static synchronized SecurityWorld get() {
    if (world == null) {
      world = build();
    }
    return world;
  }

  private static SecurityWorld build() {
    Fixtures.ensurePackageExamples();
    Http admin = Http.shared();

    CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(ANNA));
    team.addParticipant().setMember(new Reference(KRAAMZORG)).addRole().setText("Kraamzorg in de kraamweek");
    assertEquals(201, admin.postJson("/fhir/CareTeam", team).status());

    Task handover = handoverTask(DAAN, MIDWIFE, JGZ, RECORD);
    Http.Response task = admin.postJson("/fhir/Task", handover);
    assertEquals(201, task.status(), task::toString);

    Organization refused = newOrganization("Kraamzorg die de familie weigerde");
    Http.Response org = admin.postJson("/fhir/Organization", refused);
    assertEquals(201, org.status(), org::toString);
    String refusedOrg = "Organization/" + org.resource(Organization.class).getIdElement().getIdPart();
    CareTeam refusedTeam = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(ANNA));
    refusedTeam.addParticipant().setMember(new Reference("Practitioner/family-jansen-kraamverzorgende"))
        .setOnBehalfOf(new Reference(refusedOrg)).addRole().setText("Kraamverzorgende");
    assertEquals(201, admin.postJson("/fhir/CareTeam", refusedTeam).status());
    assertEquals(201, admin.postJson("/fhir/Consent", partnerConsent(ANNA, refusedOrg,
        Consent.ConsentProvisionType.DENY)).status());

    // a second family: the examples again, with their own organisations and new BSNs
    Fixtures.NewFamily other = Fixtures.examplesAsNewFamily();
    String bsn = null;
    for (Bundle.BundleEntryComponent e : other.transaction().getEntry()) {
      if (e.getResource() instanceof Patient p) {
        String fresh = randomBsn();
        for (Identifier id : p.getIdentifier()) {
          if ("http://fhir.nl/fhir/NamingSystem/bsn".equals(id.getSystem())) {
            id.setValue(fresh);
          }
        }
        if (e.getFullUrl().equals(other.urnByExampleId().get(ANNA))) {
          bsn = fresh;
        }
      }
    }
    Http.Response stored = admin.postJson("/fhir", other.transaction());
    assertEquals(200, stored.status(), stored::toString);
    Map<String, String> where = new java.util.HashMap<>();
    Bundle answer = stored.resource(Bundle.class);
    for (int i = 0; i < answer.getEntry().size(); i++) {
      String urn = other.transaction().getEntry().get(i).getFullUrl();
      String location = answer.getEntry().get(i).getResponse().getLocation();
      where.put(urn, location.replaceAll("/_history/.*", ""));
    }
    String otherMother = where.get(other.urnByExampleId().get(ANNA));
    String otherMidwife = where.get(other.urnByExampleId().get(MIDWIFE));
    String otherRecord = where.get(other.urnByExampleId().get(RECORD));
    SecurityWorld built = new SecurityWorld(otherMother, bsn, otherMidwife, otherRecord, refusedOrg,
        "Task/" + task.resource(Task.class).getIdElement().getIdPart());
    other.urnByExampleId().forEach((example, urn) -> built.other.put(example, where.get(urn)));
    Http.Response otherTask = admin.postJson("/fhir/Task", handoverTask(otherMother, otherMidwife,
        built.other.get(KRAAMZORG), otherRecord));
    assertEquals(201, otherTask.status(), otherTask::toString);
    built.otherTask = "Task/" + otherTask.resource(Task.class).getIdElement().getIdPart();
    return built;
  }

  /** A valid gk-organization, a copy of the Jansen kraamzorg under another name. */
  static Organization newOrganization(String name) {
    Organization org = Fixtures.example(Organization.class, "family-jansen-kraamzorg");
    org.setId((String) null);
    return org.setName(name);
  }

  /** A valid gk-handover-task; its focus is a stored (minimal) document. */
  static Task handoverTask(String forPatient, String requester, String owner, String maternalRecord) {
    Task t = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
        .setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "308292007", "Transfer of care")))
        .setFor(new Reference(forPatient)).setRequester(new Reference(requester)).setOwner(new Reference(owner))
        .setFocus(new Reference(document(forPatient))).setAuthoredOnElement(DateTimeType.now());
    t.addExtension("https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record", new Reference(maternalRecord));
    return t;
  }

  /** A minimal handover document about this patient, stored once per patient. */
  private static synchronized String document(String forPatient) {
    return DOCUMENTS.computeIfAbsent(forPatient, p -> {
      Bundle doc = new Bundle().setType(Bundle.BundleType.DOCUMENT).setTimestamp(new java.util.Date());
      doc.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + java.util.UUID.randomUUID());
      org.hl7.fhir.r4.model.Composition c = new org.hl7.fhir.r4.model.Composition()
          .setStatus(org.hl7.fhir.r4.model.Composition.CompositionStatus.FINAL).setDate(new java.util.Date())
          .setTitle("Testdocument").setType(new CodeableConcept().setText("overdracht"));
      c.addAuthor().setDisplay("test");
      doc.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(c);
      // a handover document carries the family's records as they were, BSN included: that names its family
      Patient person = Http.shared().get("/fhir/" + p).resource(Patient.class);
      person.setId((String) null);
      person.setMeta(null);
      String inDocument = "urn:uuid:" + java.util.UUID.randomUUID();
      c.setSubject(new Reference(inDocument));
      doc.addEntry().setFullUrl(inDocument).setResource(person);
      Http.Response r = Http.shared().postJson("/fhir/Bundle", doc);
      assertEquals(201, r.status(), r::toString);
      return "Bundle/" + r.resource(Bundle.class).getIdElement().getIdPart();
    });
  }

  static Consent partnerConsent(String mother, String org, Consent.ConsentProvisionType type) {
    Consent c = new Consent().setStatus(Consent.ConsentState.ACTIVE)
        .setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)))
        .setPatient(new Reference(mother)).setDateTimeElement(DateTimeType.now());
    c.addCategory(new CodeableConcept(new Coding("https://fhir.geboorteketen.nl/CodeSystem/consent-category", "partner-delen", null)));
    c.setPolicyRule(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode",
        type == Consent.ConsentProvisionType.PERMIT ? "OPTIN" : "OPTOUT", null)));
    c.getMeta().addProfile("https://fhir.geboorteketen.nl/StructureDefinition/gk-consent");
    c.getProvision().setType(type).addActor()
        .setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", null)))
        .setReference(new Reference(org));
    return c;
  }

  static String randomBsn() {
    return Fixtures.randomBsn();
  }
}
