package nl.geboorteketen.server.handover;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IDao;
import ca.uhn.fhir.jpa.api.model.DaoMethodOutcome;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.geboorteketen.mappings.overdracht.ConsentCheck;
import nl.geboorteketen.mappings.overdracht.HandoverDocumentBuilder;
import nl.geboorteketen.mappings.overdracht.HandoverInput;
import nl.geboorteketen.mappings.overdracht.HandoverTable;
import nl.geboorteketen.server.packages.ProfilePatterns;
import nl.geboorteketen.mappings.overdracht.HandoverTable.HandoverType;
import nl.geboorteketen.server.rules.RuleTableStore;
import nl.geboorteketen.server.validation.ProfileValidationInterceptor;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * $overdracht: reads the family's records, has the pure builder make the document the table declares,
 * checks consent, and stores document and Task in one database transaction.
 */
public class HandoverService {

  public static final String TASK_PROFILE = "https://fhir.geboorteketen.nl/StructureDefinition/gk-handover-task";
  public static final String REPLACES_EXT = "https://fhir.geboorteketen.nl/StructureDefinition/ext-replaces-handover";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String TRANSFER_OF_CARE = "308292007";
  private static final String ORG_TYPE_SYSTEM = "http://nictiz.nl/fhir/NamingSystem/organization-type";

  private final FhirContext ctx;
  private final DaoRegistry daos;
  private final RuleTableStore rules;
  private final ProfilePatterns profiles;
  private final ProfileValidationInterceptor validation;
  private final TransactionTemplate tx;
  private final HandoverRecords records;

  public HandoverService(FhirContext ctx, DaoRegistry daos, RuleTableStore rules, ProfilePatterns profiles,
      ProfileValidationInterceptor validation, PlatformTransactionManager txManager) {
    this.ctx = ctx;
    this.daos = daos;
    this.rules = rules;
    this.profiles = profiles;
    this.validation = validation;
    this.tx = new TransactionTemplate(txManager);
    this.records = new HandoverRecords(ctx, daos);
  }

  public HandoverTable table() {
    return rules.current(HandoverTable.URL, json -> HandoverTable.parse(json, profiles::of));
  }

  /** The stored document and Task of a new handover. */
  public record Stored(Bundle document, Task task) {}

  public Stored overdracht(IdType maternalRecordId, String typeCode, Reference receiverRef, Reference senderRef,
      Reference replacesRef, String baseUrl) {
    HandoverTable table = table();
    HandoverType type = table.type(typeCode).orElseThrow(() -> HandoverRefusal.of(ctx, IssueType.CODEINVALID,
        "Parameters.parameter('type')", "Onbekend overdrachtstype '" + typeCode + "'; kies uit " + table.types().keySet()));
    EpisodeOfCare record = read(EpisodeOfCare.class, maternalRecordId.toUnqualifiedVersionless().getValue(), "EpisodeOfCare");
    Organization receiver = organization(receiverRef, "ontvanger", type.receiverType());
    Reference senderOrDefault = senderRef != null && senderRef.hasReference() ? senderRef : record.getManagingOrganization();
    Organization sender = organization(senderOrDefault, "zender", type.senderType());
    Patient mother = read(Patient.class, record.getPatient().getReference(), "EpisodeOfCare.patient");
    List<Patient> children = records.children(mother);

    List<Patient> family = new ArrayList<>(children);
    family.add(0, mother);
    Set<String> types = type.sections().stream().flatMap(s -> s.select().stream())
        .map(HandoverTable.Selector::type).collect(Collectors.toSet());
    types.add("Consent");
    List<Resource> stored = records.about(types, family);

    String receiverKey = "Organization/" + receiver.getIdElement().getIdPart();
    List<Consent> consents = stored.stream().filter(Consent.class::isInstance).map(Consent.class::cast).toList();
    ConsentCheck.refusal(type.consent(), consents, "Patient/" + mother.getIdElement().getIdPart(), receiverKey, Instant.now())
        .ifPresent(why -> {
          throw HandoverRefusal.of(ctx, IssueType.BUSINESSRULE, "Consent", why);
        });

    Task replaced = replacesRef == null || !replacesRef.hasReference() ? null
        : read(Task.class, replacesRef.getReference(), "Parameters.parameter('vervangt')");
    String replacesIdentifier = replaced == null ? null : compositionIdentifier(replaced);
    HandoverInput input = new HandoverInput(typeCode, record, mother, children, sender, receiver, stored,
        baseUrl, UUID.randomUUID().toString(), Instant.now(), replacesIdentifier);
    HandoverDocumentBuilder.Result result = HandoverDocumentBuilder.build(type, input);
    if (!result.complete()) {
      throw HandoverRefusal.of(ctx, result.missing().stream().map(m -> new HandoverRefusal.Issue(IssueType.REQUIRED,
          "Composition.section.where(code = '" + m.section() + "')",
          "Ontbrekende inhoud voor '" + type.title() + "': sectie '" + m.title() + "' is verplicht; leg eerst vast: "
              + m.wanted() + ".")).toList());
    }
    validation.validate(result.document().getEntryFirstRep().getResource());
    Task task = task(record, mother, sender, receiver, replaced);
    TransactionDetails resolved = resolvedIds(record, mother, sender, receiver, replaced);
    return tx.execute(status -> store(result.document(), task, replaced, resolved));
  }

