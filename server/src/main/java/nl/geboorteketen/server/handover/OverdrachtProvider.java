package nl.geboorteketen.server.handover;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
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
        receiver, sender, replaces, request.getFhirServerBase());
    Parameters out = new Parameters();
    out.addParameter().setName("document").setResource(stored.document());
    out.addParameter().setName("task").setResource(stored.task());
    return out;
  }
}
