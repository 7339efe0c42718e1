package nl.geboorteketen.server.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.util.FhirTerser;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.geboorteketen.server.consent.ConsentService;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Whether a caller may see a resource: for a PGO, her own family (computed once per request); for
 * a partner, whether it cares for the family the resource belongs to (decided per family, lazily,
 * and remembered for the rest of the request — the cost follows the families a request touches,
 * not the number of families an organisation cares for).
 *
 * <p>A resource belongs to the family of every Patient it references (and a Patient to itself);
 * a resource that references no Patient but points at a maternal record belongs to that record's
 * mother; a resource that belongs to no family (Organization, Practitioner, conformance resources)
 * is reference data every authenticated caller may read.
 */
public class FamilyScope {

  private static final String KEY = FamilyScope.class.getName() + ".visible";
  private static final String PARTNER_KEY = FamilyScope.class.getName() + ".partner";
  static final String MATERNAL_RECORD_EXT = "https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record";

  private final FhirContext ctx;
  private final DaoRegistry daos;
  private final FamilyResolver families;
  private final ConsentService consents;

  public FamilyScope(FhirContext ctx, DaoRegistry daos, FamilyResolver families, ConsentService consents) {
    this.ctx = ctx;
    this.daos = daos;
    this.families = families;
    this.consents = consents;
  }

  /**
   * The patients ("Patient/id") a PGO user may see (her family); null means everything (beheerder).
   * Partners are decided per family in {@link #maySee}.
   */
  @SuppressWarnings("unchecked")
  public Set<String> visiblePatients(RequestDetails request, Caller caller) {
    if (caller == null || caller.isBeheerder()) {
      return null;
    }
    if (!caller.isPgo()) {
      throw new IllegalStateException("visiblePatients is for PGO callers; partners are checked per family");
    }
    Object cached = request.getUserData().get(KEY);
    if (cached != null) {
      return (Set<String>) cached;
    }
    Set<String> visible = forPgo(caller);
    request.getUserData().put(KEY, visible);
    return visible;
  }

  /**
   * Forget this request's family decisions: a write may have just started a care relationship
   * (a maternal record, a care team), so what was refused before it is decided again after it.
   */
  public void forgetDecisions(RequestDetails request) {
    request.getUserData().remove(PARTNER_KEY);
  }

  /** Per request: patient → may this partner see her family. */
  @SuppressWarnings("unchecked")
  private boolean partnerMaySee(RequestDetails request, String organisation, String patient) {
    Map<String, Boolean> decided = (Map<String, Boolean>) request.getUserData()
        .computeIfAbsent(PARTNER_KEY, k -> new HashMap<String, Boolean>());
    if (!patient.startsWith("Patient/")) {
      return false; // a dangling maternal-record reference: no one's but the beheerder's
    }
    Boolean known = decided.get(patient);
    if (known != null) {
      return known;
    }
    Set<String> family = families.familyAround(patient);
    boolean may = families.caresFor(organisation, family) && !consents.familyDeniesPartner(family, organisation);
    family.forEach(member -> decided.putIfAbsent(member, may));
    decided.put(patient, may);
    return may;
  }

  private Set<String> forPgo(Caller caller) {
    Set<String> family = families.familyOfPerson(caller.bsn());
    if (family.isEmpty()) {
      return family;
    }
    String self = family.iterator().next();
    if (!consents.sharesWithPgo(self)) {
      throw new ForbiddenOperationException("There is no active pgo-delen Consent for " + self
          + ": the family has not agreed to share this record with a PGO (ask the midwife to record it).");
    }
    return family;
  }

  public boolean maySee(RequestDetails request, Caller caller, IBaseResource resource) {
    if (caller == null || caller.isBeheerder()) {
      return true;
    }
    Set<String> owners = familyMembersOf(resource);
    if (owners.isEmpty()) {
      return true;
    }
    if (caller.isPgo()) {
      Set<String> visible = visiblePatients(request, caller);
      return owners.stream().anyMatch(visible::contains);
    }
    return owners.stream().anyMatch(p -> partnerMaySee(request, caller.organisation(), p));
  }

  /** Who else manages a current maternal record of this patient, if anyone. */
  public Optional<String> otherCurrentManager(String patient, String organisation) {
    return families.otherCurrentManager(patient, organisation);
  }

  /** The patients ("Patient/id") this resource belongs to; empty for reference data. */
  public Set<String> familyMembersOf(IBaseResource resource) {
    Set<String> owners = new LinkedHashSet<>();
    if (resource instanceof Bundle bundle) {
      // a stored Bundle (a handover document) belongs to the families of what it carries
      bundle.getEntry().stream().filter(e -> e.hasResource())
          .forEach(e -> owners.addAll(familyMembersOf(e.getResource())));
      return owners;
    }
    // a Patient inside a stored Bundle may carry its urn:uuid fullUrl as id: that names no one
    if (resource.fhirType().equals("Patient") && resource.getIdElement().isIdPartValid()) {
      owners.add("Patient/" + resource.getIdElement().getIdPart());
      return owners;
    }
    FhirTerser terser = ctx.newTerser();
    for (Reference ref : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
      if (ref.hasReference() && "Patient".equals(ref.getReferenceElement().getResourceType())) {
        owners.add(ref.getReferenceElement().toUnqualifiedVersionless().getValue());
      }
    }
    if (owners.isEmpty() && resource instanceof Resource r) {
      for (Extension ext : terser.getAllPopulatedChildElementsOfType(r, Extension.class)) {
        if (MATERNAL_RECORD_EXT.equals(ext.getUrl()) && ext.getValue() instanceof Reference record && record.hasReference()) {
          try {
            EpisodeOfCare eoc = daos.getResourceDao(EpisodeOfCare.class)
                .read(record.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
            if (eoc.hasPatient()) {
              owners.add(eoc.getPatient().getReferenceElement().toUnqualifiedVersionless().getValue());
            }
          } catch (RuntimeException gone) {
            // a dangling maternal record reference makes the resource no one's but the beheerder's
            owners.add(record.getReference());
          }
        }
      }
    }
    return owners;
  }
}
