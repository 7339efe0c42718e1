package nl.geboorteketen.server.fhir;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must not see a write before its transaction ends: a cache emptied, a count moved. */
public final class AfterTransaction {

  private AfterTransaction() {}

  /** Runs once the current transaction has completed (committed or not), or now outside one. */
  public static void run(Runnable work) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      work.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        work.run();
      }
    });
  }
}
