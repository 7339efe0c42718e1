package nl.geboorteketen.server.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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

  /** Every patient of every family the organisation ("Organization/id") has a care relationship with. */
  public Set<String> familiesOf(String organisation) {
    Set<String> members = new LinkedHashSet<>();
    // 1. managing organisation of a maternal record
    for (EpisodeOfCare record : search(EpisodeOfCare.class, new SearchParameterMap()
        .add("organization", new ReferenceParam(organisation))
        .add("type", new TokenParam(SNOMED, MATERNAL_RECORD_TYPE)))) {
      if (record.getStatus() != EpisodeOfCare.EpisodeOfCareStatus.ENTEREDINERROR) {
        addRef(members, record.getPatient());
      }
    }
    // 2. participant (member or on behalf of) of an active or proposed care team
    Set<CareTeam> teams = new HashSet<>();
    for (String param : List.of("participant", "participant-on-behalf-of")) {
      teams.addAll(search(CareTeam.class, new SearchParameterMap()
          .add(param, new ReferenceParam(organisation))
          .add("status", new TokenOrListParam().add("active").add("proposed"))));
    }
    for (CareTeam team : teams) {
      String teamRef = "CareTeam/" + team.getIdElement().getIdPart();
      addRef(members, team.getSubject());
      for (EpisodeOfCare record : search(EpisodeOfCare.class, new SearchParameterMap()
          .add("team", new ReferenceParam(teamRef)))) {
        if (record.getStatus() != EpisodeOfCare.EpisodeOfCareStatus.ENTEREDINERROR) {
          addRef(members, record.getPatient());
        }
      }
      for (CarePlan plan : search(CarePlan.class, new SearchParameterMap()
          .add("care-team", new ReferenceParam(teamRef)))) {
        addRef(members, plan.getSubject());
      }
    }
    // 3. requester or owner of a handover Task
    for (String param : List.of("requester", "owner")) {
      for (Task task : search(Task.class, new SearchParameterMap()
          .add(param, new ReferenceParam(organisation))
          .add("code", new TokenParam(SNOMED, HANDOVER_TASK)))) {
        addRef(members, task.getFor());
      }
    }
    return wholeFamilies(members);
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

  /** The mothers (patients with a child) among these patients' families, plus all their children. */
  private Set<String> wholeFamilies(Set<String> patients) {
    Set<String> mothers = new LinkedHashSet<>(patients);
    for (String p : patients) {
      for (RelatedPerson link : search(RelatedPerson.class, new SearchParameterMap()
          .add("patient", new ReferenceParam(p)))) {
        link.getExtensionsByUrl(RELATED_PATIENT_EXT).forEach(e -> {
          if (e.getValue() instanceof Reference r && r.hasReference()) {
            mothers.add(r.getReferenceElement().toUnqualifiedVersionless().getValue());
          }
        });
      }
    }
    Set<String> family = new LinkedHashSet<>(mothers);
    mothers.forEach(m -> family.addAll(childrenOf(m)));
    return family;
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
