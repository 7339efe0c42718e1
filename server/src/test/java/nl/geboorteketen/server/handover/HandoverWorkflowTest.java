package nl.geboorteketen.server.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** The handover Task's status machine, the immutable document, and a correction as a new version. */
class HandoverWorkflowTest {

  static Task sent(HandoverFamily f) {
    f.indication(ServiceRequest.ServiceRequestStatus.ACTIVE);
    Http.Response response = f.overdracht("verloskundige-kraamzorg", f.kraamzorg(), null, null);
    assertEquals(200, response.status(), response::toString);
    return HandoverFamily.task(response);
  }

  static Http.Response put(HandoverFamily f, Task task) {
    return f.http.put("/fhir/Task/" + task.getIdElement().getIdPart(),
        Http.FHIR.newJsonParser().encodeResourceToString(task), "application/fhir+json");
  }

  static Task current(HandoverFamily f, Task task) {
    return f.http.get("/fhir/Task/" + task.getIdElement().getIdPart()).resource(Task.class);
  }

  @Test
  void requestedGoesToAcceptedThenCompleted() {
    HandoverFamily f = new HandoverFamily();
    Task task = sent(f);
    assertEquals(200, put(f, current(f, task).setStatus(Task.TaskStatus.ACCEPTED)).status());
    Http.Response done = put(f, current(f, task).setStatus(Task.TaskStatus.COMPLETED));
    assertEquals(200, done.status(), done::toString);
    assertEquals(Task.TaskStatus.COMPLETED, current(f, task).getStatus());
  }

  @Test
  void skippingAcceptanceIsRefusedNamingTheAllowedTransitions() {
    HandoverFamily f = new HandoverFamily();
    Task task = sent(f);
    Http.Response refused = put(f, current(f, task).setStatus(Task.TaskStatus.COMPLETED));
    assertEquals(422, refused.status(), refused::toString);
    assertEquals("Task.status", refused.outcome().getIssueFirstRep().getExpression().get(0).getValue());
    assertTrue(refused.outcome().getIssueFirstRep().getDiagnostics().contains("accepted, rejected, cancelled"), refused::toString);
    assertEquals(Task.TaskStatus.REQUESTED, current(f, task).getStatus(), "the store is unchanged");
  }

  @Test
  void rejectingNeedsAReasonAndIsFinal() {
    HandoverFamily f = new HandoverFamily();
    Task task = sent(f);
    Http.Response noReason = put(f, current(f, task).setStatus(Task.TaskStatus.REJECTED));
    assertEquals(422, noReason.status(), noReason::toString);
    assertTrue(noReason.body().contains("statusReason"), noReason::toString);

    Task rejected = current(f, task).setStatus(Task.TaskStatus.REJECTED);
    rejected.setStatusReason(new CodeableConcept().setText("Geen capaciteit in deze regio"));
    assertEquals(200, put(f, rejected).status());

    Http.Response reopen = put(f, current(f, task).setStatus(Task.TaskStatus.ACCEPTED));
    assertEquals(422, reopen.status(), reopen::toString);
    assertTrue(reopen.outcome().getIssueFirstRep().getDiagnostics().contains("eindstatus"), reopen::toString);
  }

  @Test
  void theReceiverCannotBeChangedOnATask() {
    HandoverFamily f = new HandoverFamily();
    Task task = sent(f);
    Http.Response refused = put(f, current(f, task).setOwner(new Reference(f.jgz())));
    assertEquals(422, refused.status(), refused::toString);
    assertEquals("Task.owner", refused.outcome().getIssueFirstRep().getExpression().get(0).getValue());
  }

  @Test
  void aSentDocumentCannotBeChangedOrDeleted() {
    HandoverFamily f = new HandoverFamily();
    Task task = sent(f);
    String doc = "/fhir/" + task.getFocus().getReference();
    Bundle stored = f.http.get(doc).resource(Bundle.class);
    ((Composition) stored.getEntryFirstRep().getResource()).setTitle("Aangepast");

    Http.Response update = f.http.put(doc, Http.FHIR.newJsonParser().encodeResourceToString(stored), "application/fhir+json");
    assertEquals(405, update.status(), update::toString);
    assertTrue(update.body().contains("vervangt"), update::toString);
    // the same answer when the change would not even be valid: the guard speaks before the validator
    ((Composition) stored.getEntryFirstRep().getResource()).setStatus(null);
    Http.Response invalid = f.http.put(doc, Http.FHIR.newJsonParser().encodeResourceToString(stored), "application/fhir+json");
    assertEquals(405, invalid.status(), invalid::toString);

    String root = nl.geboorteketen.server.support.TestServer.shared().baseUrl().replaceAll("/fhir$", "");
    Http.Response delete = f.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + doc))
        .header("Accept", "application/fhir+json").DELETE());
    assertEquals(405, delete.status(), delete::toString);
    assertEquals("Overdracht verloskundige → kraamzorg",
        ((Composition) f.http.get(doc).resource(Bundle.class).getEntryFirstRep().getResource()).getTitle());
  }

  /** A copy of the document, stored as a client would, passes the checks every client write gets. */
  @Test
  void theSentDocumentMeetsFhirsDefinitionOfADocument() {
    HandoverFamily f = new HandoverFamily();
    Task task = sent(f);
    Bundle doc = Http.shared().get("/fhir/" + task.getFocus().getReference()).resource(Bundle.class);
    doc.setId((String) null);

    Http.Response copy = Http.shared().postJson("/fhir/Bundle", doc);

    assertEquals(201, copy.status(), copy::toString);
  }

  @Test
  void aCorrectionIsANewDocumentThatReplacesTheOldOne() {
    HandoverFamily f = new HandoverFamily();
    Task first = sent(f);
    Bundle firstDoc = f.http.get("/fhir/" + first.getFocus().getReference()).resource(Bundle.class);
    String firstIdentifier = ((Composition) firstDoc.getEntryFirstRep().getResource()).getIdentifier().getValue();

    Http.Response response = f.overdracht("verloskundige-kraamzorg", f.kraamzorg(), null,
        "Task/" + first.getIdElement().getIdPart());

    assertEquals(200, response.status(), response::toString);
    Composition corrected = (Composition) HandoverFamily.document(response).getEntryFirstRep().getResource();
    assertEquals(Composition.DocumentRelationshipType.REPLACES, corrected.getRelatesToFirstRep().getCode());
    assertEquals(firstIdentifier, corrected.getRelatesToFirstRep().getTargetIdentifier().getValue());
    Task second = HandoverFamily.task(response);
    assertEquals("Task/" + first.getIdElement().getIdPart(), ((Reference) second.getExtensionByUrl(
        HandoverService.REPLACES_EXT).getValue()).getReference());
    Task old = current(f, first);
    assertEquals(Task.TaskStatus.CANCELLED, old.getStatus());
    assertTrue(old.getStatusReason().getText().contains(second.getIdElement().getIdPart()));
    assertEquals(200, f.http.get("/fhir/" + first.getFocus().getReference()).status(), "the old document is kept");
  }
}
