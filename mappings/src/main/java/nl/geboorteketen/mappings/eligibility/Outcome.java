package nl.geboorteketen.mappings.eligibility;

/** The outcome of a criterion or a programme, with its code and its Dutch wording. */
public enum Outcome {
  ELIGIBLE("eligible", "komt in aanmerking", "voldaan"),
  NOT_ELIGIBLE("not-eligible", "komt niet in aanmerking", "niet voldaan"),
  UNKNOWN("unknown", "onbekend: gegevens ontbreken", "onbekend");

  private final String code;
  private final String programmeText;
  private final String criterionText;

  Outcome(String code, String programmeText, String criterionText) {
    this.code = code;
    this.programmeText = programmeText;
    this.criterionText = criterionText;
  }

  public String code() {
    return code;
  }

  public String programmeText() {
    return programmeText;
  }

  public String criterionText() {
    return criterionText;
  }
}
