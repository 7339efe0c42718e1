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
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What a failed conditional interaction tells a partner or a PGO about the records its condition
 * matched. HAPI fails a condition that matches several records (412) before any write hook, with
 * their number. One whose match HAPI showed to the family filter, and that matched another family's
 * record, gets the gate's refusal, as when it matched only that record. Any other gets a 412 without
 * the number, also as a batch entry: a delete's matches, and a batch entry's, reach no hook. The
 * beheerder keeps HAPI's answer.
 */
@Interceptor
public class ConditionalMatchInterceptor {

  /** HAPI's failures of a conditional create, delete, patch and update that matched several records. */
  private static final List<String> SEVERAL_MATCHED = List.of(Msg.code(958), Msg.code(962), Msg.code(972),
      Msg.code(988));
  static final String SEVERAL = "De voorwaarde van deze aanvraag past op meer dan één resource; er is niets "
      + "geschreven. Maak de voorwaarde nauwer, bijvoorbeeld met _id.";

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException answer(RequestDetails request, Throwable thrown) {
    if (request == null || thrown instanceof ForbiddenOperationException) {
      return null;
    }
    if (WriteGate.foreignMatched(request)) {
      return IssueCodeInterceptor.classified(WriteGate.foreignMatch());
    }
    if (countHidden(request) && thrown instanceof PreconditionFailedException
        && severalMatched(thrown.getMessage())) {
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
            .anyMatch(i -> severalMatched(i.getDiagnostics()))) {
          entry.getResponse().setOutcome((OperationOutcome) IssueCodeInterceptor
              .classified(new PreconditionFailedException(SEVERAL)).getOperationOutcome());
        }
      }
    }
    return true;
  }

  private static boolean severalMatched(String message) {
    return message != null && SEVERAL_MATCHED.stream().anyMatch(message::startsWith);
  }

  private static boolean countHidden(RequestDetails request) {
    Caller caller = AuthenticationInterceptor.caller(request);
    return caller != null && !caller.isBeheerder();
  }
}
