package nl.geboorteketen.server.security;

import ca.uhn.fhir.context.FhirContext;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a resource points at that decides whose it is: every Patient and every EpisodeOfCare it
 * references anywhere — elements, extensions and contained resources alike — and every Patient it
 * names only by BSN (a logical reference).
 */
public record References(Set<String> patients, Set<String> episodes, Set<String> bsns) {

  public static References of(FhirContext ctx, IBaseResource resource) {
    References found = new References(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
    found.collect(ctx, resource);
    return found;
  }

  private void collect(FhirContext ctx, IBaseResource resource) {
    for (Reference ref : ctx.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
      if (ref.hasReference() && !ref.getReference().startsWith("#")) {
        String type = ref.getReferenceElement().getResourceType();
        String id = ref.getReferenceElement().getIdPart();
        if (id != null && "Patient".equals(type)) {
          patients.add("Patient/" + id);
        } else if (id != null && "EpisodeOfCare".equals(type)) {
          episodes.add("EpisodeOfCare/" + id);
        }
      }
      if (ref.hasIdentifier() && FamilyScope.BSN_SYSTEM.equals(ref.getIdentifier().getSystem())
          && ref.getIdentifier().hasValue()) {
        bsns.add(ref.getIdentifier().getValue());
      }
    }
    if (resource instanceof DomainResource domain) {
      for (Resource contained : domain.getContained()) {
        collect(ctx, contained);
      }
    }
  }
}
