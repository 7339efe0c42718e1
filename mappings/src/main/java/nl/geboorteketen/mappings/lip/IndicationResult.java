package nl.geboorteketen.mappings.lip;

import java.util.List;

/** The proposed (or confirmed) indication, with every rule that fired explained in Dutch. */
public record IndicationResult(
    String packageCode,
    String packageLabel,
    double totalHours,
    int careDays,
    List<Component> components,
    List<Double> schedule,
    List<Fired> rules,
    List<String> warnings,
    String intakeType,
    Digital digitalInstruction,
    String ruleTable,
    List<String> moreFactors,
    List<String> fewerFactors,
    String overrideReason) {

  /** One line of the breakdown; hours may be negative for a deduction. */
  public record Component(String code, String label, double hours) {}

  /** A rule of the table that determined the outcome, with its explanation. */
  public record Fired(String code, String explanation) {}

  /** Digital instruction: whether it is active and how many physical hours it replaces. */
  public record Digital(boolean active, double replacedHours, double physicalHours, String explanation) {}
}
