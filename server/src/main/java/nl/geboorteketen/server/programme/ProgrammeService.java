package nl.geboorteketen.server.programme;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.geboorteketen.mappings.eligibility.Eligibility;
import nl.geboorteketen.mappings.eligibility.Fact;
import nl.geboorteketen.mappings.eligibility.Outcome;
import nl.geboorteketen.mappings.eligibility.ProgrammeTable;
import nl.geboorteketen.server.fhir.Problems;
import nl.geboorteketen.mappings.eligibility.Eligibility.Capacity;
import nl.geboorteketen.mappings.eligibility.Eligibility.Result;
import nl.geboorteketen.mappings.eligibility.ProgrammeTable.Programme;
import nl.geboorteketen.server.rules.RuleTableStore;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** Eligibility for every programme in the rule table, and enrolment that re-checks it. */
public class ProgrammeService {

  public static final String PROGRAMME_SYSTEM = "https://fhir.geboorteketen.nl/CodeSystem/support-programme";
  public static final String EPISODE_TYPE = "https://fhir.geboorteketen.nl/CodeSystem/episode-type";
  public static final String ENROLMENT = "programma-inschrijving";

  private final FhirContext ctx;
  private final DaoRegistry daos;
  private final RuleTableStore rules;
  private final FamilyFacts familyFacts;
  private final EnrolmentLock enrolmentLock;

  public ProgrammeService(FhirContext ctx, DaoRegistry daos, RuleTableStore rules, FamilyFacts familyFacts,
      EnrolmentLock enrolmentLock) {
    this.ctx = ctx;
    this.enrolmentLock = enrolmentLock;
    this.daos = daos;
    this.rules = rules;
    this.familyFacts = familyFacts;
  }

  public ProgrammeTable table() {
    return rules.current(ProgrammeTable.URL, ProgrammeTable::parse);
  }

  public List<Result> assess(Patient mother, String onlyCode) {
    if (onlyCode != null) {
      known(onlyCode);
    }
    Map<String, Fact> facts = familyFacts.collect(mother);
    String ref = ref(mother);
    return table().programmes().stream()
        .filter(p -> onlyCode == null || p.code().equals(onlyCode))
        .map(p -> Eligibility.evaluate(p, facts, capacity(p, ref)))
        .toList();
  }

  /**
   * Enrols the mother's family after checking every criterion and the capacity again, under a
   * database lock per programme so two enrolments for the last place cannot both succeed, also
   * when they arrive at two server nodes.
   */
  public EpisodeOfCare enrol(Patient mother, String code) {
    Programme programme = known(code);
    return enrolmentLock.whileHolding(code, () -> enrolChecked(mother, programme));
  }

  /** The programme of the current rule table with this code; a code it does not hold is the caller's mistake. */
  private Programme known(String code) {
    return table().find(code).orElseThrow(() -> Problems.of(400, OperationOutcome.IssueType.CODEINVALID, "programma", "Onbekend programma '" + code
        + "'. De regeltabel kent: " + table().programmes().stream().map(Programme::code).collect(Collectors.joining(", ")) + "."));
  }

  private EpisodeOfCare enrolChecked(Patient mother, Programme programme) {
    String ref = ref(mother);
    if (enrolledPatients(programme).contains(ref)) {
      throw new ResourceVersionConflictException("Het gezin is al ingeschreven voor " + programme.name() + ".",
          outcome("Het gezin is al ingeschreven voor " + programme.name() + ".", OperationOutcome.IssueType.DUPLICATE));
    }
    Result result = Eligibility.evaluate(programme, familyFacts.collect(mother), capacity(programme, ref));
    boolean onlyCapacityFails = result.criteria().stream()
        .filter(c -> c.outcome() != Outcome.ELIGIBLE).allMatch(c -> c.id().equals("capaciteit"));
    if (result.outcome() != Outcome.ELIGIBLE && onlyCapacityFails) {
      throw new ResourceVersionConflictException(result.summary(),
          outcome(result.summary(), OperationOutcome.IssueType.CONFLICT));
    }
    if (result.outcome() != Outcome.ELIGIBLE) {
      throw new UnprocessableEntityException(ctx, outcome(result.summary(), OperationOutcome.IssueType.BUSINESSRULE));
    }
    EpisodeOfCare enrolment = new EpisodeOfCare();
    enrolment.getMeta().addProfile("https://fhir.geboorteketen.nl/StructureDefinition/gk-programme-enrolment");
    enrolment.setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
    enrolment.addType().addCoding().setSystem(EPISODE_TYPE).setCode(ENROLMENT)
        .setDisplay("Inschrijving in een ondersteuningsprogramma");
    enrolment.addType().addCoding().setSystem(system(programme)).setCode(programme.code()).setDisplay(programme.name());
    enrolment.setPatient(new Reference(ref));
    enrolment.getPeriod().setStart(new Date());
    var created = daos.getResourceDao(EpisodeOfCare.class).create(enrolment, new SystemRequestDetails());
    return (EpisodeOfCare) created.getResource();
  }

  Capacity capacity(Programme p, String motherRef) {
    if (p.capacity() == null) {
      return new Capacity(0, 0, false);
    }
    Set<String> enrolled = enrolledPatients(p);
    if (p.capacityFrom() == null) {
      return new Capacity(enrolled.size(), 0, false);
    }
    Set<String> inOther = table().find(p.capacityFrom().programme()).map(this::enrolledPatients).orElse(Set.of());
    int fromOther = (int) enrolled.stream().filter(inOther::contains).count();
    return new Capacity(enrolled.size(), fromOther, inOther.contains(motherRef));
  }

  /** Patients with an enrolment in the programme that was not cancelled or entered in error. */
  Set<String> enrolledPatients(Programme p) {
    SearchParameterMap map = SearchParameterMap.newSynchronous()
        .add(EpisodeOfCare.SP_TYPE, new TokenParam(EPISODE_TYPE, ENROLMENT))
        .add(EpisodeOfCare.SP_TYPE, new TokenParam(system(p), p.code()));
    return familyFacts.search(EpisodeOfCare.class, map).stream()
        .filter(e -> e.getStatus() != EpisodeOfCare.EpisodeOfCareStatus.CANCELLED
            && e.getStatus() != EpisodeOfCare.EpisodeOfCareStatus.ENTEREDINERROR)
        .map(e -> e.getPatient().getReferenceElement().toUnqualifiedVersionless().getValue())
        .collect(Collectors.toSet());
  }

  static String system(Programme p) {
    return p.system() == null || p.system().isBlank() ? PROGRAMME_SYSTEM : p.system();
  }

  private static String ref(Patient mother) {
    return "Patient/" + mother.getIdElement().getIdPart();
  }

  private static OperationOutcome outcome(String text, OperationOutcome.IssueType type) {
    OperationOutcome oo = new OperationOutcome();
    oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(text)
        .getDetails().setText(text);
    return oo;
  }
}
