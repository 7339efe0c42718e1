package nl.geboorteketen.server.handover;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * A sent handover document is immutable: update and delete are refused (405). A correction is a new
 * handover whose Composition.relatesTo (replaces) points at the old one.
 */
@Interceptor
public class HandoverDocumentGuard {

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void onUpdate(IBaseResource previous, IBaseResource updated) {
    refuseIfHandover(previous, "gewijzigd");
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void onDelete(IBaseResource previous) {
    refuseIfHandover(previous, "verwijderd");
  }

  private static void refuseIfHandover(IBaseResource stored, String what) {
    if (!isHandoverDocument(stored)) {
      return;
    }
    OperationOutcome oo = new OperationOutcome();
    oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.NOTSUPPORTED)
        .setDiagnostics("Een verzonden overdrachtsdocument kan niet worden " + what + ". Corrigeer met een nieuwe "
            + "overdracht: EpisodeOfCare/{id}/$overdracht met parameter 'vervangt' = de Task van dit document.")
        .addExpression("Bundle");
    MethodNotAllowedException e = new MethodNotAllowedException("Overdrachtsdocument is onveranderlijk");
    e.setOperationOutcome(oo);
    throw e;
  }

  static boolean isHandoverDocument(IBaseResource r) {
    return r instanceof Bundle b && b.getType() == Bundle.BundleType.DOCUMENT
        && b.getEntryFirstRep().getResource() instanceof Composition c
        && c.getType().hasCoding(nl.geboorteketen.mappings.overdracht.HandoverDocumentBuilder.HANDOVER_TYPE_SYSTEM,
            c.getType().getCodingFirstRep().getCode());
  }
}
