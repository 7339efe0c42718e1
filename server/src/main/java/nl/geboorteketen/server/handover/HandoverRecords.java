package nl.geboorteketen.server.handover;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/** Reads the stored records of a family from the store: the input of the handover builder. */
class HandoverRecords {

  private final DaoRegistry daos;

  HandoverRecords(DaoRegistry daos) {
    this.daos = daos;
  }

  /** The mother's children: the patients of gk-mother RelatedPersons pointing at her. */
  List<Patient> children(Patient mother) {
    SearchParameterMap map = SearchParameterMap.newSynchronous()
        .add("related-patient", new ReferenceParam("Patient/" + mother.getIdElement().getIdPart()));
    List<Patient> children = new ArrayList<>();
    for (IBaseResource r : all(daos.getResourceDao(RelatedPerson.class).search(map, new SystemRequestDetails()))) {
      RelatedPerson link = (RelatedPerson) r;
      if (link.hasPatient()) {
        children.add(daos.getResourceDao(Patient.class).read(link.getPatient().getReferenceElement(), new SystemRequestDetails()));
      }
    }
    return children;
  }

  /** Every record of these resource types about one of these patients (search parameter "patient"). */
  List<Resource> about(Set<String> types, List<Patient> people) {
    List<Resource> result = new ArrayList<>(people);
    for (String type : new LinkedHashSet<>(types)) {
      if (type.equals("Patient")) {
        continue;
      }
      for (Patient p : people) {
        SearchParameterMap map = SearchParameterMap.newSynchronous()
            .add("patient", new ReferenceParam("Patient/" + p.getIdElement().getIdPart()));
        all(daos.getResourceDao(type).search(map, new SystemRequestDetails()))
            .forEach(r -> result.add((Resource) r));
      }
    }
    return result;
  }

  private static List<IBaseResource> all(IBundleProvider found) {
    Integer size = found.size();
    return found.getResources(0, size == null ? 10_000 : size);
  }
}
