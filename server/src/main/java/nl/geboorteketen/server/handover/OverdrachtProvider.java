package nl.geboorteketen.server.handover;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import nl.geboorteketen.server.fhir.OperationProvider;
import nl.geboorteketen.server.fhir.Turns;
import nl.geboorteketen.server.operation.OperationInputs;
import nl.geboorteketen.server.security.AuthenticationInterceptor;
import nl.geboorteketen.server.security.Caller;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

/** POST EpisodeOfCare/{id}/$overdracht (OperationDefinition/overdracht): calls the service, answers. */
public class OverdrachtProvider implements OperationProvider {

  static final String BUSY = "Er lopen al veel overdrachten tegelijk; deze kon niet binnen de wachttijd beginnen. "
      + "Er is niets vastgelegd; probeer het zo opnieuw.";

  private final HandoverService service;
  private final Turns turns = Turns.perCore(BUSY);

  public OverdrachtProvider(HandoverService service) {
    this.service = service;
  }

  /** The handovers' turns (for tests). */
  Turns turns() {
    return turns;
  }

  @Operation(name = "$overdracht", type = EpisodeOfCare.class,
      canonicalUrl = "https://fhir.geboorteketen.nl/OperationDefinition/overdracht")
  public Parameters overdracht(@IdParam IdType maternalRecord, RequestDetails request) {
    OperationInputs in = OperationInputs.of(request);
    Reference sender = senderFor(request, in.reference("zender"));
    HandoverService.Stored stored = turns.run(() -> service.overdracht(maternalRecord, in.string("type"),
        in.reference("ontvanger"), sender, in.reference("vervangt"), request.getFhirServerBase()));
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
      throw new ForbiddenOperationException("zender " + named.getReference() + " is niet de organisatie van het token ("
          + caller.organisation() + "); een partner draagt alleen in eigen naam over.");
    }
    return new Reference(caller.organisation());
  }
}
