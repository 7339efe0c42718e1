package nl.geboorteketen.server.maternalrecord;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import nl.geboorteketen.mappings.PregnancyKey;
import nl.geboorteketen.mappings.PregnancyRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
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
 * the dating (members of the pregnancy observation) and the woman's birth date. A transaction that
 * creates the record together with all of those gets the key on the record before it is stored
 * (a bulk load: the second, validated write of each record was 17 % of the ingest's CPU). Otherwise
 * they may arrive in any order and in other requests, so the key is computed right after the commit
 * that records the pregnancy; the woman and the members written in that same transaction are taken
 * as they were written, not read back.
 */
@Interceptor
public class PregnancyKeyInterceptor {

  private final DaoRegistry daos;
  private final TransactionTemplate newTransaction;

  public PregnancyKeyInterceptor(DaoRegistry daos, PlatformTransactionManager txManager) {
    this.daos = daos;
    this.newTransaction = new TransactionTemplate(txManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
  public void transaction(IBaseBundle bundle) {
    if (bundle instanceof Bundle transaction) {
      PregnancyRecords.assignInTransaction(transaction);
    }
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

  /** Keeps a woman, an observation or a maternal record written in the current transaction, by {@code Type/id}. */
  private void remember(IBaseResource resource) {
    if (!(resource instanceof Patient || resource instanceof Observation || resource instanceof EpisodeOfCare)) {
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
    if (!(resource instanceof Observation obs) || !PregnancyRecords.isPregnancy(obs)) {
      return;
    }
    Optional<String> record = PregnancyRecords.maternalRecord(obs);
    if (record.isEmpty()) {
      return;
    }
    Observation snapshot = obs.copy();
    String episodeId = new org.hl7.fhir.r4.model.IdType(record.get()).toUnqualifiedVersionless().getValue();
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
    if (written.get(episodeId) instanceof EpisodeOfCare keyedBeforeStorage && PregnancyRecords.hasKey(keyedBeforeStorage)) {
      return;
    }
    SystemRequestDetails system = new SystemRequestDetails();
    IFhirResourceDao<EpisodeOfCare> episodeDao = daos.getResourceDao(EpisodeOfCare.class);
    EpisodeOfCare episode;
    try {
      episode = episodeDao.read(new org.hl7.fhir.r4.model.IdType(episodeId), system);
    } catch (ResourceNotFoundException e) {
      return;
    }
    if (PregnancyRecords.hasKey(episode)) {
      return;
    }
    List<Observation> members = new ArrayList<>();
    for (Reference member : pregnancy.getHasMember()) {
      members.add(read(Observation.class, member.getReferenceElement(), written, system));
    }
    Patient woman = read(Patient.class, pregnancy.getSubject().getReferenceElement(), written, system);
    Optional<Long> key = PregnancyRecords.key(woman, members);
    if (key.isPresent()) {
      episode.addIdentifier().setSystem(PregnancyKey.SYSTEM).setValue(String.valueOf(key.get()));
      episodeDao.update(episode, system);
    }
  }

  private <T extends Resource> T read(Class<T> type, IIdType id, Map<String, Resource> written, SystemRequestDetails system) {
    Resource here = written.get(type.getSimpleName() + "/" + id.getIdPart());
    return type.isInstance(here) ? type.cast(here) : daos.getResourceDao(type).read(id, system);
  }
}
