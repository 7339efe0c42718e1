package nl.geboorteketen.server.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Client mistakes as OperationOutcomes: one issue per problem, naming the parameter or element. */
public final class Problems {

  /** One problem: the element or parameter it is about, and what to do, in words a person acts on. */
  public record Problem(String expression, String message) {}

  private Problems() {}

  /** 400 for missing input ({@code required}), 404 for an unknown target, otherwise 422 ({@code business-rule}). */
  public static BaseServerResponseException of(int status, List<Problem> problems) {
    return of(status, status == 400 ? OperationOutcome.IssueType.REQUIRED
        : status == 404 ? OperationOutcome.IssueType.NOTFOUND : OperationOutcome.IssueType.BUSINESSRULE, problems);
  }

  /** As {@link #of(int, List)}, with the issue type that says what kind of wrong it is. */
  public static BaseServerResponseException of(int status, OperationOutcome.IssueType type, List<Problem> problems) {
    OperationOutcome oo = new OperationOutcome();
    for (Problem p : problems) {
      OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(type)
          .setDiagnostics(p.message());
      if (p.expression() != null) {
        issue.addExpression(p.expression());
      }
    }
    String summary = String.join("; ", problems.stream().map(Problem::message).toList());
    return switch (status) {
      case 400 -> new InvalidRequestException(summary, oo);
      case 404 -> new ResourceNotFoundException(summary, oo);
      default -> new UnprocessableEntityException(summary, oo);
    };
  }

  public static BaseServerResponseException of(int status, String expression, String message) {
    return of(status, List.of(new Problem(expression, message)));
  }

  public static BaseServerResponseException of(int status, OperationOutcome.IssueType type, String expression,
      String message) {
    return of(status, type, List.of(new Problem(expression, message)));
  }
}
