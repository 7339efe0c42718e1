package nl.geboorteketen.server.maternalrecord;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import nl.geboorteketen.server.fhir.Problems;
import nl.geboorteketen.server.security.ChainShapes;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;

/**
 * Everything of one pregnancy: the maternal record, every record that points at it (with
 * ext-maternal-record, or an element such as Encounter.episodeOfCare or DocumentReference.context),
 * and what those point at one step on: the mother, the newborn of a gk-mother link that names the
 * record, the practitioners and organisations, the document a handover Task carries.
 *
 * <p>It is one search — {@code EpisodeOfCare?_id={id}&_revinclude=*&_include=*} — run as the
 * caller, so every resource passes the same family filter, consent and masking as any search
 * (and the audit records it like one): the server decides nothing here that a read would not.
 */
public class MaternalRecordEverything {

  private final DaoRegistry daos;

  public MaternalRecordEverything(DaoRegistry daos) {
    this.daos = daos;
  }

  /** The caller's access to the record itself was decided before the operation was entered (403 otherwise). */
  public IBundleProvider everything(IdType id, RequestDetails request) {
    IdType record = new IdType("EpisodeOfCare", id.getIdPart());
    EpisodeOfCare episode = daos.getResourceDao(EpisodeOfCare.class).read(record, new SystemRequestDetails());
    if (!ChainShapes.isMaternalRecord(episode)) {
      throw Problems.of(422, "EpisodeOfCare.type", record.getValue() + " is geen zwangerschapsdossier "
          + "(type SNOMED 364320009); $everything op EpisodeOfCare geeft alles van één zwangerschap.");
    }
    SearchParameterMap map = new SearchParameterMap();
    map.add("_id", new TokenParam(record.getIdPart()));
    map.addRevInclude(new Include("*"));
    map.addInclude(new Include("*"));
    return daos.getResourceDao(EpisodeOfCare.class).search(map, request);
  }
}
