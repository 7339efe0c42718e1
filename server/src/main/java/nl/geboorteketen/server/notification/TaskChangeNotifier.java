package nl.geboorteketen.server.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.time.Instant;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Task;

/**
 * When a Task is created or changed, puts one notification per matching subscription (Task.owner) into
 * the outbox — inside the same database transaction, so a notification exists exactly when the change does.
 */
@Interceptor
public class TaskChangeNotifier {

  private final FhirContext ctx;
  private final TaskSubscriptions subscriptions;
  private final NotificationOutbox outbox;

  public TaskChangeNotifier(FhirContext ctx, TaskSubscriptions subscriptions, NotificationOutbox outbox) {
    this.ctx = ctx;
    this.subscriptions = subscriptions;
    this.outbox = outbox;
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource) {
    notify(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource updated) {
    notify(updated);
  }

  private void notify(IBaseResource resource) {
    if (!(resource instanceof Task task) || !task.hasOwner()) {
      return;
    }
    String owner = task.getOwner().getReferenceElement().toUnqualifiedVersionless().getValue();
    String taskRef = "Task/" + task.getIdElement().getIdPart();
    String json = ctx.newJsonParser().encodeResourceToString(task);
    Instant now = Instant.now();
    for (TaskSubscriptions.Active s : subscriptions.forOwner(owner)) {
      outbox.enqueue("Subscription/" + s.id(), s.endpoint(), s.headers(), s.withPayload() ? json : null, taskRef, now);
    }
  }
}
