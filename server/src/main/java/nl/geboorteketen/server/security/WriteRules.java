package nl.geboorteketen.server.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import nl.geboorteketen.mappings.access.AccessRules;
import nl.geboorteketen.server.notification.TaskSubscriptions;
import nl.geboorteketen.server.validation.ProfileSelector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;

/**
 * Whether a caller may store this write: the role rows of the access table for everyone, and for
 * a partner that every Patient and maternal record the old and the new version refer to —
 * anywhere, contained resources and extensions included — belongs to a family it cares for now
 * (from the ledger, never from the resource). So does every other record it points at that has a
 * family (a Condition, an Observation, a handover Task…): a partner's record may not point into a
 * family it does not care for. A stored record that belongs to no family (a Practitioner, a
 * Location) is changed only by the organisation the ledger says stored it. The exceptions are the writes that start a
 * relationship under the rules: a practice opening a maternal record for a woman no other
 * practice manages, a new client, and the receiver of a handover changing its status.
 */
public class WriteRules {

  /** The family members ("Patient/id") of a record, as {@link FamilyScope} decides them. */
  public interface RecordOwners {
    /** Of a stored record ("Type/id"), read by the server; empty when it is gone. */
    Set<String> of(String record);

    Set<String> of(IBaseResource resource);
  }

  /** Whether a family refused sharing with an organisation (a partner-delen deny), as reading decides it. */
  public interface Refusals {
    boolean refused(String family, String organisation);
  }

  private static final String OR_REFUSED = " (of het gezin heeft de toestemming om ermee te delen ingetrokken). ";
  private static final String HOW_IT_STARTS = "Een zorgrelatie begint als uw praktijk haar zwangerschapsdossier "
      + "opent, als de beherende organisatie u aan het zorgteam van het gezin toevoegt, of als u een overdracht aanneemt.";

  private final FhirContext ctx;
  private final CareLedger ledger;
  private final AccessRules rules;
  private final ProfileSelector selector;
  private final RecordOwners owners;
  private final Refusals refusals;

  public WriteRules(FhirContext ctx, CareLedger ledger, AccessRules rules, ProfileSelector selector, RecordOwners owners,
      Refusals refusals) {
    this.ctx = ctx;
    this.ledger = ledger;
    this.rules = rules;
    this.selector = selector;
    this.owners = owners;
    this.refusals = refusals;
  }

  /**
   * Writing into a family takes what reading it takes: a care relationship, and no refusal. An
   * organisation the family refused would otherwise write a Consent that lets itself in again.
   */
  private boolean mayWriteInto(String org, String patient) {
    String family = ledger.familyOf(patient);
    return ledger.caresFor(org, family) && !refusals.refused(family, org);
  }

  /**
   * @param sameRequest the records ("Type/id") this request writes: each is checked on its own, so a
   *     reference to one of them needs no look-up
   * @return true when a partner stores a new record that belongs to no family: her organisation keeps it
   */
  public boolean check(Caller caller, IBaseResource previous, IBaseResource current, Set<String> sameRequest) {
    IBaseResource subject = current != null ? current : previous;
    String type = subject.fhirType();
    rules.writers(type, profilesOf(previous, current)).ifPresent(roles -> {
      if (!roles.contains(caller.tableRole())) {
        throw forbidden(roles.isEmpty() ? type + " kan niet via de API worden geschreven."
            : "Schrijven van deze " + type + " is voor " + String.join(", ", roles) + "; de rol van het token is "
                + caller.tableRole() + ".");
      }
    });
    if (!isPartner(caller)) {
      return false;
    }
    String org = caller.organisation();
    boolean receiverUpdatesHandover = receiverUpdatesHandover(org, previous, current);
    if (previous != null && !receiverUpdatesHandover) {
      requireOwnStored(org, previous);
    }
    if (previous instanceof RelatedPerson link && ChainShapes.isFamilyLink(link)
        && !(current instanceof RelatedPerson still && ChainShapes.isFamilyLink(still))) {
      throw forbidden("Alleen de beheerder verwijdert een gezinskoppeling (ook door de koppeling of MTH weg te halen): "
          + "de beheerder beslist wie bij het gezin hoort.");
    }
    if (current == null) {
      return false;
    }
    References refs = References.of(ctx, current);
    Map<String, String> named = patientsOf(current, refs);
    Set<String> patients = new LinkedHashSet<>(named.keySet());
    Set<String> referenced = new LinkedHashSet<>(patients);
    if (current.fhirType().equals("Patient") && previous == null) {
      patients.remove("Patient/" + current.getIdElement().getIdPart()); // a new client: she is no one else's yet
    }
    if (current instanceof EpisodeOfCare record) {
      checkEpisode(caller, (EpisodeOfCare) previous, record, patients);
    }
    if (current instanceof RelatedPerson link && ChainShapes.isFamilyLink(link)) {
      checkFamilyLink((RelatedPerson) previous, link);
    }
    if (!receiverUpdatesHandover) {
      requireOwnFamilies(org, patients, named, "Deze " + type);
      // whom the rules above let this write start with (a new client, the woman of a record being opened)
      referenced.removeAll(patients);
      requireOwnRecords(org, current, refs.records(), sameRequest, referenced, "Deze " + type);
    }
    boolean aboutNoFamily = named.isEmpty() && !(current instanceof Patient)
        && !pointsIntoAFamily(current, refs.records(), sameRequest);
    if (aboutNoFamily && !rules.partnerMayWriteFamilyless(type)) {
      throw forbidden("Deze " + type + " hoort bij geen gezin: ze noemt geen Patient (subject of patient, een BSN), "
          + "geen zwangerschapsdossier en geen record van een gezin" + (type.equals("Binary") ? " (bij een Binary: "
          + "securityContext)" : "") + ". Zo'n record leest iedereen die de server mag gebruiken, ook de PGO-app van "
          + "elk gezin; een partner legt alleen vast over de gezinnen waarvoor zij zorgt. Zonder gezin schrijft een "
          + "partner alleen " + String.join(", ", rules.partnerFamilylessTypes()) + ".");
    }
    requireOwnSubscription(org, current);
    checkTransitions(caller, previous, current);
    return aboutNoFamily && previous == null && !(current instanceof Subscription);
  }

