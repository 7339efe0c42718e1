package nl.geboorteketen.server.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Task;

/**
 * Which families (as the set of "Patient/id" of the mother and her children) an organisation
 * has a care relationship with, and which a PGO user may see — from stored data shaped as in
 * the shared contracts. Reads the store directly, outside any access check.
 */
public class FamilyResolver {

  public static final String BSN_SYSTEM = "http://fhir.nl/fhir/NamingSystem/bsn";
  static final String SNOMED = "http://snomed.info/sct";
  static final String MATERNAL_RECORD_TYPE = "364320009";
  static final String HANDOVER_TASK = "308292007";
  static final String RELATED_PATIENT_EXT = "https://fhir.geboorteketen.nl/StructureDefinition/ext-related-patient";

  private final DaoRegistry daos;

  public FamilyResolver(DaoRegistry daos) {
    this.daos = daos;
  }

  /**
   * The family around one patient: her mother(s) if she is a child, the patient, and every child of
   * those mothers (or of the patient herself), as "Patient/id".
   */
  public Set<String> familyAround(String patient) {
    Set<String> mothers = new LinkedHashSet<>();
    mothers.add(patient);
    for (RelatedPerson link : search(RelatedPerson.class, new SearchParameterMap()
        .add("patient", new ReferenceParam(patient)))) {
      link.getExtensionsByUrl(RELATED_PATIENT_EXT).forEach(e -> {
        if (e.getValue() instanceof Reference r && r.hasReference()) {
          mothers.add(r.getReferenceElement().toUnqualifiedVersionless().getValue());
        }
      });
    }
    Set<String> family = new LinkedHashSet<>(mothers);
    for (RelatedPerson link : search(RelatedPerson.class, new SearchParameterMap()
        .add("related-patient", anyOf(mothers)))) {
      addRef(family, link.getPatient());
    }
    return family;
  }

  /**
   * Whether the organisation ("Organization/id") has a care relationship with this family: managing
   * organisation of one of its maternal records; member or on-behalf-of of an active or proposed
   * care team whose subject is a member, or that is the team of a member's maternal record or
   * gezinsplan; requester or owner of a handover Task for a member. A handful of indexed searches
   * over the family's own records, whatever the number of families the organisation cares for.
   */
  public boolean caresFor(String organisation, Set<String> family) {
    Set<String> teamRefs = new LinkedHashSet<>();
    for (EpisodeOfCare record : search(EpisodeOfCare.class, new SearchParameterMap().add("patient", anyOf(family)))) {
      if (record.getStatus() == EpisodeOfCare.EpisodeOfCareStatus.ENTEREDINERROR) {
        continue;
      }
      boolean maternal = record.getType().stream().flatMap(t -> t.getCoding().stream())
          .anyMatch(c -> SNOMED.equals(c.getSystem()) && MATERNAL_RECORD_TYPE.equals(c.getCode()));
      if (maternal && isOrganisation(record.getManagingOrganization(), organisation)) {
        return true;
      }
      record.getTeam().forEach(t -> teamRefs.add(t.getReferenceElement().toUnqualifiedVersionless().getValue()));
    }
    for (CarePlan plan : search(CarePlan.class, new SearchParameterMap().add("subject", anyOf(family)))) {
      plan.getCareTeam().forEach(t -> teamRefs.add(t.getReferenceElement().toUnqualifiedVersionless().getValue()));
    }
    List<CareTeam> teams = new java.util.ArrayList<>(search(CareTeam.class, new SearchParameterMap()
        .add("subject", anyOf(family))));
    teams.forEach(t -> teamRefs.remove("CareTeam/" + t.getIdElement().getIdPart()));
    if (!teamRefs.isEmpty()) {
      TokenOrListParam ids = new TokenOrListParam();
      teamRefs.forEach(ref -> ids.add(ref.substring(ref.indexOf('/') + 1)));
      teams.addAll(search(CareTeam.class, new SearchParameterMap().add("_id", ids)));
    }
    for (CareTeam team : teams) {
      boolean current = team.getStatus() == CareTeam.CareTeamStatus.ACTIVE
          || team.getStatus() == CareTeam.CareTeamStatus.PROPOSED;
      if (current && team.getParticipant().stream().anyMatch(p -> isOrganisation(p.getMember(), organisation)
          || isOrganisation(p.getOnBehalfOf(), organisation))) {
        return true;
      }
    }
    for (Task task : search(Task.class, new SearchParameterMap().add("subject", anyOf(family))
        .add("code", new TokenParam(SNOMED, HANDOVER_TASK)))) {
      if (isOrganisation(task.getRequester(), organisation) || isOrganisation(task.getOwner(), organisation)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The organisation managing a current (planned, waitlist, active, onhold) maternal record of this
   * patient, when it is not the given one.
   */
  public Optional<String> otherCurrentManager(String patient, String organisation) {
    for (EpisodeOfCare record : search(EpisodeOfCare.class, new SearchParameterMap().add("patient",
        new ReferenceParam(patient)))) {
      boolean current = switch (record.getStatus()) {
        case PLANNED, WAITLIST, ACTIVE, ONHOLD -> true;
        default -> false;
      };
      if (current && record.hasManagingOrganization() && !isOrganisation(record.getManagingOrganization(), organisation)) {
        return Optional.of(record.getManagingOrganization().getReference());
      }
    }
    return Optional.empty();
  }

  private static boolean isOrganisation(Reference ref, String organisation) {
    return ref != null && ref.hasReference()
        && organisation.equals(ref.getReferenceElement().toUnqualifiedVersionless().getValue());
  }

  private static ReferenceOrListParam anyOf(Set<String> refs) {
    ReferenceOrListParam any = new ReferenceOrListParam();
    refs.forEach(r -> any.addOr(new ReferenceParam(r)));
    return any;
  }

  /** The person with this BSN and her children, as "Patient/id"; empty when no such patient is stored. */
  public Set<String> familyOfPerson(String bsn) {
    Set<String> members = new LinkedHashSet<>();
    for (Patient p : search(Patient.class, new SearchParameterMap()
        .add("identifier", new TokenParam(BSN_SYSTEM, bsn)))) {
      String self = "Patient/" + p.getIdElement().getIdPart();
      members.add(self);
      members.addAll(childrenOf(self));
    }
    return members;
  }

  public Set<String> childrenOf(String mother) {
    Set<String> children = new LinkedHashSet<>();
    for (RelatedPerson link : search(RelatedPerson.class, new SearchParameterMap()
        .add("related-patient", new ReferenceParam(mother)))) {
      addRef(children, link.getPatient());
    }
    return children;
  }

  private static void addRef(Set<String> into, Reference ref) {
    if (ref != null && ref.hasReference() && ref.getReferenceElement().getResourceType() != null
        && ref.getReferenceElement().getResourceType().equals("Patient")) {
      into.add(ref.getReferenceElement().toUnqualifiedVersionless().getValue());
    }
  }

  @SuppressWarnings("unchecked")
  private <T extends IBaseResource> List<T> search(Class<T> type, SearchParameterMap map) {
    map.setLoadSynchronous(true);
    IFhirResourceDao<T> dao = daos.getResourceDao(type);
    return (List<T>) dao.search(map, new SystemRequestDetails()).getAllResources();
  }
}
