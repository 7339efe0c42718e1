package nl.geboorteketen.server.programme;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.geboorteketen.mappings.eligibility.Fact;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import nl.geboorteketen.server.vulnerability.CurrentVulnerability;
import nl.geboorteketen.server.vulnerability.Latest;

/**
 * Collects the facts the programme criteria read from what the chain partners recorded about a
 * mother (see README for how each is recorded). Each fact says where it came from, or what is
 * missing.
 */
public class FamilyFacts {

  static final String SNOMED = "http://snomed.info/sct";
  static final String GK_OBS = "https://fhir.geboorteketen.nl/CodeSystem/gk-observation-code";
  static final String UZOVI = "http://fhir.nl/fhir/NamingSystem/uzovi";
  static final String CONSENT_CATEGORY = "https://fhir.geboorteketen.nl/CodeSystem/consent-category";
  static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

  private final DaoRegistry daos;

  public FamilyFacts(DaoRegistry daos) {
    this.daos = daos;
  }

  public Map<String, Fact> collect(Patient mother) {
    LocalDate today = LocalDate.now(NL);
    String ref = "Patient/" + mother.getIdElement().getIdPart();
    Map<String, Fact> facts = new HashMap<>();
    facts.put("ageYears", age(mother, ref, today));
    facts.put("municipality", municipality(mother, ref));
    facts.put("firstChild", firstChild(ref));
    facts.put("gestationalAgeWeeks", gestationalAge(ref, today));
    facts.put("educationLevel", codedObservation(ref, "opleidingsniveau", "opleidingsniveau"));
    facts.put("dutchLanguage", booleanObservation(ref, "beheerst-nederlands", "beheersing van de Nederlandse taal"));
    facts.put("motivated", booleanObservation(ref, "gemotiveerd-voor-steun", "of het gezin de steun accepteert en gemotiveerd is"));
    vulnerability(ref, facts);
    facts.put("insurerUzovi", insurer(ref));
    facts.put("kraamzorgProvider", kraamzorgProvider(ref));
    for (String category : List.of("prenataal-huisbezoek", "pilot-consultatie")) {
      facts.put("consent:" + category, consent(ref, category, today));
    }
    Fact child = youngestChildAge(ref, today);
    facts.put("childAgeDays", child);
    facts.put("childAgeDaysOrPregnant", child.known() ? child : pregnant(facts.get("gestationalAgeWeeks")));
    return facts;
  }

  private Fact age(Patient mother, String ref, LocalDate today) {
    if (!mother.hasBirthDate()) {
      return Fact.missing("de geboortedatum van de moeder (Patient.birthDate) ontbreekt");
    }
    LocalDate born = local(mother.getBirthDate());
    int years = Period.between(born, today).getYears();
    return Fact.of(years, years + " jaar, geboren " + born, ref);
  }

  private Fact municipality(Patient mother, String ref) {
    Optional<String> district = mother.getAddress().stream()
        .filter(a -> a.getUse() != Address.AddressUse.OLD && a.hasDistrict())
        .filter(a -> !a.hasPeriod() || !a.getPeriod().hasEnd() || a.getPeriod().getEnd().after(new Date()))
        .map(Address::getDistrict).findFirst();
    return district.map(d -> Fact.of(d, "gemeente " + d, ref))
        .orElseGet(() -> Fact.missing("de woongemeente (Patient.address.district) is niet vastgelegd"));
  }

  private Fact firstChild(String ref) {
    return latest(observations(ref, SNOMED, "364325004")).filter(Observation::hasValueIntegerType)
        .map(o -> {
          int parity = o.getValueIntegerType().getValue();
          return Fact.of(parity == 0, "pariteit " + parity, id(o));
        })
        .orElseGet(() -> Fact.missing("de pariteit (Observation SNOMED 364325004) is niet vastgelegd"));
  }

  private Fact gestationalAge(String ref, LocalDate today) {
    Optional<Observation> edd = latest(observations(ref, SNOMED, "161714006")).filter(Observation::hasValueDateTimeType);
    if (edd.isPresent()) {
      LocalDate due = local(edd.get().getValueDateTimeType().getValue());
      long days = 280 - ChronoUnit.DAYS.between(today, due);
      long weeks = Math.floorDiv(days, 7);
      return Fact.of(weeks, weeks + " weken zwanger (a terme datum " + due + ")", id(edd.get()));
    }
    Optional<Observation> ga = latest(observations(ref, SNOMED, "57036006")).filter(Observation::hasValueQuantity);
    if (ga.isPresent() && ga.get().hasEffectiveDateTimeType()) {
      var q = ga.get().getValueQuantity();
      double atDays = "d".equals(q.getCode()) ? q.getValue().doubleValue() : q.getValue().doubleValue() * 7;
      long days = (long) atDays + ChronoUnit.DAYS.between(local(ga.get().getEffectiveDateTimeType().getValue()), today);
      long weeks = Math.floorDiv(days, 7);
      return Fact.of(weeks, weeks + " weken zwanger (zwangerschapsduur gemeten op "
          + ga.get().getEffectiveDateTimeType().asStringValue() + ")", id(ga.get()));
    }
    return Fact.missing("de a terme datum (SNOMED 161714006) of zwangerschapsduur (SNOMED 57036006) is niet vastgelegd");
  }

