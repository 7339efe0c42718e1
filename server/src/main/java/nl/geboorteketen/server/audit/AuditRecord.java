package nl.geboorteketen.server.audit;

import java.util.Date;
import java.util.List;
import java.util.Set;
import nl.geboorteketen.server.security.Caller;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Builds one AuditEvent in the shape of IHE Basic Audit Log Patterns (BALP): the interaction
 * (what), when, the patients whose record it touched, the user (sub), on whose behalf (gk_org),
 * from which system (client id and address). Pure: no store, no request.
 */
public final class AuditRecord {

  private static final String SUBJECT_SYSTEM = "https://fhir.geboorteketen.nl/NamingSystem/token-subject";
  private static final String CLIENT_SYSTEM = "https://fhir.geboorteketen.nl/NamingSystem/oauth-client";
  private static final String LOCAL_REF_SYSTEM = "https://fhir.geboorteketen.nl/NamingSystem/local-reference";

  /** What happened: the interaction code (restful-interaction), the FHIR action and the result. */
  public record Interaction(String code, AuditEvent.AuditEventAction action, boolean denied, String message) {}

  private AuditRecord() {}

  /**
   * @param resources references ("Type/id") of the resources the interaction touched and that exist
   * @param mentioned references of resources that may not exist (deleted, refused), kept as identifiers
   * @param patients the patients ("Patient/id") whose record was touched
   */
  public static AuditFacts facts(Interaction what, Caller caller, String clientAddress, String requestPath,
      Set<String> resources, Set<String> mentioned, Set<String> patients, String serverBase) {
    return new AuditFacts(System.currentTimeMillis(), what.code(), what.action().toCode(), what.denied(), what.message(),
        caller != null, caller == null ? null : caller.subject(),
        caller == null ? null : caller.isPgo() ? "PGO user" : caller.role(),
        caller == null ? null : caller.organisation(),
        caller != null && caller.clientId() != null ? caller.clientId() : "unknown",
        clientAddress, requestPath, listOf(patients), listOf(resources), listOf(mentioned), serverBase, null);
  }

  /** The AuditEvent the facts stand for, in the shape of BALP. */
  public static AuditEvent event(AuditFacts f) {
    AuditEvent event = new AuditEvent();
    event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "Restful Operation"));
    event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", f.code(), null));
    event.setAction(AuditEvent.AuditEventAction.fromCode(f.action()));
    event.setRecorded(new Date(f.recorded()));
    event.setOutcome(f.denied() ? AuditEvent.AuditEventOutcome._4 : AuditEvent.AuditEventOutcome._0);
    if (f.message() != null) {
      event.setOutcomeDesc(f.message());
    }

    AuditEvent.AuditEventAgentComponent user = event.addAgent().setRequestor(true);
    user.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP",
        "information recipient")));
    if (f.authenticated()) {
      user.setWho(new Reference().setIdentifier(new Identifier().setSystem(SUBJECT_SYSTEM).setValue(f.subject())));
      user.setName(f.userName());
      if (f.organisation() != null) {
        event.addAgent().setRequestor(false)
            .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleClass", "PROV",
                "on behalf of (healthcare provider organisation)")))
            .setWho(new Reference().setIdentifier(localRef(f.organisation())).setDisplay(f.organisation()));
      }
    } else {
      user.setWho(new Reference().setDisplay("anonymous or unverified caller"));
    }
    if (f.by() != null) {
      user.getWho().setDisplay(f.by());
    }
    AuditEvent.AuditEventAgentComponent client = event.addAgent().setRequestor(false)
        .setType(new CodeableConcept(new Coding("http://dicom.nema.org/resources/ontology/DCM", "110153", "Source Role ID")));
    client.setWho(new Reference().setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM).setValue(f.clientId())));
    client.getNetwork().setAddress(f.address()).setType(AuditEvent.AuditEventAgentNetworkType._2);

    event.getSource().setSite(f.site())
        .setObserver(new Reference().setDisplay("Geboorteketen FHIR server"))
        .addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));

    for (String patient : f.patients()) {
      event.addEntity().setWhat(new Reference(patient))
          .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"))
          .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
    }
    for (String ref : f.resourcesBesidesPatients()) {
      event.addEntity().setWhat(new Reference(ref)).setType(systemObject());
    }
    for (String ref : f.mentioned()) {
      event.addEntity().setWhat(new Reference().setIdentifier(localRef(ref)).setDisplay(ref)).setType(systemObject());
    }
    if (f.resources().isEmpty() && f.mentioned().isEmpty() && f.path() != null) {
      event.addEntity().setName(f.path()).setType(systemObject());
    }
    return event;
  }

  /**
   * A care relationship granted or ended: who did it (as recorded in the ledger), for which
   * organisation, with which family, and the resource that granted it.
   */
  public static AuditFacts ledgerFacts(String family, String organisation, String what, String source, String by) {
    return facts(new Interaction("care-relationship", AuditEvent.AuditEventAction.E, false, what), null,
        null, null, source == null ? Set.of() : Set.of(source), Set.of(organisation), Set.of(family), null).shownAs(by);
  }

  private static List<String> listOf(Set<String> refs) {
    return refs.stream().filter(java.util.Objects::nonNull).toList();
  }

  private static Coding systemObject() {
    return new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object");
  }

  private static Identifier localRef(String ref) {
    return new Identifier().setSystem(LOCAL_REF_SYSTEM).setValue(ref);
  }
}