  /**
   * The Task's references point at records this handover has just read, so HAPI is told their
   * storage ids instead of looking each one up again (those look-ups were a tenth of a handover's
   * CPU); the document's id HAPI records itself when it creates it.
   */
  private static TransactionDetails resolvedIds(Resource... read) {
    TransactionDetails resolved = new TransactionDetails();
    for (Resource r : read) {
      JpaPid pid = r == null ? null : IDao.RESOURCE_PID.get(r);
      if (pid != null) {
        resolved.addResolvedResourceId(r.getIdElement().toUnqualifiedVersionless(), pid);
      }
    }
    return resolved;
  }

  private Stored store(Bundle document, Task task, Task replaced, TransactionDetails resolved) {
    SystemRequestDetails rd = new SystemRequestDetails();
    DaoMethodOutcome storedDoc = daos.getResourceDao(Bundle.class).create(document, null, true, rd, resolved);
    IdType docId = (IdType) storedDoc.getId();
    task.setFocus(new Reference(docId.toUnqualifiedVersionless().getValue()));
    DaoMethodOutcome storedTask = daos.getResourceDao(Task.class).create(task, null, true, rd, resolved);
    IdType taskId = (IdType) storedTask.getId();
    if (replaced != null && table().allowedFrom(replaced.getStatus().toCode()).contains("cancelled")) {
      replaced.setStatus(Task.TaskStatus.CANCELLED);
      replaced.setStatusReason(new CodeableConcept().setText(
          "Vervangen door correctie " + taskId.toUnqualifiedVersionless().getValue()));
      daos.getResourceDao(Task.class).update(replaced, null, true, false, rd, resolved);
    }
    // the stored resources as HAPI holds them after the create (id, version, lastUpdated): no second read
    return new Stored((Bundle) storedDoc.getResource(), (Task) storedTask.getResource());
  }

  private Task task(EpisodeOfCare record, Patient mother, Organization sender, Organization receiver, Task replaced) {
    Task task = new Task();
    task.getMeta().addProfile(TASK_PROFILE);
    task.addExtension(HandoverDocumentBuilder.MATERNAL_RECORD_EXT,
        new Reference("EpisodeOfCare/" + record.getIdElement().getIdPart()));
    task.setStatus(Task.TaskStatus.REQUESTED);
    task.setIntent(Task.TaskIntent.ORDER);
    task.getCode().addCoding().setSystem(SNOMED).setCode(TRANSFER_OF_CARE).setDisplay("Transfer of care");
    task.setFor(new Reference("Patient/" + mother.getIdElement().getIdPart()));
    task.setRequester(new Reference("Organization/" + sender.getIdElement().getIdPart()));
    task.setOwner(new Reference("Organization/" + receiver.getIdElement().getIdPart()));
    task.setAuthoredOn(new Date());
    if (replaced != null) {
      task.addExtension(REPLACES_EXT, new Reference("Task/" + replaced.getIdElement().getIdPart()));
    }
    return task;
  }

  private String compositionIdentifier(Task replaced) {
    Bundle doc = read(Bundle.class, replaced.getFocus().getReference(), "Task.focus");
    if (!(doc.getEntryFirstRep().getResource() instanceof Composition c)) {
      throw HandoverRefusal.of(ctx, IssueType.INVALID, "Parameters.parameter('vervangt')",
          "De te vervangen Task verwijst niet naar een overdrachtsdocument.");
    }
    return c.getIdentifier().getValue();
  }

  private Organization organization(Reference ref, String param, String expectedType) {
    if (ref == null || !ref.hasReference()) {
      throw HandoverRefusal.of(ctx, IssueType.REQUIRED, "Parameters.parameter('" + param + "')",
          "Parameter '" + param + "' (Reference naar een Organization) ontbreekt.");
    }
    Organization org = read(Organization.class, ref.getReference(), "Parameters.parameter('" + param + "')");
    boolean typeFits = org.getType().stream().anyMatch(t -> t.hasCoding(ORG_TYPE_SYSTEM, expectedType));
    if (!typeFits) {
      throw HandoverRefusal.of(ctx, IssueType.BUSINESSRULE, "Parameters.parameter('" + param + "')",
          "De " + param + " " + ref.getReference() + " is geen organisatie van type " + expectedType
              + " (Nictiz organisatietype), zoals dit overdrachtstype vraagt.");
    }
    return org;
  }

  private <T extends Resource> T read(Class<T> type, String reference, String expression) {
    IdType id = new IdType(reference);
    if (!type.getSimpleName().equals(id.getResourceType()) || !id.hasIdPart()) {
      throw HandoverRefusal.of(ctx, IssueType.INVALID, expression,
          "Verwacht een verwijzing naar " + type.getSimpleName() + ", kreeg '" + reference + "'.");
    }
    try {
      return daos.getResourceDao(type).read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
    } catch (ResourceNotFoundException | ca.uhn.fhir.rest.server.exceptions.ResourceGoneException e) {
      throw HandoverRefusal.of(ctx, IssueType.NOTFOUND, expression, reference + " bestaat niet (of is verwijderd).");
    }
  }
}
