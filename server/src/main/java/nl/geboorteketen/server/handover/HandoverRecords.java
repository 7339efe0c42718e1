package nl.geboorteketen.server.handover;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads the stored records of a family from the store: the input of the handover builder. One
 * search per resource type for the whole family, not one per person (a profile of the $overdracht
 * burst found these searches a quarter of a handover's CPU).
 */
class HandoverRecords {

  private final FhirContext ctx;
  private final DaoRegistry daos;

  HandoverRecords(FhirContext ctx, DaoRegistry daos) {
    this.ctx = ctx;
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

  /**
   * Every record of these resource types about one of these patients (search parameter "patient"),
   * grouped by type and then by person in the order given, as a search per person would give them.
   */
  List<Resource> about(Set<String> types, List<Patient> people) {
    List<Resource> result = new ArrayList<>(people);
    List<String> keys = people.stream().map(p -> "Patient/" + p.getIdElement().getIdPart()).toList();
    ReferenceOrListParam anyOfThem = new ReferenceOrListParam();
    keys.forEach(k -> anyOfThem.addOr(new ReferenceParam(k)));
    for (String type : new LinkedHashSet<>(types)) {
      if (type.equals("Patient")) {
        continue;
      }
      SearchParameterMap map = SearchParameterMap.newSynchronous().add("patient", anyOfThem);
      List<Resource> found = all(daos.getResourceDao(type).search(map, new SystemRequestDetails())).stream()
          .map(Resource.class::cast).toList();
      // each record's person once, not once per comparison; a stable sort keeps the search's order within a person
      FhirTerser terser = ctx.newTerser();
      int[] person = found.stream().mapToInt(r -> personIndex(terser, r, keys)).toArray();
      IntStream.range(0, found.size()).boxed().sorted(Comparator.comparingInt(i -> person[i]))
          .forEach(i -> result.add(found.get(i)));
    }
    return result;
  }

  /** The position of the first of these people the resource refers to (its "patient"). */
  private static int personIndex(FhirTerser terser, Resource r, List<String> keys) {
    int best = keys.size();
    for (var ref : terser.getAllResourceReferences(r)) {
      String target = ref.getResourceReference().getReferenceElement().toUnqualifiedVersionless().getValue();
      int i = target == null ? -1 : keys.indexOf(target);
      if (i >= 0 && i < best) {
        best = i;
      }
    }
    return best;
  }

  private static List<IBaseResource> all(IBundleProvider found) {
    Integer size = found.size();
    return found.getResources(0, size == null ? 10_000 : size);
  }
}
