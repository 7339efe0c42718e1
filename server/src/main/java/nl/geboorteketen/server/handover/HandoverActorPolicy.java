package nl.geboorteketen.server.handover;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Task;

/**
 * Who may change the status of a handover Task. The security feature installs one that compares the
 * caller's organisation (token claim gk_org) with {@code before.getOwner()} for accepted / rejected /
 * completed and with {@code before.getRequester()} for cancelled, and throws ForbiddenOperationException (403).
 */
@FunctionalInterface
public interface HandoverActorPolicy {

  HandoverActorPolicy ANYONE = (before, after, request) -> { };

  void check(Task before, Task after, RequestDetails request);
}
