package nl.geboorteketen.server.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.geboorteketen.server.notification.TaskSubscriptions;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;

/**
 * Whether a caller may see a resource: for a PGO, her own family (computed once per request); for
 * a partner, whether the ledger holds a current care relationship with the family the resource
 * belongs to (decided per family, lazily, and remembered for the rest of the request).
 *
 * <p>A resource belongs to the family of every Patient it references (and a Patient to itself),
 * of every person it names by BSN, and of the patient of every EpisodeOfCare it references; one
 * that names no person belongs to the families of the records it refers to (a Provenance is its
 * target's). Families are the ledger's, never what a RelatedPerson says. A resource that belongs
 * to no family (Organization, Practitioner, conformance resources) is reference data every
 * authenticated caller may read; a Subscription is its organisation's alone.
 */
public class FamilyScope {

  public static final String BSN_SYSTEM = "http://fhir.nl/fhir/NamingSystem/bsn";
  private static final String KEY = FamilyScope.class.getName() + ".visible";
  private static final String PARTNER_KEY = FamilyScope.class.getName() + ".partner";
  private static final String OWNERS_KEY = FamilyScope.class.getName() + ".owners";
  private static final int RECORD_HOPS = 3;
  private static final int NOT_FOLLOWED = -1;

  /** A stored record ("Type/id") as the server reads it for itself; empty when it is gone. */
  public interface Records {
    Optional<? extends IBaseResource> read(String record);
  }

  private final FhirContext ctx;
  private final CareLedger ledger;
  private final LedgerCache cache;
  private final Records records;

  public FamilyScope(FhirContext ctx, CareLedger ledger, LedgerCache cache, Records records) {
    this.ctx = ctx;
    this.ledger = ledger;
    this.cache = cache;
    this.records = records;
  }

  /**
   * The patients ("Patient/id") a PGO user may see (her family); null means everything (beheerder).
   * Partners are decided per family in {@link #maySee}.
   */
  public Set<String> visiblePatients(RequestDetails request, Caller caller) {
    if (caller == null || caller.isBeheerder()) {
      return null;
    }
    if (!caller.isPgo()) {
      throw new IllegalStateException("visiblePatients is for PGO callers; partners are checked per family");
    }
    return memory(request, KEY, () -> forPgo(caller));
  }

  /**
   * What this class remembers per request. HAPI runs a search on a thread of its own that calls
   * the filter with the same request while the request's thread loads the first page, so these
   * memories are shared between threads: made once under the request's lock, thread-safe inside.
   */
  @SuppressWarnings("unchecked")
  private static <T> T memory(RequestDetails request, String key, java.util.function.Supplier<T> make) {
    Map<Object, Object> data = request.getUserData();
    synchronized (data) {
      return (T) data.computeIfAbsent(key, k -> make.get());
    }
  }

  /** Per request: family → may this partner see it (a relationship in the ledger, and no partner-delen deny). */
  @SuppressWarnings("unchecked")
  private boolean partnerMaySee(RequestDetails request, String organisation, String patient) {
    Map<String, Boolean> decided = memory(request, PARTNER_KEY, ConcurrentHashMap<String, Boolean>::new);
    if (!patient.startsWith("Patient/")) {
      return false; // a dangling maternal-record reference: no one's but the beheerder's
    }
    String family = cache.familyOf(patient);
    Boolean known = decided.get(family);
    if (known != null) {
      return known;
    }
    boolean may = cache.caresFor(organisation, family) && !cache.deniesPartner(family, organisation);
    decided.put(family, may);
    return may;
  }

  private Set<String> forPgo(Caller caller) {
    Optional<String> self = ledger.patientWithBsn(caller.bsn());
    if (self.isEmpty()) {
      return Set.of();
    }
    if (!cache.sharesWithPgo(self.get())) {
      throw new ForbiddenOperationException("Er is geen actieve pgo-delen-Consent voor " + self.get()
          + ": het gezin heeft niet ingestemd met delen met een PGO (vraag de verloskundige dit vast te leggen).");
    }
    return !cache.familyOf(self.get()).equals(self.get()) ? Set.of(self.get()) : cache.members(self.get());
  }

  /** The person a PGO token is for ("Patient/id"), when she is known. */
  public Optional<String> pgoPerson(Caller caller) {
    return ledger.patientWithBsn(caller.bsn());
  }

  /** The refusal of one resource the caller may not see, saying why. */
  static ForbiddenOperationException notYours(Caller caller, String what) {
    return new ForbiddenOperationException(what + " hoort bij een gezin waarmee "
        + (caller.isPgo() ? "deze persoon" : caller.organisation()) + " geen zorgrelatie heeft"
        + (caller.isPgo() ? "" : " (of het gezin heeft de toestemming om ermee te delen ingetrokken)") + ".");
  }

