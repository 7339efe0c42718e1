package nl.geboorteketen.server.security;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;

/**
 * MedMij: a PGO never receives a BSN. Empties every Identifier with the BSN system anywhere in a
 * resource (contained resources, the entries of a stored Bundle such as a handover document, and
 * Reference.identifier too), on a copy; the JSON and XML
 * parsers leave empty elements out, so nothing of it is sent.
 */
public class BsnMasker {

  private final FhirContext ctx;

  public BsnMasker(FhirContext ctx) {
    this.ctx = ctx;
  }

  /** The resource itself when it holds no BSN, else a copy without. */
  public IBaseResource mask(IBaseResource resource) {
    if (!(resource instanceof Resource r) || bsnIdentifiers(r).isEmpty()) {
      return resource;
    }
    Resource copy = r.copy();
    for (Identifier id : bsnIdentifiers(copy)) {
      id.setUse(null).setType(null).setSystem(null).setValue(null).setPeriod(null).setAssigner(null);
      id.getExtension().clear();
      id.setId((String) null);
    }
    return copy;
  }

  private List<Identifier> bsnIdentifiers(Resource r) {
    List<Identifier> found = new ArrayList<>();
    List<Resource> all = new ArrayList<>();
    collect(r, all);
    for (Resource each : all) {
      for (Identifier id : ctx.newTerser().getAllPopulatedChildElementsOfType(each, Identifier.class)) {
        if (FamilyScope.BSN_SYSTEM.equals(id.getSystem()) && !found.contains(id)) {
          found.add(id);
        }
      }
    }
    return found;
  }

  /** The resource and every resource inside it: contained ones, and the entries of a Bundle (a handover document). */
  private static void collect(Resource r, List<Resource> into) {
    into.add(r);
    if (r instanceof DomainResource d) {
      d.getContained().forEach(c -> collect(c, into));
    }
    if (r instanceof Bundle b) {
      b.getEntry().stream().filter(e -> e.hasResource()).forEach(e -> collect(e.getResource(), into));
    }
    if (r instanceof Parameters p) {
      p.getParameter().stream().filter(x -> x.hasResource()).forEach(x -> collect(x.getResource(), into));
    }
  }
}
