package nl.geboorteketen.server.indication;

import static nl.geboorteketen.server.indication.IndicationCodes.CONSENT_DIGITAL_INSTRUCTION;
import static nl.geboorteketen.server.indication.IndicationCodes.CS_FACTOR;
import static nl.geboorteketen.server.indication.IndicationCodes.INTENDED_FEEDING;
import static nl.geboorteketen.server.indication.IndicationCodes.PARITY;
import static nl.geboorteketen.server.indication.IndicationCodes.SNOMED;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import nl.geboorteketen.mappings.lip.Feeding;
import nl.geboorteketen.mappings.lip.IndicationRequest;
import nl.geboorteketen.mappings.lip.LipCalculator;
import nl.geboorteketen.mappings.lip.LipRules;
import nl.geboorteketen.server.fhir.Searches;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.geboorteketen.mappings.kraamweek.FeedingPattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Reads what the LIP needs from the records of one pregnancy: parity, (intended) feeding, the
 * LIP factors recorded as observations, hospital and lying-in days, the client's wish and her
 * objection to digital instruction. Each value read is reported, so the answer shows its basis.
 */
public class StoredInputsReader {

  /** SNOMED feeding codes and what they mean for the LIP. */
  private static final Map<String, Feeding> FEEDING = Map.of(
      "169643005", Feeding.BREAST, "169644004", Feeding.FORMULA,
      "226789007", Feeding.BREAST, "226790003", Feeding.BREAST, "386127005", Feeding.FORMULA);
  static final String LYING_IN_DAYS = "ligdagen-geboortecentrum";

  private final DaoRegistry daos;

  public StoredInputsReader(DaoRegistry daos) {
    this.daos = daos;
  }

  /** What is stored, as an (incomplete) request, plus the maternal record and its patient. */
  public record Stored(IndicationRequest request, EpisodeOfCare episode, List<String> used) {}

  public Stored read(IdType episodeId, LipRules rules, RequestDetails requestDetails) {
    EpisodeOfCare episode = daos.getResourceDao(EpisodeOfCare.class).read(episodeId.toUnqualifiedVersionless(), requestDetails);
    String record = "EpisodeOfCare/" + episode.getIdElement().getIdPart();
    List<String> used = new ArrayList<>();
    SearchParameterMap byRecord = SearchParameterMap.newSynchronous()
        .add("maternal-record", new ReferenceParam(record));
    List<Observation> observations = Searches.all(daos, Observation.class, byRecord).stream()
        .sorted(Comparator.comparing(o -> o.getMeta().getLastUpdated()))
        .toList();

    String hospitalCode = rules.fewerFactorWithEffect("hospital-days").map(LipRules.FewerFactor::code).orElse(null);
    String wishCode = rules.fewerFactorWithEffect("client-wish").map(LipRules.FewerFactor::code).orElse(null);
    Boolean firstChild = null;
    Feeding feeding = null;
    Set<String> more = new HashSet<>();
    Set<String> fewer = new HashSet<>();
    Integer hospitalDays = null;
    Integer lyingInDays = null;
    Double wish = null;
    for (Observation o : observations) {
      String ref = "Observation/" + o.getIdElement().getIdPart();
      if (has(o.getCode(), SNOMED, PARITY) && o.getValue() instanceof IntegerType parity) {
        firstChild = parity.getValue() == 0;
        used.add("Pariteit " + parity.getValue() + " (" + ref + "): " + (firstChild ? "eerste kind" : "volgend kind"));
      } else if (feedingValue(o) != null && feedingOf(feedingValue(o)) != null) {
        feeding = feedingOf(feedingValue(o));
        used.add("Voeding " + (feeding == Feeding.BREAST ? "borstvoeding" : "kunstvoeding") + " (" + ref + ")");
      } else {
        for (var coding : o.getCode().getCoding()) {
          if (!CS_FACTOR.equals(coding.getSystem())) {
            continue;
          }
          String code = coding.getCode();
          Double quantity = o.getValue() instanceof Quantity q && q.hasValue() ? q.getValue().doubleValue() : null;
          if (code.equals(hospitalCode)) {
            hospitalDays = quantity == null ? null : quantity.intValue();
          } else if (code.equals(LYING_IN_DAYS)) {
            lyingInDays = quantity == null ? null : quantity.intValue();
          } else {
            (rules.moreFactor(code).isPresent() ? more : fewer).add(code);
            if (code.equals(wishCode)) {
              wish = quantity;
            }
          }
          used.add("Factor " + code + (quantity == null ? "" : " " + LipCalculator.fmt(quantity)) + " (" + ref + ")");
        }
      }
    }
    if (hospitalDays != null && hospitalDays > 0 && hospitalCode != null) {
      fewer.add(hospitalCode);
    }
    boolean objected = digitalInstructionObjected(episode.getPatient().getReference(), requestDetails, used);
    IndicationRequest request = new IndicationRequest(firstChild, feeding, null, more, fewer, hospitalDays,
        lyingInDays, wish, null, null, false, objected, null);
    return new Stored(request, episode, used);
  }

  private boolean digitalInstructionObjected(String patient, RequestDetails requestDetails, List<String> used) {
    SearchParameterMap map = SearchParameterMap.newSynchronous()
        .add(Consent.SP_PATIENT, new ReferenceParam(patient))
        .add(Consent.SP_STATUS, new TokenParam("active"));
    for (Consent consent : Searches.all(daos, Consent.class, map)) {
      boolean aboutDigital = consent.getCategory().stream()
          .anyMatch(c -> has(c, IndicationCodes.CS_CONSENT_CATEGORY, CONSENT_DIGITAL_INSTRUCTION));
      if (aboutDigital && consent.getProvision().getType() == Consent.ConsentProvisionType.DENY) {
        used.add("Schriftelijk bezwaar tegen digitale instructie (Consent/" + consent.getIdElement().getIdPart() + ")");
        return true;
      }
    }
    return false;
  }

  /** The intended feeding's value, or the feeding type of an nl-core feeding pattern. */
  private static CodeableConcept feedingValue(Observation o) {
    if (has(o.getCode(), SNOMED, INTENDED_FEEDING)) {
      return o.getValue() instanceof CodeableConcept value ? value : null;
    }
    return FeedingPattern.feedingType(o).orElse(null);
  }

  private static Feeding feedingOf(CodeableConcept value) {
    return value.getCoding().stream().map(c -> FEEDING.get(c.getCode())).filter(f -> f != null).findFirst().orElse(null);
  }

  private static boolean has(CodeableConcept concept, String system, String code) {
    return concept.getCoding().stream().anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
  }
}