  /**
   * The stored version an update replaces is the caller's to replace. Also for an update that changes
   * nothing, which HAPI answers without storing anything (so without {@link #check}).
   */
  public void checkStored(Caller caller, IBaseResource previous, IBaseResource current) {
    if (isPartner(caller) && !receiverUpdatesHandover(caller.organisation(), previous, current)) {
      requireOwnStored(caller.organisation(), previous);
    }
  }

  /** The beheerder writes anything, a PGO nothing; a partner's write is checked against its families. */
  private static boolean isPartner(Caller caller) {
    if (caller.isPgo()) {
      throw forbidden("Een PGO mag alleen lezen, niet schrijven.");
    }
    return !caller.isBeheerder();
  }

  /**
   * The stored version belongs to families the caller cares for. One that belongs to no family (a
   * Practitioner, a Location) is its keeper's: the organisation that stored it, from the ledger.
   */
  private void requireOwnStored(String org, IBaseResource previous) {
    Map<String, String> named = patientsOf(previous);
    String stored = previous.fhirType() + "/" + previous.getIdElement().getIdPart();
    requireOwnFamilies(org, named.keySet(), named, "De opgeslagen " + stored);
    requireOwnSubscription(org, previous);
    if (named.isEmpty() && !(previous instanceof Subscription) && owners.of(previous).isEmpty()
        && !ledger.keeps(org, stored)) {
      throw forbidden(stored + " hoort bij geen gezin en is vastgelegd door een andere organisatie of door de "
          + "beheerder. Alleen wie zo'n record vastlegde wijzigt of verwijdert het; leg zo nodig een eigen "
          + previous.fhirType() + " vast, of vraag de beheerder het met $bewaarder-toewijzen aan uw organisatie te geven.");
    }
  }

