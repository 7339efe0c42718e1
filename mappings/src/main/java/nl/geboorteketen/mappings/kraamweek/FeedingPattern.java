package nl.geboorteketen.mappings.kraamweek;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;

/**
 * How a child is fed, in the shape of nl-core-FeedingPatternInfant: an Observation with SNOMED
 * 289145007 whose feeding type (breast milk, formula, expressed breast milk) sits in the component
 * with SNOMED 109021000146107. Pure.
 */
public final class FeedingPattern {

  public static final String SNOMED = "http://snomed.info/sct";
  public static final String CODE = "289145007";
  public static final String FEEDING_TYPE_COMPONENT = "109021000146107";

  private FeedingPattern() {}

  public static boolean isFeedingPattern(Observation o) {
    return has(o.getCode(), CODE);
  }

  /** The feeding type of a feeding pattern observation, if it holds one. */
  public static Optional<CodeableConcept> feedingType(Observation o) {
    if (!isFeedingPattern(o)) {
      return Optional.empty();
    }
    return o.getComponent().stream()
        .filter(c -> has(c.getCode(), FEEDING_TYPE_COMPONENT) && c.hasValueCodeableConcept())
        .map(Observation.ObservationComponentComponent::getValueCodeableConcept)
        .findFirst();
  }

  /** A feeding pattern observation with this feeding type, the way our profile gk-feeding-type wants it. */
  public static Observation withFeedingType(Observation o, Coding type) {
    o.setCode(new CodeableConcept().addCoding(new Coding(SNOMED, CODE, "Feeding pattern of infant")));
    o.addComponent().setCode(new CodeableConcept().addCoding(new Coding(SNOMED, FEEDING_TYPE_COMPONENT, "Feeding type")))
        .setValue(new CodeableConcept().addCoding(type));
    return o;
  }

  private static boolean has(CodeableConcept cc, String code) {
    return cc.getCoding().stream().anyMatch(c -> SNOMED.equals(c.getSystem()) && code.equals(c.getCode()));
  }
}
