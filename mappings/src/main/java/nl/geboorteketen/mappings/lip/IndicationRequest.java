package nl.geboorteketen.mappings.lip;

import java.util.Set;

/**
 * What the LIP needs to know about one family. Null means "not given"; the calculator says which
 * of the required ones are missing.
 *
 * @param hospitalDays calendar days mother or child was admitted, admission to discharge inclusive
 * @param lyingInDays calendar days in a birth centre, admission to discharge inclusive
 * @param clientWishHours the hours the client wants when she wants less than the basis package
 * @param overrideHours hours the professional sets instead of the proposal (24–80, with a reason)
 * @param digitalInstructionHours physical hours of instruction replaced by digital instruction
 */
public record IndicationRequest(
    Boolean firstChild,
    Feeding feeding,
    Moment moment,
    Set<String> moreFactors,
    Set<String> fewerFactors,
    Integer hospitalDays,
    Integer lyingInDays,
    Double clientWishHours,
    Double overrideHours,
    String overrideReason,
    boolean homeIntakeIndicated,
    boolean digitalInstructionObjected,
    Double digitalInstructionHours) {

  public IndicationRequest {
    moreFactors = moreFactors == null ? Set.of() : Set.copyOf(moreFactors);
    fewerFactors = fewerFactors == null ? Set.of() : Set.copyOf(fewerFactors);
  }
}