  /**
   * A stored Bundle (a document) belongs to the families of what it carries, as {@link FamilyScope}
   * reads it: a partner may store one only about her own families.
   */
  private Map<String, String> carriedPatients(Bundle bundle) {
    Map<String, String> patients = new LinkedHashMap<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource carried = entry.getResource();
      if (carried == null) {
        continue;
      }
      if (carried instanceof Patient && carried.getIdElement().isIdPartValid()) {
        String patient = "Patient/" + carried.getIdElement().getIdPart();
        patients.putIfAbsent(patient, patient);
      } else if (carried instanceof Patient person) {
        // no id of ours (a urn:uuid fullUrl): her BSN names her, as FamilyScope reads the document
        namedByBsn(carried, References.bsnsOf(person), patients);
      }
      patientsOf(carried).forEach(patients::putIfAbsent);
    }
    return patients;
  }

  /**
   * Every Patient the resource refers to, maternal records and BSN references resolved through the
   * ledger, each with the reference that named it: a refusal shows that, and never tells which
   * Patient a BSN or a maternal record of another family belongs to.
   */
  Map<String, String> patientsOf(IBaseResource resource) {
    // a Bundle is read entry by entry: its own references would be collected for nothing
    return resource instanceof Bundle bundle ? carriedPatients(bundle)
        : patientsOf(resource, References.of(ctx, resource));
  }

  private Map<String, String> patientsOf(IBaseResource resource, References refs) {
    if (resource instanceof Bundle bundle) {
      return carriedPatients(bundle);
    }
    Map<String, String> patients = new LinkedHashMap<>();
    refs.patients().forEach(p -> patients.put(p, p));
    for (String record : refs.episodes()) {
      CareLedger.Episode episode = ledger.episode(record).orElseThrow(() -> forbidden(
          "Deze " + resource.fhirType() + " verwijst naar " + record + ", en dat is geen bekende EpisodeOfCare."));
      if (episode.patient() != null) {
        patients.putIfAbsent(episode.patient(), record);
      }
    }
    namedByBsn(resource, refs.bsns(), patients);
    return patients;
  }

  private void namedByBsn(IBaseResource resource, Collection<String> bsns, Map<String, String> patients) {
    for (String bsn : bsns) {
      patients.putIfAbsent(ledger.patientWithBsn(bsn).orElseThrow(() -> forbidden("Deze " + resource.fhirType()
          + " noemt een persoon met een BSN dat geen Patient in de server heeft. Leg die persoon "
          + "eerst vast als Patient en verwijs naar Patient/{id}; wie de server niet kent, hoort bij geen gezin.")),
          "de persoon met het BSN dat ze noemt");
    }
  }

  private void requireOwnFamilies(String org, Set<String> patients, Map<String, String> named, String what) {
    for (String patient : patients) {
      if (!mayWriteInto(org, patient)) {
        throw forbidden(what + " verwijst naar " + named.getOrDefault(patient, patient) + ", van een gezin waarmee "
            + org + " geen zorgrelatie heeft" + OR_REFUSED + HOW_IT_STARTS);
      }
    }
  }

  /** Whether one of the records this one points at (its target, its focus) belongs to a family, or is written with it. */
  private boolean pointsIntoAFamily(IBaseResource resource, Set<String> records, Set<String> sameRequest) {
    String self = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    return records.stream().filter(r -> !r.equals(self))
        .anyMatch(r -> sameRequest.contains(r) || !owners.of(r).isEmpty());
  }

  /**
   * Every stored record this one points at belongs to families the caller cares for, or to a person
   * this write lets it start with. The refusal names the reference, never whose record it is.
   */
  private void requireOwnRecords(String org, IBaseResource resource, Set<String> records, Set<String> sameRequest,
      Set<String> starting, String what) {
    String self = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    for (String record : records) {
      if (record.equals(self) || sameRequest.contains(record)) {
        continue;
      }
      for (String patient : owners.of(record)) {
        if (!starting.contains(patient) && !mayWriteInto(org, patient)) {
          throw forbidden(what + " verwijst naar " + record + ", en dat hoort bij een gezin waarmee " + org
              + " geen zorgrelatie heeft" + OR_REFUSED + HOW_IT_STARTS);
        }
      }
    }
  }

  /**
   * A maternal record is the managing practice's: a midwife opens one for her own practice, for a
   * woman who is nobody's child in the ledger and whom no other practice manages now; only its
   * manager changes it, and hands it to another practice (a transfer).
   */
  private void checkEpisode(Caller caller, EpisodeOfCare previous, EpisodeOfCare record, Set<String> patients) {
    String patient = CareFacts.ref(record.getPatient());
    String org = caller.organisation();
    if (previous != null && !Objects.equals(patient, CareFacts.ref(previous.getPatient()))) {
      throw forbidden("De patiënt van een EpisodeOfCare verandert niet; open een nieuwe voor de andere patiënt.");
    }
    if (!ChainShapes.isMaternalRecord(record) && (previous == null || !ChainShapes.isMaternalRecord(previous))) {
      return;
    }
    String manager = CareFacts.ref(record.getManagingOrganization());
    String before = previous == null ? null : CareFacts.ref(previous.getManagingOrganization());
    if (before != null && !before.equals(org)) {
      throw forbidden("Alleen de beherende organisatie van dit zwangerschapsdossier (" + before + ") wijzigt het of "
          + "draagt het over aan een andere praktijk.");
    }
    if (before == null && !org.equals(manager)) {
      throw forbidden("Een praktijk opent een zwangerschapsdossier voor zichzelf: managingOrganization moet " + org + " zijn.");
    }
    if (previous == null && !"verloskundige".equals(caller.role())) {
      throw forbidden("Een zwangerschapsdossier wordt geopend door een verloskundigenpraktijk.");
    }
    boolean opening = ChainShapes.isCurrent(record) && org.equals(manager) && patient != null
        && (previous == null || !ChainShapes.isCurrent(previous));
    if (!opening) {
      return;
    }
    if (ledger.isChild(patient)) {
      throw forbidden(patient + " is een kind in het gezin van " + ledger.familyOf(patient)
          + "; een zwangerschapsdossier wordt voor de moeder geopend.");
    }
    ledger.otherCurrentManagers(patient, org).stream().findFirst().ifPresent(other -> {
      throw forbidden(patient + " heeft een lopend zwangerschapsdossier dat " + other + " beheert; een nieuwe praktijk krijgt "
          + "haar als die praktijk de managingOrganization op de nieuwe zet (een overdracht).");
    });
    patients.remove(patient);
  }

  /** A child joins its mother's family once, when it is in no other family. */
  private void checkFamilyLink(RelatedPerson previous, RelatedPerson link) {
    String child = CareFacts.ref(link.getPatient());
    String mother = ChainShapes.motherOf(link);
    if (previous != null) {
      if (!Objects.equals(child, CareFacts.ref(previous.getPatient())) || !Objects.equals(mother, ChainShapes.motherOf(previous))) {
        throw forbidden("Een gezinskoppeling wordt niet naar andere personen verplaatst; de beheerder herstelt een verkeerde koppeling.");
      }
      return;
    }
    if (child == null || mother == null) {
      return;
    }
    String family = ledger.familyOf(mother);
    String childFamily = ledger.familyOf(child);
    if (!childFamily.equals(family) && (!childFamily.equals(child) || ledger.members(child).size() > 1)) {
      throw forbidden(child + " hoort al bij een ander gezin; alleen de beheerder verplaatst een kind naar een ander gezin.");
    }
  }

  /**
   * The receiver of a handover may change the Task's status (accept, reject) before it cares for
   * the family, with its reason, and nothing else: every other element stays as the sender wrote it.
   * A receiver that could change more would write into a family it does not care for, such as a
   * reference to another family's maternal record in the Task's extension.
   */
  private static boolean receiverUpdatesHandover(String org, IBaseResource previous, IBaseResource current) {
    if (!(previous instanceof Task before) || !(current instanceof Task after) || !ChainShapes.isHandoverTask(before)
        || !org.equals(CareFacts.ref(before.getOwner()))) {
      return false;
    }
    return withoutStatus(before).equalsDeep(withoutStatus(after));
  }

  private static Task withoutStatus(Task task) {
    Task rest = task.copy();
    rest.setIdElement(null);
    rest.setMeta(null);
    rest.setStatusElement(null);
    rest.setStatusReason(null);
    rest.setBusinessStatus(null);
    rest.setLastModifiedElement(null);
    return rest;
  }

  private static void requireOwnSubscription(String org, IBaseResource resource) {
    if (resource instanceof Subscription s && !org.equals(TaskSubscriptions.watchedOrganisation(s).orElse(null))) {
      throw forbidden("Een partner abonneert zich alleen op zijn eigen Tasks: criteria Task?owner=" + org + ".");
    }
  }

  private void checkTransitions(Caller caller, IBaseResource previous, IBaseResource resource) {
    for (AccessRules.TransitionRule rule : rules.transitions(resource.fhirType())) {
      Set<String> codes = ctx.newTerser().getValues(resource, resource.fhirType() + ".code.coding", Coding.class)
          .stream().map(Coding::getCode).collect(Collectors.toSet());
      String status = ctx.newTerser().getSinglePrimitiveValueOrNull(resource, resource.fhirType() + ".status");
      String before = previous == null ? null
          : ctx.newTerser().getSinglePrimitiveValueOrNull(previous, previous.fhirType() + ".status");
      if (!codes.contains(rule.code()) || !rule.statuses().contains(status) || status.equals(before)) {
        continue;
      }
      IBaseResource decisive = previous != null ? previous : resource;
      boolean actor = ctx.newTerser().getValues(decisive, decisive.fhirType() + "." + rule.actor(), Reference.class)
          .stream().anyMatch(r -> caller.organisation().equals(CareFacts.ref(r)));
      if (!actor) {
        throw forbidden("Alleen de " + rule.actor() + " van deze " + resource.fhirType() + " mag de status op "
            + status + " zetten; " + caller.organisation() + " is dat niet.");
      }
    }
  }

  private Set<String> profilesOf(IBaseResource previous, IBaseResource resource) {
    Set<String> profiles = new HashSet<>();
    for (IBaseResource r : new IBaseResource[] {previous, resource}) {
      if (r instanceof Resource res) {
        res.getMeta().getProfile().stream().map(CanonicalType::getValue).forEach(profiles::add);
        selector.select(res).ifPresent(profiles::add);
      }
    }
    return profiles;
  }

  static ForbiddenOperationException forbidden(String message) {
    return new ForbiddenOperationException(message);
  }
}
