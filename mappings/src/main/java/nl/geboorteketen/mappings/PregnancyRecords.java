package nl.geboorteketen.mappings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.geboorteketen.mappings.overdracht.HandoverDocumentBuilder;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The pregnancy key read from our records: the woman's birth date and the dating members (known
 * conception date, LMP, EDD) of her pregnancy observation, which points at its maternal record.
 * One reading for both places the server fills the key in: a transaction bundle that holds the whole
 * pregnancy, before it is stored, and after any other commit, from the store. A pregnancy written
 * through the MedMij IZK endpoint is a {@code zib-Pregnancy} Condition instead; its dating members
 * point at it by {@code focus}, and the same key follows from them.
 */
public final class PregnancyRecords {

  static final String SNOMED = "http://snomed.info/sct";
  static final String PREGNANCY = "118185001";
  static final String EDD = "161714006";
  static final String LMP = "21840007";
  static final String CONCEPTION_DATE = "conception-date";
  static final String MATERNAL_RECORD_EXT = HandoverDocumentBuilder.MATERNAL_RECORD_EXT;
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private PregnancyRecords() {}

  public static boolean isPregnancy(Observation obs) {
    return isPregnancy(obs.getCode());
  }

  /** The IZK's pregnancy (zib2017 {@code zib-Pregnancy}), stored as it was written. */
  public static boolean isPregnancy(Condition condition) {
    return isPregnancy(condition.getCode());
  }

  private static boolean isPregnancy(CodeableConcept code) {
    return code.getCoding().stream().anyMatch(c -> SNOMED.equals(c.getSystem()) && PREGNANCY.equals(c.getCode()));
  }

  /** A known conception date, LMP or EDD: what the key is computed from. */
  public static boolean isDating(Observation obs) {
    return hasCode(obs, EDD) || hasCode(obs, LMP) || hasCode(obs, CONCEPTION_DATE);
  }

  /** The Condition ({@code Condition/id}) a dating observation points at by {@code focus}, if any. */
  public static Optional<String> focusedCondition(Observation obs) {
    if (!isDating(obs)) {
      return Optional.empty();
    }
    return obs.getFocus().stream().filter(Reference::hasReference).map(r -> new IdType(r.getReference()))
        .filter(id -> "Condition".equals(id.getResourceType()) && id.hasIdPart())
        .map(id -> "Condition/" + id.getIdPart()).findFirst();
  }

  /** The reference to the maternal record the record belongs to, as written. */
  public static Optional<String> maternalRecord(DomainResource obs) {
    Extension ext = obs.getExtensionByUrl(MATERNAL_RECORD_EXT);
    return ext != null && ext.getValue() instanceof Reference ref && ref.hasReference()
        ? Optional.of(ref.getReference()) : Optional.empty();
  }

  public static boolean hasKey(EpisodeOfCare record) {
    return record.getIdentifier().stream().anyMatch(i -> PregnancyKey.SYSTEM.equals(i.getSystem()));
  }

  /**
   * An update of a maternal record that leaves the key out keeps the stored one: the key is the
   * server's, and a partner that writes back the record as it knows it (without the key, or before it
   * was added) must not remove it. A key the update does carry is the client's and stays as sent.
   * Returns whether the key was carried over.
   */
  public static boolean keepKey(EpisodeOfCare previous, EpisodeOfCare update) {
    if (previous == null || hasKey(update)) {
      return false;
    }
    List<org.hl7.fhir.r4.model.Identifier> keys = previous.getIdentifier().stream()
        .filter(i -> PregnancyKey.SYSTEM.equals(i.getSystem())).toList();
    keys.forEach(k -> update.addIdentifier(k.copy()));
    return !keys.isEmpty();
  }

  /** The key from the woman and the members of her pregnancy observation (any order). */
  public static Optional<Long> key(Patient woman, List<Observation> members) {
    LocalDate conception = null;
    LocalDate lmp = null;
    LocalDate edd = null;
    for (Observation m : members) {
      LocalDate date = m.getValue() instanceof DateTimeType dt ? local(dt.getValue()) : null;
      if (hasCode(m, EDD)) edd = date;
      else if (hasCode(m, LMP)) lmp = date;
      else if (hasCode(m, CONCEPTION_DATE)) conception = date;
    }
    return PregnancyKey.compute(local(woman.getBirthDate()), conception, lmp, edd);
  }

  /**
   * Puts the key on each maternal record this transaction creates (POST, no key of its own) when the
   * bundle also holds its one pregnancy observation, that observation's woman and every member: the
   * key then depends on nothing outside the bundle, and the whole bundle is stored or nothing is.
   * Returns the fullUrls of the records given a key; any other record is left to the after-commit path.
   */
  public static List<String> assignInTransaction(Bundle bundle) {
    List<String> assigned = new ArrayList<>();
    if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
      return assigned;
    }
    Map<String, Resource> byFullUrl = new HashMap<>();
    bundle.getEntry().stream().filter(e -> e.hasFullUrl() && e.getResource() != null)
        .forEach(e -> byFullUrl.put(e.getFullUrl(), e.getResource()));
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getRequest().getMethod() == Bundle.HTTPVerb.POST && entry.hasFullUrl()
          && entry.getResource() instanceof EpisodeOfCare record && !hasKey(record)) {
        keyFromBundle(entry.getFullUrl(), bundle, byFullUrl).ifPresent(key -> {
          record.addIdentifier().setSystem(PregnancyKey.SYSTEM).setValue(String.valueOf(key));
          assigned.add(entry.getFullUrl());
        });
      }
    }
    return assigned;
  }

  private static Optional<Long> keyFromBundle(String recordUrl, Bundle bundle, Map<String, Resource> byFullUrl) {
    List<Observation> pregnancies = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> r instanceof Observation o && isPregnancy(o) && maternalRecord(o).filter(recordUrl::equals).isPresent())
        .map(Observation.class::cast).toList();
    if (pregnancies.size() != 1) {
      return Optional.empty();
    }
    Observation pregnancy = pregnancies.get(0);
    if (!(byFullUrl.get(pregnancy.getSubject().getReference()) instanceof Patient woman)) {
      return Optional.empty();
    }
    List<Observation> members = new ArrayList<>();
    for (Reference member : pregnancy.getHasMember()) {
      if (!(byFullUrl.get(member.getReference()) instanceof Observation m)) {
        return Optional.empty();
      }
      members.add(m);
    }
    return key(woman, members);
  }

  private static boolean hasCode(Observation obs, String code) {
    return obs.getCode().getCoding().stream().anyMatch(c -> code.equals(c.getCode()));
  }

  private static LocalDate local(Date date) {
    return date == null ? null : date.toInstant().atZone(AMSTERDAM).toLocalDate();
  }
}
