package nl.geboorteketen.server.izk;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.geboorteketen.mappings.izk.Displays;
import nl.geboorteketen.mappings.izk.PractitionerRoles;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;

/**
 * What an R4 answer refers to that its STU3 view needs: a name for each reference without a display,
 * and the practitioner behind each role (STU3 names the practitioner where R4 names the role). Taken
 * from the answer's own records first, the rest looked up as the caller: what the caller may not read
 * stays unknown.
 */
record Referenced(Map<String, Resource> records, Map<String, String> displays, Map<String, String> practitionerOfRole) {

  static Referenced of(Resource answer, Function<Set<String>, Map<String, Resource>> lookup) {
    Map<String, Resource> records = new HashMap<>();
    if (answer instanceof Bundle bundle) {
      bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(r -> r != null)
          .forEach(r -> records.put(key(r), r));
    }
    Set<String> wanted = new HashSet<>(Displays.missing(answer));
    wanted.addAll(PractitionerRoles.referenced(answer));
    lookUp(wanted, records, lookup);
    Map<String, String> practitionerOfRole = PractitionerRoles.practitioners(records.values().stream()
        .filter(PractitionerRole.class::isInstance).map(PractitionerRole.class::cast).toList());
    lookUp(new HashSet<>(practitionerOfRole.values()), records, lookup);
    Map<String, String> displays = new HashMap<>();
    records.forEach((key, r) -> Displays.of(r).ifPresent(d -> displays.put(key, d)));
    return new Referenced(records, displays, practitionerOfRole);
  }

  /**
   * An {@code _include} that brought a role brings its practitioner too: the STU3 reference names the
   * practitioner, so that is the record an IZK client looks for among the included ones.
   */
  void includePractitionersOfIncludedRoles(Resource answer, String r4Base) {
    if (!(answer instanceof Bundle bundle)) {
      return;
    }
    Set<String> present = new HashSet<>();
    Set<String> includedRoles = new HashSet<>();
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      if (e.getResource() != null) {
        present.add(key(e.getResource()));
        if (e.getResource() instanceof PractitionerRole && e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE) {
          includedRoles.add(key(e.getResource()));
        }
      }
    }
    for (String role : includedRoles) {
      String practitioner = practitionerOfRole.get(role);
      if (practitioner != null && records.containsKey(practitioner) && present.add(practitioner)) {
        bundle.addEntry().setFullUrl(r4Base + "/" + practitioner).setResource(records.get(practitioner))
            .getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);
      }
    }
  }

  private static void lookUp(Set<String> wanted, Map<String, Resource> records,
      Function<Set<String>, Map<String, Resource>> lookup) {
    wanted.removeAll(records.keySet());
    if (!wanted.isEmpty()) {
      records.putAll(lookup.apply(wanted));
    }
  }

  private static String key(Resource r) {
    return r.fhirType() + "/" + r.getIdElement().getIdPart();
  }
}
