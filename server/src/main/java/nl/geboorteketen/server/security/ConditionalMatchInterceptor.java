package nl.geboorteketen.server.security;

import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import nl.geboorteketen.server.web.IssueCodeInterceptor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What a failed conditional interaction tells a partner or a PGO about the records its condition
 * matched. HAPI fails a condition that matches several records (412) before any write hook, with
 * their number. A create, update or patch condition that also matched another family's record gets
 * the gate's refusal instead, as when it matched only that record; a conditional delete, whose match
 * HAPI counts without showing the records to any hook, gets a 412 without the number, also in a
 * batch. The beheerder keeps HAPI's answer.
 */
@Interceptor
public class ConditionalMatchInterceptor {

  private static final String SEVERAL_MATCHED = Msg.code(962);
  static final String SEVERAL = "De voorwaarde van deze verwijdering past op meer dan één resource; er is niets "
      + "verwijderd. Maak de voorwaarde nauwer, bijvoorbeeld met _id.";

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException answer(RequestDetails request, Throwable thrown) {
    if (request == null || thrown instanceof ForbiddenOperationException) {
      return null;
    }
    if (request.getUserData().containsKey(WriteGate.FOREIGN_MATCH)) {
      return IssueCodeInterceptor.classified(WriteGate.foreignMatch());
    }
    if (countHidden(request) && thrown instanceof PreconditionFailedException
        && thrown.getMessage().startsWith(SEVERAL_MATCHED)) {
      return IssueCodeInterceptor.classified(new PreconditionFailedException(SEVERAL));
    }
    return null;
  }

  /** A batch answers each entry's failure inside its own answer, past the hook above. */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean batchEntries(RequestDetails request, IBaseResource response) {
    if (countHidden(request) && response instanceof Bundle bundle
        && bundle.getType() == Bundle.BundleType.BATCHRESPONSE) {
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        if (entry.getResponse().getOutcome() instanceof OperationOutcome oo && oo.getIssue().stream()
            .anyMatch(i -> i.getDiagnostics() != null && i.getDiagnostics().startsWith(SEVERAL_MATCHED))) {
          entry.getResponse().setOutcome((OperationOutcome) IssueCodeInterceptor
              .classified(new PreconditionFailedException(SEVERAL)).getOperationOutcome());
        }
      }
    }
    return true;
  }

  private static boolean countHidden(RequestDetails request) {
    Caller caller = AuthenticationInterceptor.caller(request);
    return caller != null && !caller.isBeheerder();
  }
}
