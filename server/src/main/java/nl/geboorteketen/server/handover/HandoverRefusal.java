package nl.geboorteketen.server.handover;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** A refused handover: 422 with one issue per problem, each pointing at what the client can fix. */
final class HandoverRefusal {

  record Issue(IssueType code, String expression, String diagnostics) {}

  private HandoverRefusal() {}

  static UnprocessableEntityException of(FhirContext ctx, List<Issue> issues) {
    OperationOutcome oo = new OperationOutcome();
    for (Issue i : issues) {
      oo.addIssue().setSeverity(IssueSeverity.ERROR).setCode(i.code()).setDiagnostics(i.diagnostics())
          .addExpression(i.expression());
    }
    return new UnprocessableEntityException(ctx, oo);
  }

  static UnprocessableEntityException of(FhirContext ctx, IssueType code, String expression, String diagnostics) {
    return of(ctx, List.of(new Issue(code, expression, diagnostics)));
  }
}
