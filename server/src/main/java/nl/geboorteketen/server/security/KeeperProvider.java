package nl.geboorteketen.server.security;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import nl.geboorteketen.mappings.access.AccessRules;
import nl.geboorteketen.server.fhir.OperationProvider;
import nl.geboorteketen.server.fhir.Problems;
import nl.geboorteketen.server.fhir.StoredRecords;
import nl.geboorteketen.server.operation.OperationInputs;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

/**
 * POST $bewaarder-toewijzen (OperationDefinition/bewaarder-toewijzen, the beheerder's only): names
 * the organisation that keeps a record of no family — the one that may change it besides the
 * beheerder. For what the beheerder loaded for a practice, and for records stored before keepers
 * were kept.
 */
public class KeeperProvider implements OperationProvider {

  private final CareLedger ledger;
  private final StoredRecords stored;
  private final AccessRules rules;
  private final FamilyScope scope;

  public KeeperProvider(CareLedger ledger, StoredRecords stored, AccessRules rules, FamilyScope scope) {
    this.ledger = ledger;
    this.stored = stored;
    this.rules = rules;
    this.scope = scope;
  }

  @Operation(name = "$bewaarder-toewijzen",
      canonicalUrl = "https://fhir.geboorteketen.nl/OperationDefinition/bewaarder-toewijzen")
  public Parameters assign(RequestDetails request) {
    OperationInputs in = OperationInputs.of(request);
    String record = local(in.reference("record"), "record");
    String organisation = local(in.reference("organisatie"), "organisatie");
    if (record == null || !rules.partnerMayWriteFamilyless(record.split("/")[0]) || record.startsWith("Subscription/")) {
      throw Problems.of(422, "Parameters.parameter.where(name = 'record')", "Alleen een record van een type dat een "
          + "partner zonder gezin vastlegt heeft een bewaarder: " + String.join(", ", rules.partnerFamilylessTypes())
          + " (een Subscription hoort bij de organisatie in haar criteria).");
    }
    IBaseResource kept = stored.read(record).orElseThrow(() -> new ResourceNotFoundException(record + " bestaat niet."));
    if (organisation == null || !organisation.startsWith("Organization/") || stored.read(organisation).isEmpty()) {
      throw new ResourceNotFoundException("De organisatie " + organisation + " bestaat niet.");
    }
    if (!scope.familyMembersOf(kept).isEmpty()) {
      throw Problems.of(422, "Parameters.parameter.where(name = 'record')", record + " hoort bij een gezin: wie het "
          + "wijzigt volgt uit de zorgrelaties van dat gezin, niet uit een bewaarder.");
    }
    Caller caller = AuthenticationInterceptor.caller(request);
    ledger.keep(record, organisation, CareFacts.grantor(caller) + ": " + in.string("reden", CareLedger.REASON_LENGTH));
    Parameters out = new Parameters();
    out.addParameter().setName("record").setValue(new Reference(record));
    out.addParameter().setName("bewaarder").setValue(new Reference(organisation));
    return out;
  }

  /** A record of this server, as Type/id: a reference to another server names nothing here. */
  private static String local(Reference ref, String parameter) {
    if (ref.getReferenceElement().isAbsolute()) {
      throw Problems.of(422, "Parameters.parameter.where(name = '" + parameter + "')", "Parameter '" + parameter
          + "' verwijst naar een andere server (" + ref.getReference() + "); geef Type/id van een record op deze server.");
    }
    return CareFacts.ref(ref);
  }
}
