package nl.geboorteketen.server.security;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import java.time.Instant;
import java.util.Date;
import nl.geboorteketen.server.fhir.OperationProvider;
import nl.geboorteketen.server.operation.OperationInputs;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * GET Patient/{id}/$zorgrelaties (OperationDefinition/zorgrelaties): the care relationships the
 * ledger holds for the patient's family; who may ask is decided like a read of the Patient. And
 * the beheerder's own grant and revocation ($zorgrelatie-verlenen, $zorgrelatie-intrekken).
 */
public class ZorgrelatiesProvider implements OperationProvider {

  private final CareLedger ledger;
  private final ca.uhn.fhir.jpa.api.dao.DaoRegistry daos;

  public ZorgrelatiesProvider(CareLedger ledger, ca.uhn.fhir.jpa.api.dao.DaoRegistry daos) {
    this.ledger = ledger;
    this.daos = daos;
  }

  /** The beheerder grants a relationship by hand (for a situation the chain's own routes do not cover). */
  @Operation(name = "$zorgrelatie-verlenen", type = Patient.class,
      canonicalUrl = "https://fhir.geboorteketen.nl/OperationDefinition/zorgrelatie-verlenen")
  public Parameters grant(@IdParam IdType patient, ca.uhn.fhir.rest.api.server.RequestDetails request) {
    ByHand input = byHand(patient, request);
    ledger.grant(input.family(), input.organisation(), CareFacts.BEHEERDER, null, input.by() + ": " + input.why(), null);
    return relationships(patient, true);
  }

  /** The beheerder ends every current relationship of an organisation with the family, at once. */
  @Operation(name = "$zorgrelatie-intrekken", type = Patient.class,
      canonicalUrl = "https://fhir.geboorteketen.nl/OperationDefinition/zorgrelatie-intrekken")
  public Parameters revoke(@IdParam IdType patient, ca.uhn.fhir.rest.api.server.RequestDetails request) {
    ByHand input = byHand(patient, request);
    ledger.endAll(input.family(), input.organisation(), Instant.now(), "ingetrokken door " + input.by() + ": " + input.why());
    return relationships(patient, false);
  }

  /** What a grant or revocation by hand is about, once checked: both resources exist, a reason is given. */
  private record ByHand(String family, String organisation, String why, String by) {}

  private ByHand byHand(IdType patient, ca.uhn.fhir.rest.api.server.RequestDetails request) {
    OperationInputs in = OperationInputs.of(request);
    String org = CareFacts.ref(in.reference("organisatie"));
    String why = in.string("reden", CareLedger.REASON_LENGTH);
    String self = "Patient/" + patient.getIdPart();
    for (String ref : new String[] {self, org}) {
      try {
        daos.getResourceDao(ref.split("/")[0]).read(new IdType(ref), new ca.uhn.fhir.rest.api.server.SystemRequestDetails());
      } catch (ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException
          | ca.uhn.fhir.rest.server.exceptions.ResourceGoneException e) {
        throw new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException(ref + " bestaat niet.");
      }
    }
    return new ByHand(ledger.familyOf(self), org, why, CareFacts.grantor(AuthenticationInterceptor.caller(request)));
  }

  @Operation(name = "$zorgrelaties", type = Patient.class, idempotent = true,
      canonicalUrl = "https://fhir.geboorteketen.nl/OperationDefinition/zorgrelaties")
  public Parameters zorgrelaties(@IdParam IdType patient, ca.uhn.fhir.rest.api.server.RequestDetails request) {
    return relationships(patient, OperationInputs.of(request).isTrue("alleen-actief"));
  }

  private Parameters relationships(IdType patient, boolean onlyActive) {
    Instant now = Instant.now();
    Parameters out = new Parameters();
    for (CareLedger.Relationship r : ledger.relationships(ledger.familyOf("Patient/" + patient.getIdPart()))) {
      boolean active = r.activeAt(now);
      if (onlyActive && !active) {
        continue;
      }
      Parameters.ParametersParameterComponent p = out.addParameter().setName("zorgrelatie");
      p.addPart().setName("organisatie").setValue(new Reference(r.organisation()));
      p.addPart().setName("reden").setValue(new CodeType(r.reason()));
      if (r.source() != null) {
        p.addPart().setName("bron").setValue(new Reference(r.source()));
      }
      p.addPart().setName("verleendDoor").setValue(new StringType(r.grantedBy()));
      p.addPart().setName("sinds").setValue(new DateTimeType(Date.from(r.grantedAt())));
      if (r.endsAt() != null) {
        p.addPart().setName("tot").setValue(new DateTimeType(Date.from(r.endsAt())));
      }
      if (r.endReason() != null) {
        p.addPart().setName("eindeReden").setValue(new StringType(r.endReason()));
      }
      p.addPart().setName("actief").setValue(new BooleanType(active));
    }
    return out;
  }
}
