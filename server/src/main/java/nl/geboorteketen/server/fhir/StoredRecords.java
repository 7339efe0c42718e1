package nl.geboorteketen.server.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * A stored record read by the server on its own behalf ("Type/id"), for checks that must see what a
 * reference points at whoever asks; empty when it does not exist or is deleted.
 */
public final class StoredRecords {

  private StoredRecords() {}

  public static Optional<Resource> read(DaoRegistry daos, String reference) {
    IdType id = new IdType(reference);
    try {
      return Optional.of((Resource) daos.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return Optional.empty();
    }
  }
}
