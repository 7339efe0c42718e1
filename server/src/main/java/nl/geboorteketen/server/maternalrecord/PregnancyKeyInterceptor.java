package nl.geboorteketen.server.maternalrecord;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import nl.geboorteketen.mappings.PregnancyKey;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills in the pregnancy key of a maternal record once its pregnancy is recorded. The key needs
 * the dating (members of the pregnancy observation) and the woman's birth date, which may arrive
 * in the same transaction bundle in any order, so the key is computed right after that commit.
 * The woman and the members written in that same transaction are taken as they were written, not
 * read back (in a bulk load they always are: those reads were 6 % of the ingest's CPU).
 */
@Interceptor
public class PregnancyKeyInterceptor {

  static final String SNOMED = "http://snomed.info/sct";
  static final String PREGNANCY = "118185001";
  static final String EDD = "161714006";
  static final String LMP = "21840007";
  static final String CONCEPTION_DATE = "conception-date";
  static final String MATERNAL_RECORD_EXT = "https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record";

  private final DaoRegistry daos;
  private final TransactionTemplate newTransaction;

  public PregnancyKeyInterceptor(DaoRegistry daos, PlatformTransactionManager txManager) {
    this.daos = daos;
    this.newTransaction = new TransactionTemplate(txManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource) {
    remember(resource);
    schedule(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource) {
    remember(resource);
    schedule(resource);
  }

  /** Keeps a woman or an observation written in the current transaction, by {@code Type/id}. */
  private void remember(IBaseResource resource) {
    if (!(resource instanceof Patient || resource instanceof Observation)) {
      return;
    }
    Map<String, Resource> written = writtenInThisTransaction();
    if (written != null) {
      written.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), (Resource) resource);
    }
  }

  /** This transaction's written records, held until it completes; null outside a transaction. */
  @SuppressWarnings("unchecked")
  private Map<String, Resource> writtenInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<String, Resource> written = (Map<String, Resource>) TransactionSynchronizationManager.getResource(this);
    if (written == null) {
      written = new HashMap<>();
      TransactionSynchronizationManager.bindResource(this, written);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(PregnancyKeyInterceptor.this);
        }
      });
    }
    return written;
  }

  private void schedule(IBaseResource resource) {
    if (!(resource instanceof Observation obs) || !isPregnancy(obs)) {
      return;
    }
    Extension ext = obs.getExtensionByUrl(MATERNAL_RECORD_EXT);
    if (ext == null || !(ext.getValue() instanceof Reference episodeRef) || !episodeRef.hasReference()) {
      return;
    }
    Observation snapshot = obs.copy();
    String episodeId = episodeRef.getReferenceElement().toUnqualifiedVersionless().getValue();
    Map<String, Resource> written = Objects.requireNonNullElseGet(writtenInThisTransaction(), Map::of);
    Runnable work = () -> newTransaction.executeWithoutResult(status -> assignKey(snapshot, episodeId, written));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          work.run();
        }
      });
    } else {
      work.run();
    }
  }

  private void assignKey(Observation pregnancy, String episodeId, Map<String, Resource> written) {
    SystemRequestDetails system = new SystemRequestDetails();
    IFhirResourceDao<EpisodeOfCare> episodeDao = daos.getResourceDao(EpisodeOfCare.class);
    EpisodeOfCare episode;
    try {
      episode = episodeDao.read(new org.hl7.fhir.r4.model.IdType(episodeId), system);
    } catch (ResourceNotFoundException e) {
      return;
    }
    if (episode.getIdentifier().stream().anyMatch(i -> PregnancyKey.SYSTEM.equals(i.getSystem()))) {
      return;
    }
    LocalDate conception = null;
    LocalDate lmp = null;
    LocalDate edd = null;
    for (Reference member : pregnancy.getHasMember()) {
      Observation m = read(Observation.class, member.getReferenceElement(), written, system);
      LocalDate date = m.getValue() instanceof DateTimeType dt ? toLocalDate(dt.getValue()) : null;
      if (hasCode(m, EDD)) edd = date;
      else if (hasCode(m, LMP)) lmp = date;
      else if (hasCode(m, CONCEPTION_DATE)) conception = date;
    }
    Patient woman = read(Patient.class, pregnancy.getSubject().getReferenceElement(), written, system);
    Optional<Long> key = PregnancyKey.compute(toLocalDate(woman.getBirthDate()), conception, lmp, edd);
    if (key.isPresent()) {
      episode.addIdentifier().setSystem(PregnancyKey.SYSTEM).setValue(String.valueOf(key.get()));
      episodeDao.update(episode, system);
    }
  }

  private <T extends Resource> T read(Class<T> type, IIdType id, Map<String, Resource> written, SystemRequestDetails system) {
    Resource here = written.get(type.getSimpleName() + "/" + id.getIdPart());
    return type.isInstance(here) ? type.cast(here) : daos.getResourceDao(type).read(id, system);
  }

  private static boolean isPregnancy(Observation obs) {
    return obs.getCode().getCoding().stream()
        .anyMatch(c -> SNOMED.equals(c.getSystem()) && PREGNANCY.equals(c.getCode()));
  }

  private static boolean hasCode(Observation obs, String code) {
    return obs.getCode().getCoding().stream().anyMatch(c -> code.equals(c.getCode()));
  }

  private static LocalDate toLocalDate(Date date) {
    return date == null ? null : date.toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate();
  }
}
