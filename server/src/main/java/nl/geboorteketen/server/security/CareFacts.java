package nl.geboorteketen.server.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Task;

/**
 * Keeps the ledger in step with what was stored, after the write passed {@link WriteRules}: the
 * BSN and episode indexes for every write (the server's own included), and the care relationships
 * only the writes that may grant one make — a maternal record a practice opens, a care team its
 * managing organisation (or the beheerder) sets up, a handover its receiver accepts, a client a
 * partner registers — and their ends.
 */
public class CareFacts {

  public static final String MATERNAL_RECORD = "maternal-record";
  public static final String TRANSFER = "transfer";
  public static final String CARE_TEAM = "care-team";
  public static final String HANDOVER = "handover";
  public static final String CLIENT_REGISTERED = "client-registered";
  public static final String BEHEERDER = "beheerder";

  private final CareLedger ledger;
  private final Duration grace;

  public CareFacts(CareLedger ledger, Duration grace) {
    this.ledger = ledger;
    this.grace = grace;
  }

  /** A partner stored a record that belongs to no family: her organisation keeps it. */
  public void keptBy(Caller caller, IBaseResource created) {
    ledger.keep(created.fhirType() + "/" + created.getIdElement().getIdPart(), caller.organisation(), grantor(caller));
  }

  /** caller null: a write of the server's own (indexes only). */
  public void apply(Caller caller, IBaseResource previous, IBaseResource current) {
    IBaseResource subject = current != null ? current : previous;
    String self = subject.fhirType() + "/" + subject.getIdElement().getIdPart();
    String grantor = grantor(caller);
    if (subject instanceof Patient) {
      patient(caller, self, previous, (Patient) current, grantor);
    } else if (subject instanceof EpisodeOfCare) {
      episode(caller, self, (EpisodeOfCare) previous, (EpisodeOfCare) current, grantor);
    } else if (subject instanceof RelatedPerson && (isLink(current) || isLink(previous))) {
      // a link that stops being one (an update without MTH or the extension) is a link that ends
      familyLink(self, isLink(current) ? (RelatedPerson) current : null, isLink(previous) ? (RelatedPerson) previous : null,
          grantor);
    } else if (subject instanceof CareTeam team && caller != null) {
      careTeam(caller, self, team, current != null, grantor);
    } else if (current instanceof Task task && caller != null) {
      handoverAccepted(self, (Task) previous, task, grantor);
    } else if (subject instanceof org.hl7.fhir.r4.model.Consent consent && ref(consent.getPatient()) != null) {
      ledger.consentChanged(ref(consent.getPatient()));
    }
  }

  private void patient(Caller caller, String self, IBaseResource previous, Patient current, String grantor) {
    if (current == null) {
      ledger.releaseBsns(self);
      return;
    }
    ledger.claimBsns(self, current.getIdentifier().stream()
        .filter(i -> FamilyScope.BSN_SYSTEM.equals(i.getSystem()) && i.hasValue())
        .map(i -> i.getValue()).collect(Collectors.toSet()));
    if (previous == null && caller != null && caller.isPartner()) {
      ledger.grant(ledger.familyOf(self), caller.organisation(), CLIENT_REGISTERED, self, grantor, null);
    }
  }

  private void episode(Caller caller, String self, EpisodeOfCare previous, EpisodeOfCare current, String grantor) {
    if (current == null) {
      ledger.removeEpisode(self);
      String manager = ref(previous.getManagingOrganization());
      if (manager != null) {
        ledger.endFrom(self, manager, Instant.now(), "dossier verwijderd");
      }
      return;
    }
    String patient = ref(current.getPatient());
    String manager = ref(current.getManagingOrganization());
    boolean maternal = ChainShapes.isMaternalRecord(current);
    boolean open = ChainShapes.isCurrent(current);
    ledger.putEpisode(new CareLedger.Episode(self, patient, manager, open, maternal));
    if (caller == null || !maternal || patient == null) {
      return;
    }
    String family = ledger.familyOf(patient);
    String before = previous == null ? null : ref(previous.getManagingOrganization());
    Instant now = Instant.now();
    if (before != null && !before.equals(manager)) {
      ledger.endFrom(self, before, now.plus(grace), "dossier overgedragen aan " + manager);
    }
    if (manager == null) {
      return;
    }
    if (!open) {
      boolean error = current.getStatus() == EpisodeOfCare.EpisodeOfCareStatus.ENTEREDINERROR;
      ledger.endFrom(self, manager, error ? now : now.plus(grace), "dossier " + current.getStatus().toCode());
    } else if (ledger.grantedBy(self, family).stream().noneMatch(r -> r.organisation().equals(manager) && r.activeAt(now))) {
      ledger.grant(family, manager, before != null && !before.equals(manager) ? TRANSFER : MATERNAL_RECORD, self, grantor, null);
    }
  }

