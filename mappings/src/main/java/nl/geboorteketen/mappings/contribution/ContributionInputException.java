package nl.geboorteketen.mappings.contribution;

import java.util.List;

/**
 * Input the own contribution cannot be computed from: missing (400) or out of range, or a year
 * the rate table does not reach (422). Each problem names the input parameter it is about.
 */
public class ContributionInputException extends RuntimeException {

  /** One problem: the parameter it concerns and what is wrong, in Dutch. */
  public record Problem(String parameter, String message) {}

  private final int status;
  private final List<Problem> problems;

  public ContributionInputException(int status, List<Problem> problems) {
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
