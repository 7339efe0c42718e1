package nl.geboorteketen.server.maternalrecord;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import nl.geboorteketen.mappings.PregnancyKey;
import nl.geboorteketen.mappings.PregnancyRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
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
 * as they were written, not read back. A pregnancy written through the MedMij IZK endpoint stays a
 * zib-Pregnancy Condition; its record gets the key once the Condition and a dating Observation that
 * points at it (focus) are both stored, in either order.
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

  /** Before validation: the key carried over is validated with the rest of the update. */
  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = -100)
  public void keepKey(IBaseResource previous, IBaseResource update) {
    if (previous instanceof EpisodeOfCare before && update instanceof EpisodeOfCare after) {
      PregnancyRecords.keepKey(before, after);
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

  /** Keeps a woman, an observation, a condition or a maternal record written in the current transaction, by {@code Type/id}. */
  private void remember(IBaseResource resource) {
    if (!(resource instanceof Patient || resource instanceof Observation || resource instanceof EpisodeOfCare
        || resource instanceof Condition)) {
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
    if (resource instanceof Observation obs && PregnancyRecords.isPregnancy(obs)) {
      Observation snapshot = obs.copy();
      PregnancyRecords.maternalRecord(obs).ifPresent(record -> afterCommit(written ->
          assignKey(record, snapshot.getSubject(), snapshot.getHasMember(), written)));
    } else if (resource instanceof Observation obs) {
      PregnancyRecords.focusedCondition(obs).ifPresent(condition -> afterCommit(written -> fromCondition(condition, written)));
    } else if (resource instanceof Condition condition && PregnancyRecords.isPregnancy(condition)) {
      String id = "Condition/" + condition.getIdElement().getIdPart();
      afterCommit(written -> fromCondition(id, written));
    }
  }

  /** Runs the work in a transaction of its own once the current one has committed (at once outside one). */
  private void afterCommit(Consumer<Map<String, Resource>> work) {
    Map<String, Resource> written = Objects.requireNonNullElseGet(writtenInThisTransaction(), Map::of);
    Runnable run = () -> newTransaction.executeWithoutResult(status -> work.accept(written));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          run.run();
        }
      });
    } else {
      run.run();
    }
  }

  /**
   * The IZK's pregnancy: a zib-Pregnancy Condition with its maternal record; its dating members are the
   * Observations whose focus names it, whichever request stored them.
   */
  private void fromCondition(String conditionId, Map<String, Resource> written) {
    SystemRequestDetails system = new SystemRequestDetails();
    Condition pregnancy;
    try {
      pregnancy = read(Condition.class, new IdType(conditionId), written, system);
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return;
    }
    Optional<String> record = PregnancyRecords.maternalRecord(pregnancy);
    if (!PregnancyRecords.isPregnancy(pregnancy) || record.isEmpty()) {
      return;
    }
    SearchParameterMap focused = SearchParameterMap.newSynchronous(Observation.SP_FOCUS, new ReferenceParam(conditionId));
    List<Reference> members = daos.getResourceDao(Observation.class).search(focused, system).getAllResources().stream()
        .map(Observation.class::cast).filter(PregnancyRecords::isDating)
        // hers only: the write rules keep other families out, this keeps her own records of someone else out
        .filter(o -> Objects.equals(subjectOf(o.getSubject()), subjectOf(pregnancy.getSubject())))
        .map(o -> new Reference("Observation/" + o.getIdElement().getIdPart())).toList();
    assignKey(record.get(), pregnancy.getSubject(), members, written);
  }

  private void assignKey(String record, Reference subject, List<Reference> datingMembers, Map<String, Resource> written) {
    String episodeId = new IdType(record).toUnqualifiedVersionless().getValue();
    if (written.get(episodeId) instanceof EpisodeOfCare keyedBeforeStorage && PregnancyRecords.hasKey(keyedBeforeStorage)) {
      return;
    }
    SystemRequestDetails system = new SystemRequestDetails();
    IFhirResourceDao<EpisodeOfCare> episodeDao = daos.getResourceDao(EpisodeOfCare.class);
    EpisodeOfCare episode;
    try {
      episode = episodeDao.read(new IdType(episodeId), system);
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return;
    }
    if (PregnancyRecords.hasKey(episode)) {
      return;
    }
    List<Observation> members = new ArrayList<>();
    for (Reference member : datingMembers) {
      members.add(read(Observation.class, member.getReferenceElement(), written, system));
    }
    Patient woman = read(Patient.class, subject.getReferenceElement(), written, system);
    Optional<Long> key = PregnancyRecords.key(woman, members);
    if (key.isPresent()) {
      episode.addIdentifier().setSystem(PregnancyKey.SYSTEM).setValue(String.valueOf(key.get()));
      episodeDao.update(episode, system);
    }
  }

  private static String subjectOf(Reference subject) {
    return subject.getReferenceElement().toUnqualifiedVersionless().getValue();
  }

  private <T extends Resource> T read(Class<T> type, IIdType id, Map<String, Resource> written, SystemRequestDetails system) {
    Resource here = written.get(type.getSimpleName() + "/" + id.getIdPart());
    return type.isInstance(here) ? type.cast(here) : daos.getResourceDao(type).read(id, system);
  }
}