  private static boolean isLink(IBaseResource r) {
    return r instanceof RelatedPerson person && ChainShapes.isFamilyLink(person);
  }

  private void familyLink(String self, RelatedPerson current, RelatedPerson previous, String grantor) {
    RelatedPerson link = current != null ? current : previous;
    String child = ref(link.getPatient());
    String mother = ChainShapes.motherOf(link);
    if (child == null || mother == null) {
      return;
    }
    if (current == null) {
      ledger.leave(child);
    } else if (previous == null || !child.equals(ref(previous.getPatient())) || !mother.equals(ChainShapes.motherOf(previous))) {
      ledger.join(child, ledger.familyOf(mother), grantor, self);
    }
  }

  /** Only the managing organisation of the family's maternal record, or the beheerder, grants through a care team. */
  private void careTeam(Caller caller, String self, CareTeam team, boolean stored, String grantor) {
    String subject = ref(team.getSubject());
    if (subject == null || !"Patient".equals(subject.split("/")[0])) {
      return;
    }
    String family = ledger.familyOf(subject);
    if (!caller.isBeheerder() && !ledger.holds(caller.organisation(), family, Set.of(MATERNAL_RECORD, TRANSFER))) {
      return;
    }
    Instant now = Instant.now();
    boolean active = stored && (team.getStatus() == CareTeam.CareTeamStatus.ACTIVE
        || team.getStatus() == CareTeam.CareTeamStatus.PROPOSED);
    Map<String, Instant> wanted = new LinkedHashMap<>();
    if (active) {
      for (CareTeam.CareTeamParticipantComponent p : team.getParticipant()) {
        Instant end = earliest(end(p.getPeriod()), end(team.getPeriod()));
        for (Reference r : new Reference[] {p.getMember(), p.getOnBehalfOf()}) {
          String org = ref(r);
          if (org != null && org.startsWith("Organization/")) {
            wanted.put(org, end);
          }
        }
      }
    }
    Set<String> current = ledger.grantedBy(self, family).stream().filter(r -> r.activeAt(now))
        .map(CareLedger.Relationship::organisation).collect(Collectors.toSet());
    current.stream().filter(org -> !wanted.containsKey(org))
        .forEach(org -> ledger.endFrom(self, org, now, "niet meer in het zorgteam"));
    wanted.forEach((org, end) -> {
      if (!current.contains(org)) {
        ledger.grant(family, org, CARE_TEAM, self, grantor, end);
      } else if (end != null) {
        ledger.endFrom(self, org, end, "einde periode in het zorgteam");
      }
    });
  }

  /** The receiver accepts a handover from an organisation that cares for the family: now it does too. */
  private void handoverAccepted(String self, Task previous, Task task, String grantor) {
    if (!ChainShapes.isHandoverTask(task) || task.getStatus() != Task.TaskStatus.ACCEPTED
        || previous != null && previous.getStatus() == Task.TaskStatus.ACCEPTED) {
      return;
    }
    String patient = ref(task.getFor());
    String sender = ref(task.getRequester());
    String receiver = ref(task.getOwner());
    if (patient == null || sender == null || receiver == null) {
      return;
    }
    String family = ledger.familyOf(patient);
    if (ledger.caresFor(sender, family) && !ledger.caresFor(receiver, family)) {
      ledger.grant(family, receiver, HANDOVER, self, grantor + ", overdracht van " + sender, null);
    }
  }

  private static Instant end(Period period) {
    return period != null && period.hasEnd() ? period.getEnd().toInstant() : null;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  static String grantor(Caller caller) {
    if (caller == null) {
      return "server";
    }
    return caller.isBeheerder() ? "beheerder " + caller.subject() : caller.organisation() + " (" + caller.subject() + ")";
  }

  static String ref(Reference r) {
    return r != null && r.hasReference() && r.getReferenceElement().getIdPart() != null
        && r.getReferenceElement().getResourceType() != null
        ? r.getReferenceElement().getResourceType() + "/" + r.getReferenceElement().getIdPart() : null;
  }
}
