package nl.geboorteketen.server.handover;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import nl.geboorteketen.server.security.AuthenticationInterceptor;
import nl.geboorteketen.server.security.Caller;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

/** POST EpisodeOfCare/{id}/$overdracht (OperationDefinition/overdracht): parses, calls the service, answers. */
public class OverdrachtProvider {

  private final HandoverService service;

  public OverdrachtProvider(HandoverService service) {
    this.service = service;
  }

  @Operation(name = "$overdracht", type = EpisodeOfCare.class,
      canonicalUrl = "https://fhir.geboorteketen.nl/OperationDefinition/overdracht")
  public Parameters overdracht(
      @IdParam IdType maternalRecord,
      @OperationParam(name = "type", min = 1) CodeType type,
      @OperationParam(name = "ontvanger", min = 1) Reference receiver,
      @OperationParam(name = "zender") Reference sender,
      @OperationParam(name = "vervangt") Reference replaces,
      RequestDetails request) {
    HandoverService.Stored stored = service.overdracht(maternalRecord, type == null ? null : type.getValue(),
        receiver, senderFor(request, sender), replaces, request.getFhirServerBase());
    Parameters out = new Parameters();
    out.addParameter().setName("document").setResource(stored.document());
    out.addParameter().setName("task").setResource(stored.task());
    return out;
  }

  /** A partner hands over in its own name only; the beheerder may name any sender. */
  private static Reference senderFor(RequestDetails request, Reference named) {
    Caller caller = AuthenticationInterceptor.caller(request);
    if (caller == null || !caller.isPartner()) {
      return named;
    }
    if (named != null && named.hasReference()
        && !caller.organisation().equals(named.getReferenceElement().toUnqualifiedVersionless().getValue())) {
      throw new ForbiddenOperationException("zender " + named.getReference() + " is not the organisation of the token ("
          + caller.organisation() + "); a partner hands over in its own name only.");
    }
    return new Reference(caller.organisation());
  }
}