  private Fact codedObservation(String ref, String code, String what) {
    return latest(observations(ref, GK_OBS, code)).filter(Observation::hasValueCodeableConcept)
        .map(o -> {
          var coding = o.getValueCodeableConcept().getCodingFirstRep();
          String display = coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
          return Fact.of(coding.getCode(), what + " " + display, id(o));
        })
        .orElseGet(() -> Fact.missing("het " + what + " (Observation gk-observation-code#" + code + ") is niet vastgelegd"));
  }

  private Fact booleanObservation(String ref, String code, String what) {
    return latest(observations(ref, GK_OBS, code)).filter(Observation::hasValueBooleanType)
        .map(o -> Fact.of(o.getValueBooleanType().getValue(), what + ": " + (o.getValueBooleanType().getValue() ? "ja" : "nee"), id(o)))
        .orElseGet(() -> Fact.missing(what + " (Observation gk-observation-code#" + code + ") is niet vastgelegd"));
  }

  private void vulnerability(String ref, Map<String, Fact> facts) {
    Optional<Observation> current = CurrentVulnerability.of(observations(ref, GK_OBS, "kwetsbaarheid"));
    if (current.isEmpty()) {
      String missing = "er is geen inschatting van de kwetsbaarheid (gk-vulnerability) vastgelegd";
      facts.put("vulnerabilityCategory", Fact.missing(missing));
      facts.put("riskFactorCount", Fact.missing(missing));
      return;
    }
    Observation o = current.get();
    String category = o.getValueCodeableConcept().getCodingFirstRep().getCode();
    String when = o.hasEffectiveDateTimeType() ? o.getEffectiveDateTimeType().asStringValue() : "?";
    facts.put("vulnerabilityCategory", Fact.of(category, "categorie " + category + ", ingeschat op " + when, id(o)));
    List<String> risks = o.getComponent().stream()
        .filter(c -> c.getCode().hasCoding(GK_OBS, "risicofactor") && c.hasValueCodeableConcept())
        .map(c -> c.getValueCodeableConcept().getCodingFirstRep())
        .map(c -> c.hasDisplay() ? c.getDisplay() : c.getCode()).toList();
    facts.put("riskFactorCount", Fact.of(risks.size(), risks.isEmpty() ? "geen risicofactoren"
        : "risicofactoren: " + String.join(", ", risks), id(o)));
  }

  private Fact insurer(String ref) {
    SearchParameterMap map = SearchParameterMap.newSynchronous()
        .add(Coverage.SP_BENEFICIARY, new ReferenceParam(ref))
        .add(Coverage.SP_STATUS, new TokenParam("active"));
    Set<String> uzovi = new LinkedHashSet<>();
    List<String> sources = new ArrayList<>();
    for (Coverage coverage : search(Coverage.class, map)) {
      for (Reference payor : coverage.getPayor()) {
        identifiers(payor).stream().filter(i -> UZOVI.equals(i.getSystem())).forEach(i -> uzovi.add(i.getValue()));
      }
      sources.add(id(coverage));
    }
    if (uzovi.isEmpty()) {
      return Fact.missing("er is geen actieve Coverage met een verzekeraar met UZOVI-nummer vastgelegd");
    }
    return Fact.of(uzovi, "UZOVI " + String.join(", ", uzovi), sources);
  }

  private Fact kraamzorgProvider(String ref) {
    Set<String> ids = new LinkedHashSet<>();
    List<String> sources = new ArrayList<>();
    SearchParameterMap indications = SearchParameterMap.newSynchronous()
        .add(ServiceRequest.SP_SUBJECT, new ReferenceParam(ref))
        .add(ServiceRequest.SP_CODE, new TokenParam(SNOMED, "160631000146109"))
        .add(ServiceRequest.SP_STATUS, new TokenParam("active"));
    for (ServiceRequest sr : search(ServiceRequest.class, indications)) {
      sr.getPerformer().forEach(p -> identifiers(p).forEach(i -> ids.add(i.getSystem() + "|" + i.getValue())));
      sources.add(id(sr));
    }
    SearchParameterMap teams = SearchParameterMap.newSynchronous().add(CareTeam.SP_SUBJECT, new ReferenceParam(ref));
    for (CareTeam team : search(CareTeam.class, teams)) {
      if (team.getStatus() != CareTeam.CareTeamStatus.ACTIVE) {
        continue;
      }
      for (var participant : team.getParticipant()) {
        organization(participant.getMember()).filter(FamilyFacts::isKraamzorg).ifPresent(org -> {
          org.getIdentifier().forEach(i -> ids.add(i.getSystem() + "|" + i.getValue()));
          sources.add(id(team));
        });
      }
    }
    if (ids.isEmpty()) {
      return Fact.missing("er is geen kraamzorgorganisatie bekend (kraamzorgindicatie of netwerkpartner kraamzorg)");
    }
    return Fact.of(ids, "kraamzorgorganisatie " + String.join(", ", ids), sources.stream().distinct().toList());
  }

