package nl.geboorteketen.server.web;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * HAPI answers every refusal that brings no OperationOutcome of its own with issue code
 * {@code processing}. A client branches on the code, so a refusal says what kind it is: 401
 * {@code login}, 403 {@code forbidden}, 404 {@code not-found}, 409 / 412 {@code conflict}, and so on.
 * Outcomes that already exist (validation, our operations) keep their codes.
 */
@Interceptor
public class IssueCodeInterceptor {

  private static final Map<Integer, IssueType> BY_STATUS = Map.of(
      401, IssueType.LOGIN,
      403, IssueType.FORBIDDEN,
      404, IssueType.NOTFOUND,
      405, IssueType.NOTSUPPORTED,
      409, IssueType.CONFLICT,
      410, IssueType.DELETED,
      412, IssueType.CONFLICT,
      413, IssueType.TOOCOSTLY);

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException classify(Throwable thrown) {
    if (thrown instanceof BaseServerResponseException e) {
      classified(e);
    }
    return null;
  }

  /** For a hook that answers with an exception of its own, which the hooks after it no longer see. */
  public static <E extends BaseServerResponseException> E classified(E e) {
    IssueType code = BY_STATUS.get(e.getStatusCode());
    if (e.getOperationOutcome() == null && code != null) {
      OperationOutcome oo = new OperationOutcome();
      oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code).setDiagnostics(e.getMessage());
      e.setOperationOutcome(oo);
    }
    return e;
  }
}
