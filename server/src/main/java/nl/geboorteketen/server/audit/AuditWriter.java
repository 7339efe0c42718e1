package nl.geboorteketen.server.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the audit records of reads, searches, operations and refusals with group commit: the
 * request waits until its record is committed (so an access that was answered is always in the
 * log, also after kill -9), but the records of requests that arrive together share one
 * transaction and one durable commit instead of paying one each. A batch that fails is retried
 * record by record, so one bad record cannot take the others' answers with it.
 */
public class AuditWriter {

  private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
  private static final int MAX_BATCH = 64;
  private static final long WAIT_SECONDS = 30;

  private record Pending(AuditEvent event, CompletableFuture<Void> stored) {}

  private final DaoRegistry daos;
  private final TransactionTemplate transactions;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

  public AuditWriter(DaoRegistry daos, PlatformTransactionManager transactionManager) {
    this.daos = daos;
    this.transactions = new TransactionTemplate(transactionManager);
    Thread writer = new Thread(this::run, "gk-audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Returns once the record is committed; throws when it could not be. */
  public void storeAndWait(AuditEvent event) {
    Pending pending = new Pending(event, new CompletableFuture<>());
    queue.add(pending);
    try {
      pending.stored().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the audit record was stored", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The audit record was not stored", e);
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException unexpected) {
        LOG.error("Audit writer: unexpected failure", unexpected);
        batch.forEach(p -> p.stored().completeExceptionally(unexpected));
      }
      batch.clear();
    }
  }

  private void write(List<Pending> batch) {
    try {
      transactions.executeWithoutResult(status -> batch.forEach(this::create));
      batch.forEach(p -> p.stored().complete(null));
    } catch (RuntimeException batchFailed) {
      for (Pending p : batch) {
        try {
          transactions.executeWithoutResult(status -> create(p));
          p.stored().complete(null);
        } catch (InvalidRequestException namesDeleted) {
          retryWithoutLinksToDeleted(p);
        } catch (RuntimeException failed) {
          p.stored().completeExceptionally(failed);
        }
      }
    }
  }

  /**
   * A record may name a resource deleted since it was read (a history answer lists versions of
   * deleted resources; a search may race a delete). The store refuses a link to it, so it is named
   * by identifier instead, and the record is kept.
   */
  private void retryWithoutLinksToDeleted(Pending p) {
    try {
      for (AuditEvent.AuditEventEntityComponent entity : p.event().getEntity()) {
        if (entity.getWhat().hasReference() && isDeleted(entity.getWhat().getReferenceElement())) {
          AuditRecord.keepAsIdentifier(entity);
        }
      }
      transactions.executeWithoutResult(status -> create(p));
      p.stored().complete(null);
    } catch (RuntimeException failed) {
      p.stored().completeExceptionally(failed);
    }
  }

  private boolean isDeleted(IIdType id) {
    try {
      daos.getResourceDao(id.getResourceType()).read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
      return false;
    } catch (ResourceGoneException gone) {
      return true;
    } catch (ResourceNotFoundException absent) {
      return false;
    }
  }

  private void create(Pending p) {
    // a record retried after its batch failed may carry the id the failed attempt gave it
    p.event().setId((String) null);
    p.event().getMeta().setVersionId(null).setLastUpdated(null);
    daos.getResourceDao(AuditEvent.class).create(p.event(), new SystemRequestDetails());
  }
}