  private static boolean isKraamzorg(Organization org) {
    return org.getType().stream().anyMatch(t -> t.getCoding().stream().anyMatch(c -> "K4".equals(c.getCode())));
  }

  private Fact consent(String ref, String category, LocalDate today) {
    SearchParameterMap map = SearchParameterMap.newSynchronous().add(Consent.SP_PATIENT, new ReferenceParam(ref));
    List<Consent> relevant = search(Consent.class, map).stream()
        .filter(c -> c.getCategory().stream().anyMatch(cc -> cc.hasCoding(CONSENT_CATEGORY, category)))
        .filter(c -> !c.getProvision().hasPeriod() || covers(c.getProvision().getPeriod(), today))
        .sorted(Comparator.comparing((Consent c) -> c.hasDateTime() ? c.getDateTime() : new Date(0)).reversed())
        .toList();
    for (Consent c : relevant) {
      boolean permit = c.getProvision().getType() != Consent.ConsentProvisionType.DENY;
      if (c.getStatus() == Consent.ConsentState.ACTIVE) {
        return Fact.of(permit, permit ? "toestemming gegeven" : "toestemming geweigerd", id(c));
      }
      if (c.getStatus() == Consent.ConsentState.REJECTED || c.getStatus() == Consent.ConsentState.INACTIVE) {
        return Fact.of(false, "toestemming geweigerd of ingetrokken", id(c));
      }
    }
    return Fact.missing("er is geen toestemming (Consent categorie " + category + ") vastgelegd");
  }

  private static boolean covers(org.hl7.fhir.r4.model.Period period, LocalDate today) {
    Date now = new Date();
    return (!period.hasStart() || !period.getStart().after(now)) && (!period.hasEnd() || !period.getEnd().before(now));
  }

  private Fact youngestChildAge(String ref, LocalDate today) {
    SearchParameterMap map = SearchParameterMap.newSynchronous().add("related-patient", new ReferenceParam(ref));
    Optional<Patient> youngest = search(RelatedPerson.class, map).stream()
        .map(rp -> read(Patient.class, rp.getPatient()))
        .flatMap(Optional::stream)
        .filter(Patient::hasBirthDate)
        .max(Comparator.comparing(Patient::getBirthDate));
    return youngest.map(child -> {
      LocalDate born = local(child.getBirthDate());
      long days = ChronoUnit.DAYS.between(born, today);
      return Fact.of(days, "kind geboren " + born + ", " + days + " dagen oud", id(child));
    }).orElseGet(() -> Fact.missing("er is (nog) geen kind van deze moeder vastgelegd (RelatedPerson gk-mother)"));
  }

  private static Fact pregnant(Fact gestationalAge) {
    if (gestationalAge.known() && ((Number) gestationalAge.value()).longValue() <= 43) {
      return Fact.of(0, "zwanger, " + gestationalAge.display(), gestationalAge.sources());
    }
    return Fact.missing("er is geen kind en geen lopende zwangerschap vastgelegd");
  }

  private List<Observation> observations(String ref, String system, String code) {
    SearchParameterMap map = SearchParameterMap.newSynchronous()
        .add(Observation.SP_SUBJECT, new ReferenceParam(ref))
        .add(Observation.SP_CODE, new TokenParam(system, code));
    return search(Observation.class, map).stream()
        .filter(o -> o.getStatus() != Observation.ObservationStatus.ENTEREDINERROR
            && o.getStatus() != Observation.ObservationStatus.CANCELLED)
        .toList();
  }

  private static Optional<Observation> latest(List<Observation> observations) {
    return Latest.of(observations);
  }

  private List<Identifier> identifiers(Reference ref) {
    if (ref.hasIdentifier()) {
      return List.of(ref.getIdentifier());
    }
    return organization(ref).map(Organization::getIdentifier).orElse(List.of());
  }

  private Optional<Organization> organization(Reference ref) {
    if (ref == null || !ref.hasReference() || !ref.getReference().startsWith("Organization/")) {
      return Optional.empty();
    }
    return read(Organization.class, ref);
  }

  private <T extends Resource> Optional<T> read(Class<T> type, Reference ref) {
    if (ref == null || !ref.hasReference()) {
      return Optional.empty();
    }
    try {
      return Optional.of(daos.getResourceDao(type).read(ref.getReferenceElement().toUnqualifiedVersionless(),
          new SystemRequestDetails()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  <T extends IBaseResource> List<T> search(Class<T> type, SearchParameterMap map) {
    var bundle = daos.getResourceDao(type).search(map, new SystemRequestDetails());
    Integer size = bundle.size();
    return bundle.getResources(0, size == null ? 1000 : size).stream().map(type::cast).toList();
  }

  static String id(Resource r) {
    return r.fhirType() + "/" + r.getIdElement().getIdPart();
  }

  static LocalDate local(Date date) {
    return date.toInstant().atZone(NL).toLocalDate();
  }
}