  public boolean maySee(RequestDetails request, Caller caller, IBaseResource resource) {
    if (caller == null || caller.isBeheerder()) {
      return true;
    }
    if (resource instanceof Subscription subscription) {
      // an organisation's own subscriptions: their endpoints and headers are its secrets
      return caller.isPartner() && caller.organisation().equals(
          TaskSubscriptions.watchedOrganisation(subscription).orElse(null));
    }
    Set<String> owners = ownersFor(request, resource);
    if (owners.isEmpty()) {
      return true;
    }
    if (caller.isPgo()) {
      Set<String> visible = visiblePatients(request, caller);
      return owners.stream().anyMatch(visible::contains);
    }
    if (resource instanceof Task task && ChainShapes.isHandoverTask(task)
        && caller.organisation().equals(CareFacts.ref(task.getOwner()))) {
      return true; // the receiver reads the handover it is asked to accept
    }
    return owners.stream().anyMatch(p -> partnerMaySee(request, caller.organisation(), p));
  }

  /** As {@link #familyMembersOf}, remembered for the request (the filter's two hooks and the audit ask alike). */
  @SuppressWarnings("unchecked")
  public Set<String> ownersFor(RequestDetails request, IBaseResource resource) {
    Map<IBaseResource, Set<String>> known = memory(request, OWNERS_KEY,
        () -> Collections.synchronizedMap(new IdentityHashMap<IBaseResource, Set<String>>()));
    Set<String> owners = known.get(resource);
    if (owners == null) {
      owners = Collections.unmodifiableSet(familyMembersOf(resource));
      known.put(resource, owners);
    }
    return owners;
  }

  /** The patients ("Patient/id") this resource belongs to; empty for reference data. */
  public Set<String> familyMembersOf(IBaseResource resource) {
    return membersOf(resource, RECORD_HOPS);
  }

  /**
   * The BSNs a resource names a person by. A Patient without an id of ours (an entry of a stored
   * Bundle, whose fullUrl is a urn:uuid as in any document from elsewhere) is named by her own BSN,
   * as a contained Patient is; a stored Patient is herself and never read this way.
   */
  private static Set<String> bsnsNamed(IBaseResource resource, References refs) {
    if (!(resource instanceof Patient person)) {
      return refs.bsns();
    }
    Set<String> bsns = new LinkedHashSet<>(refs.bsns());
    bsns.addAll(References.bsnsOf(person));
    return bsns;
  }

  /**
   * @param hops how many records deep a resource that names no person is followed to the records it
   *     is about (a Provenance to its target, an Observation to its focus); {@link #NOT_FOLLOWED}
   *     for the entries of a stored Bundle
   */
  private Set<String> membersOf(IBaseResource resource, int hops) {
    Set<String> owners = new LinkedHashSet<>();
    if (resource instanceof Bundle bundle) {
      // a stored Bundle (a handover document) belongs to the families of what it carries; its
      // entries refer to each other by ids that are not in the store
      bundle.getEntry().stream().filter(e -> e.hasResource())
          .forEach(e -> owners.addAll(membersOf(e.getResource(), NOT_FOLLOWED)));
      return owners;
    }
    // a Patient inside a stored Bundle may carry its urn:uuid fullUrl as id: then her BSN names her (below)
    if (resource.fhirType().equals("Patient") && resource.getIdElement().isIdPartValid()) {
      owners.add("Patient/" + resource.getIdElement().getIdPart());
      return owners;
    }
    References refs = References.of(ctx, resource);
    owners.addAll(refs.patients());
    for (String record : refs.episodes()) {
      // a record the ledger does not know makes the resource no one's but the beheerder's
      owners.add(cache.episode(record).map(CareLedger.Episode::patient).orElse(record));
    }
    for (String bsn : bsnsNamed(resource, refs)) {
      // a person named by BSN alone is hers when the ledger knows the BSN, and otherwise the beheerder's only
      owners.add(ledger.patientWithBsn(bsn).orElse("Patient?identifier=" + BSN_SYSTEM + "|" + bsn));
    }
    if (owners.isEmpty() && hops != NOT_FOLLOWED) {
      String self = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
      for (String record : refs.records()) {
        if (!record.equals(self)) {
          // a record that cannot be read, or lies deeper than we follow, leaves it to the beheerder only
          owners.addAll(hops == 0 ? Set.of(record)
              : records.read(record).map(r -> membersOf(r, hops - 1)).orElse(Set.of(record)));
        }
      }
    }
    return owners;
  }
}
