package nl.geboorteketen.server.devdata;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.security.CareFacts;
import nl.geboorteketen.server.security.Caller;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DEVELOPMENT ONLY (started only with GK_DEV_TOKENS=true). Stores the package's example family —
 * the Jansens, their midwife, kraamzorg and JGZ — so the development identities point at
 * organisations that exist and README's first requests show real data.
 *
 * <p>Stored once: a store that ever held the example maternal record is left alone, also after the
 * examples were changed or deleted. The server writes them as itself, through the DAOs (validated
 * like any write); the care relationships then follow from the stored maternal record and care
 * team by the ledger's own rules ({@link CareFacts}), as if the beheerder had stored them — all in
 * one database transaction.
 */
@Interceptor
public class ExampleFamily {

  private static final String EXAMPLES = ExampleFamily.class.getName() + ".examples";

  private static final Logger LOG = LoggerFactory.getLogger(ExampleFamily.class);

  /** The example whose presence (or history) says the family was stored before. */
  static final String MARKER = "EpisodeOfCare/family-jansen-zwangerschap";

  /** The server acting as beheerder: shows as "beheerder server (voorbeeldgezin)" in $zorgrelaties. */
  static final Caller SERVER = new Caller("server (voorbeeldgezin)", "geboorteketen-server", null,
      Caller.BEHEERDER, null, Set.of());

  /**
   * The writes that can grant a relationship when a caller makes them (the maternal record, then
   * the care team, then a handover Task); the gate has already kept the indexes of every write.
   */
  private static final Map<String, Integer> GRANTING = Map.of("EpisodeOfCare", 0, "CareTeam", 1, "Task", 2);

  private final FhirContext ctx;
  private final DaoRegistry daos;
  private final IFhirSystemDao<Bundle, Meta> systemDao;
  private final CareFacts facts;
  private final ProfilePackage pkg;

  public ExampleFamily(FhirContext ctx, DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao, CareFacts facts,
      ProfilePackage pkg) {
    this.ctx = ctx;
    this.daos = daos;
    this.systemDao = systemDao;
    this.facts = facts;
    this.pkg = pkg;
  }

  /** Stores the family unless it was stored before; true when it stored it now. Never stops the start. */
  public boolean storeOnce() {
    if (storedBefore()) {
      LOG.info("Example family (development tokens) was stored before; left as it is");
      return false;
    }
    List<Resource> examples = examples();
    SystemRequestDetails request = new SystemRequestDetails();
    request.getUserData().put(EXAMPLES, examples);
    try {
      systemDao.transaction(request, transaction(examples));
    } catch (RuntimeException e) {
      LOG.warn("The example family (development tokens) could not be stored, the server starts without it: {}",
          e.getMessage());
      return false;
    }
    LOG.info("Stored the example family (development tokens): {} resources", examples.size());
    return true;
  }

  /**
   * Inside the transaction that stored the examples (HAPI runs a transaction bundle in a database
   * transaction of its own): the relationships the stored records give, so both commit together.
   */
  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSED)
  @SuppressWarnings("unchecked")
  public void stored(RequestDetails request) {
    Object examples = request == null ? null : request.getUserData().get(EXAMPLES);
    if (examples != null) {
      ((List<Resource>) examples).stream().filter(r -> GRANTING.containsKey(r.fhirType()))
          .sorted(Comparator.comparingInt(r -> GRANTING.get(r.fhirType())))
          .forEach(r -> facts.apply(SERVER, null, r));
    }
  }

  private boolean storedBefore() {
    try {
      daos.getResourceDao("EpisodeOfCare").read(new IdType(MARKER), new SystemRequestDetails(), true);
      return true;
    } catch (ResourceNotFoundException never) {
      return false;
    }
  }

  private List<Resource> examples() {
    return pkg.resourcesIn("example").stream().map(json -> (Resource) ctx.newJsonParser().parseResource(json)).toList();
  }

  private static Bundle transaction(List<Resource> examples) {
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Resource r : examples) {
      String ref = r.fhirType() + "/" + r.getIdElement().getIdPart();
      tx.addEntry().setFullUrl(ref).setResource(r.copy()).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(ref);
    }
    return tx;
  }
}
