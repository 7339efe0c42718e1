package nl.geboorteketen.mappings.izk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.geboorteketen.mappings.izk.IzkTable.PregnancyRule;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * Our pregnancy is an Observation (zib2020); the IZK's is a {@code zib-Pregnancy} Condition (zib2017).
 * The view shows ours as that Condition under the same id. It is made an R4 Condition first, so the
 * rest of the view (context, roles, displays, profiles) treats it like any other Condition. A Condition
 * search also finds our pregnancies; an Observation search no longer does ({@link PregnancyMembers}).
 * Pure: no storage, no HTTP.
 */
public final class Pregnancies {

  static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

  private final PregnancyRule rule;

  public Pregnancies(IzkTable table) {
    this.rule = table.pregnancy();
  }

  public boolean isPregnancy(Resource record) {
    return record instanceof Observation o && o.getCode().getCoding().stream()
        .anyMatch(c -> rule.system().equals(c.getSystem()) && rule.code().equals(c.getCode()));
  }

  /** The pregnancy as the IZK's Condition, if the record is one of ours. */
  public Optional<Condition> asCondition(Resource record) {
    return isPregnancy(record) ? Optional.of(condition((Observation) record)) : Optional.empty();
  }

  private Condition condition(Observation o) {
    Condition c = new Condition();
    c.setId(o.getIdElement().getIdPart());
    c.setMeta(o.getMeta().copy());
    // every pregnancy is held to our profile (chosen by its code), also one written without claiming it
    if (rule.profile() != null && !c.getMeta().hasProfile(rule.profile())) {
      c.getMeta().addProfile(rule.profile());
    }
    if (o.hasText()) {
      c.setText(o.getText().copy());
    }
    o.getExtension().forEach(e -> c.addExtension(e.copy()));
    o.getIdentifier().forEach(i -> c.addIdentifier(i.copy()));
    c.setCode(o.getCode().copy());
    c.setSubject(o.getSubject().copy());
    if (o.hasEncounter()) {
      c.setEncounter(o.getEncounter().copy());
    }
    String verification = rule.verificationStatus().get(o.getStatus() == null ? "" : o.getStatus().toCode());
    if (verification != null) {
      c.setVerificationStatus(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(VERIFICATION, verification, null)));
    }
    boolean ended = o.hasEffectivePeriod() && o.getEffectivePeriod().hasEnd();
    // FHIR: a Condition entered in error has no clinical status
    if (!"entered-in-error".equals(verification)) {
      c.setClinicalStatus(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(CLINICAL,
          rule.clinicalStatus().get(ended ? "ended" : "ongoing"), null)));
    }
    if (o.hasEffectiveDateTimeType()) {
      c.setRecordedDateElement(o.getEffectiveDateTimeType().copy());
    } else if (o.hasEffectivePeriod()) {
      if (o.getEffectivePeriod().hasStart()) {
        c.setOnset(o.getEffectivePeriod().getStartElement().copy());
      }
      if (ended) {
        c.setAbatement(o.getEffectivePeriod().getEndElement().copy());
      }
    }
    if (o.hasPerformer()) {
      c.setAsserter(o.getPerformerFirstRep().copy());
    }
    o.getNote().forEach(n -> c.addNote(n.copy()));
    return c;
  }

  /**
   * The Observation search that finds the pregnancies a Condition search asks for: the same
   * parameters but those only a Condition has, and the pregnancy's code.
   */
  public Stu3Search.R4Search observationSearch(Stu3Search.R4Search conditions) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    conditions.parameters().forEach((name, values) -> {
      if (!rule.conditionOnlyParameters().contains(baseName(name))) {
        params.put(name, new ArrayList<>(values));
      }
    });
    params.computeIfAbsent("code", k -> new ArrayList<>()).add(token());
    return new Stu3Search.R4Search("Observation", params);
  }

  /**
   * The Condition answer with the pregnancies the Observation answer found, as Conditions, after the
   * Conditions themselves; the total counts them. A pregnancy whose id a Condition already has, or
   * whose clinical status the search does not ask for, is left out.
   */
  public Bundle merge(Bundle conditions, Bundle observations, Stu3Search.R4Search conditionSearch) {
    Set<String> ids = new HashSet<>();
    conditions.getEntry().forEach(e -> {
      if (e.getResource() instanceof Condition c) {
        ids.add(c.getIdElement().getIdPart());
      }
    });
    int added = 0;
    int insertAt = (int) conditions.getEntry().stream()
        .takeWhile(e -> e.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE).count();
    for (Bundle.BundleEntryComponent e : observations.getEntry()) {
      if (e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE || e.getResource() == null) {
        continue;
      }
      Optional<Condition> condition = asCondition(e.getResource());
      if (condition.isEmpty() || !ids.add(condition.get().getIdElement().getIdPart())
          || !statusAsked(condition.get(), conditionSearch.parameters())) {
        continue;
      }
      Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent()
          .setFullUrl(asConditionUrl(e.getFullUrl(), condition.get().getIdElement().getIdPart()))
          .setResource(condition.get());
      entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
      conditions.getEntry().add(insertAt + added, entry);
      added++;
    }
    if (conditions.hasTotal()) {
      conditions.setTotal(conditions.getTotal() + added);
    }
    return conditions;
  }

  /**
   * Whether the search's clinical-status parameters, each a comma list, take this Condition. With a
   * modifier other than {@code :not} it is left out: a view must not widen a search.
   */
  private static boolean statusAsked(Condition c, Map<String, List<String>> params) {
    for (Map.Entry<String, List<String>> p : params.entrySet()) {
      if (!baseName(p.getKey()).equals("clinical-status")) {
        continue;
      }
      boolean not = p.getKey().equals("clinical-status:not");
      if (!not && !p.getKey().equals("clinical-status")) {
        return false;
      }
      for (String value : p.getValue()) {
        if (hasStatus(c, List.of(value.split(","))) == not) {
          return false;
        }
      }
    }
    return true;
  }

  /** STU3's clinical status is a bare code, so a system the client puts before it is not compared. */
  private static boolean hasStatus(Condition c, List<String> anyOf) {
    return c.getClinicalStatus().getCoding().stream().anyMatch(coding -> anyOf.stream()
        .map(asked -> asked.substring(asked.indexOf('|') + 1)).anyMatch(coding.getCode()::equals));
  }

  private static String asConditionUrl(String fullUrl, String id) {
    String tail = "Observation/" + id;
    return fullUrl != null && fullUrl.endsWith(tail)
        ? fullUrl.substring(0, fullUrl.length() - tail.length()) + "Condition/" + id : "Condition/" + id;
  }

  /** The pregnancy's code as a search token. */
  String token() {
    return rule.system() + "|" + rule.code();
  }

  private static String baseName(String parameter) {
    int colon = parameter.indexOf(':');
    return colon < 0 ? parameter : parameter.substring(0, colon);
  }
}
