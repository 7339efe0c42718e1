package nl.geboorteketen.mappings;

import java.util.List;

/**
 * Input a rule (the LIP, the own contribution) cannot work with: missing (400, every missing item
 * listed) or contradictory or out of bounds (422). Each problem names the input parameter it is about.
 */
public class RuleInputException extends RuntimeException {

  /** One problem: the parameter it concerns and what is wrong, in Dutch. */
  public record Problem(String parameter, String message) {}

  private final int status;
  private final List<Problem> problems;

  public RuleInputException(int status, List<Problem> problems) {
    super(problems.stream().map(Problem::message).reduce((a, b) -> a + "; " + b).orElse(""));
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  public int status() {
    return status;
  }

  public List<Problem> problems() {
    return problems;
  }
}
