package nl.geboorteketen.server.handover;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import nl.geboorteketen.mappings.overdracht.HandoverTable;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * The handover Task workflow: only transitions the table (Library/overdracht, taskTransitions) allows,
 * a statusReason where the table requires one, and the parties and the document never change.
 * Who may make a transition is not decided here but by the access rule table (security feature,
 * rows "transitions": only Task.owner accepts or rejects).
 */
@Interceptor
public class HandoverTaskRules {

  private final FhirContext ctx;
  private final Supplier<HandoverTable> table;

  public HandoverTaskRules(FhirContext ctx, Supplier<HandoverTable> table) {
    this.ctx = ctx;
    this.table = table;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void onUpdate(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    if (!(previous instanceof Task before) || !(updated instanceof Task after) || !isHandover(before)) {
      return;
    }
    for (String element : List.of("requester", "owner", "focus", "for")) {
      if (!sameRef((Reference) before.getNamedProperty(element).getValues().stream().findFirst().orElse(null),
          (Reference) after.getNamedProperty(element).getValues().stream().findFirst().orElse(null))) {
        throw HandoverRefusal.of(ctx, IssueType.BUSINESSRULE, "Task." + element,
            "Task." + element + " van een overdracht verandert niet; een correctie is een nieuwe overdracht ($overdracht met 'vervangt').");
      }
    }
    String from = before.getStatus() == null ? "null" : before.getStatus().toCode();
    String to = after.getStatus() == null ? "null" : after.getStatus().toCode();
    if (from.equals(to)) {
      return;
    }
    List<String> allowed = table.get().allowedFrom(from);
    if (!allowed.contains(to)) {
      throw HandoverRefusal.of(ctx, IssueType.BUSINESSRULE, "Task.status",
          "Statusovergang " + from + " → " + to + " is niet toegestaan voor een overdracht; vanuit " + from
              + " mag: " + (allowed.isEmpty() ? "niets (eindstatus)" : String.join(", ", allowed)) + ".");
    }
    if (table.get().statusReasonRequiredFor().contains(to) && !after.hasStatusReason()) {
      throw HandoverRefusal.of(ctx, IssueType.REQUIRED, "Task.statusReason",
          "Bij status " + to + " is een reden (Task.statusReason) verplicht.");
    }
  }

  static boolean isHandover(Task task) {
    return task.getCode().hasCoding(HandoverService.SNOMED, HandoverService.TRANSFER_OF_CARE);
  }

  private static boolean sameRef(Reference a, Reference b) {
    String x = a == null ? null : a.getReferenceElement().toUnqualifiedVersionless().getValue();
    String y = b == null ? null : b.getReferenceElement().toUnqualifiedVersionless().getValue();
    return Objects.equals(x, y);
  }
}
