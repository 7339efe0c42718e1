package nl.geboorteketen.server.security;

import ca.uhn.fhir.context.FhirContext;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a resource points at that decides whose it is: every Patient and every EpisodeOfCare it
 * references anywhere — elements, extensions and contained resources alike — and every person it
 * names only by BSN (a logical reference, or a contained Patient carrying one). Besides, the other
 * records it points at that belong to a family of their own ({@code records}: types of the Patient
 * compartment, handover Tasks and documents), for a write to be checked against theirs.
 */
public record References(Set<String> patients, Set<String> episodes, Set<String> bsns, Set<String> records) {

  private static final Map<FhirContext, Set<String>> FAMILY_TYPES = new ConcurrentHashMap<>();

  public static References of(FhirContext ctx, IBaseResource resource) {
    References found = new References(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
        new LinkedHashSet<>());
    found.collect(ctx, resource);
    return found;
  }

  /** The types whose records belong to a family: the Patient compartment, and our Tasks and stored Bundles. */
  static Set<String> familyTypes(FhirContext ctx) {
    return FAMILY_TYPES.computeIfAbsent(ctx, c -> {
      Set<String> types = new HashSet<>(Set.of("Task", "Bundle"));
      for (String type : c.getResourceTypes()) {
        boolean inCompartment = c.getResourceDefinition(type).getSearchParams().stream()
            .anyMatch(sp -> sp.getProvidesMembershipInCompartments() != null
                && sp.getProvidesMembershipInCompartments().contains("Patient"));
        if (inCompartment) {
          types.add(type);
        }
      }
      // their own sets above; the audit log is ours, not a record of the family
      types.removeAll(Set.of("Patient", "EpisodeOfCare", "AuditEvent"));
      return Set.copyOf(types);
    });
  }

  /** The BSNs a Patient carries as her own identifiers. */
  static List<String> bsnsOf(Patient person) {
    return person.getIdentifier().stream().filter(i -> FamilyScope.BSN_SYSTEM.equals(i.getSystem()) && i.hasValue())
        .map(i -> i.getValue()).toList();
  }

  private void collect(FhirContext ctx, IBaseResource resource) {
    Set<String> familyTypes = familyTypes(ctx);
    for (Reference ref : ctx.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
      if (ref.hasReference() && !ref.getReference().startsWith("#")) {
        String type = ref.getReferenceElement().getResourceType();
        String id = ref.getReferenceElement().getIdPart();
        if (id != null && "Patient".equals(type)) {
          patients.add("Patient/" + id);
        } else if (id != null && "EpisodeOfCare".equals(type)) {
          episodes.add("EpisodeOfCare/" + id);
        } else if (id != null && type != null && familyTypes.contains(type)) {
          records.add(type + "/" + id);
        }
      }
      if (ref.hasIdentifier() && FamilyScope.BSN_SYSTEM.equals(ref.getIdentifier().getSystem())
          && ref.getIdentifier().hasValue()) {
        bsns.add(ref.getIdentifier().getValue());
      }
    }
    if (resource instanceof DomainResource domain) {
      for (Resource contained : domain.getContained()) {
        if (contained instanceof Patient person) {
          // a person written into the record is named by her BSN as much as by a reference to her
          bsns.addAll(bsnsOf(person));
        }
        collect(ctx, contained);
      }
    }
  }
}
