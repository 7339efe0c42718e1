package nl.geboorteketen.server.maternalrecord;

import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import nl.geboorteketen.server.fhir.OperationProvider;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;

/** GET EpisodeOfCare/{id}/$everything (OperationDefinition/episodeofcare-everything): one pregnancy. */
public class MaternalRecordEverythingProvider implements OperationProvider {

  private final MaternalRecordEverything service;

  public MaternalRecordEverythingProvider(MaternalRecordEverything service) {
    this.service = service;
  }

  @Operation(name = "$everything", type = EpisodeOfCare.class, idempotent = true, bundleType = BundleTypeEnum.SEARCHSET,
      canonicalUrl = "https://fhir.geboorteketen.nl/OperationDefinition/episodeofcare-everything")
  public IBundleProvider everything(@IdParam IdType maternalRecord, RequestDetails request) {
    return service.everything(maternalRecord, request);
  }
}
