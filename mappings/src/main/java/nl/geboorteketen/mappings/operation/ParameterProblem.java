package nl.geboorteketen.mappings.operation;

/**
 * One thing wrong with an operation's input: the parameter it is about, what kind of wrong (a
 * stable machine code an integrator can match on) and a Dutch message a person can act on.
 */
public record ParameterProblem(String parameter, Kind kind, String message) {

  /** The kinds, each with its code in CodeSystem gk-issue and the FHIR issue type it maps to. */
  public enum Kind {
    UNKNOWN("parameter-onbekend", "not-supported"),
    MISSING("parameter-ontbreekt", "required"),
    TYPE("parameter-type", "value"),
    TOO_MANY("parameter-te-vaak", "structure"),
    TOO_LONG("parameter-te-lang", "too-long"),
    CODE("parameter-code", "code-invalid"),
    TARGET("parameter-verwijzing", "value"),
    POST_ONLY("parameter-alleen-post", "not-supported"),
    BODY("body-geen-parameters", "structure");

    private final String code;
    private final String issueType;

    Kind(String code, String issueType) {
      this.code = code;
      this.issueType = issueType;
    }

    public String code() {
      return code;
    }

    public String issueType() {
      return issueType;
    }
  }
}
