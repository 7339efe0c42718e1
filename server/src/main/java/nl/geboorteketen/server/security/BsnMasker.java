package nl.geboorteketen.server.security;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;

/**
 * MedMij: a PGO never receives a BSN. Every Identifier with the BSN system anywhere in a resource
 * (contained resources, the entries of a stored Bundle such as a handover document, and
 * Reference.identifier too) keeps only its system, and its value is a data-absent-reason "masked",
 * on a copy: the PGO sees that there is a BSN, never its digits (MedMij's masking, R4 and STU3 alike).
 */
public class BsnMasker {

  private static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

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
      id.setUse(null).setType(null).setValue(null).setPeriod(null).setAssigner(null);
      id.getExtension().clear();
      id.setId((String) null);
      id.getValueElement().addExtension(DATA_ABSENT_REASON, new CodeType("masked"));
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
