package nl.geboorteketen.server.kraamweek;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import nl.geboorteketen.mappings.kraamweek.BreastfeedingIndicator;
import nl.geboorteketen.server.fhir.OperationProvider;
import nl.geboorteketen.server.operation.OperationInputs;
import nl.geboorteketen.server.operation.Period;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

/** Organization/{id}/$borstvoedingsindicator?start=…&end=… (OperationDefinition/borstvoedingsindicator). */
public class BreastfeedingIndicatorProvider implements OperationProvider {

  private final BreastfeedingIndicatorService service;

  public BreastfeedingIndicatorProvider(BreastfeedingIndicatorService service) {
    this.service = service;
  }

  @Operation(name = "$borstvoedingsindicator", type = Organization.class, idempotent = true,
      canonicalUrl = "https://fhir.geboorteketen.nl/OperationDefinition/borstvoedingsindicator")
  public Parameters indicator(@IdParam IdType organization, RequestDetails request) {
    OperationInputs in = OperationInputs.of(request);
    LocalDate from = Period.day(in.string("start"), true);
    LocalDate to = Period.day(in.string("end"), false);
    Period.check(from, to);
    BreastfeedingIndicatorService.Answer answer =
        service.compute("Organization/" + organization.getIdPart(), from, to);
    BreastfeedingIndicator.Result r = answer.result();
    Parameters out = new Parameters();
    out.addParameter().setName("numerator").setValue(new IntegerType(r.numerator()));
    out.addParameter().setName("denominator").setValue(new IntegerType(r.denominator()));
    if (r.fraction() != null) {
      out.addParameter().setName("percentage").setValue(new DecimalType(
          BigDecimal.valueOf(r.fraction() * 100).setScale(1, RoundingMode.HALF_UP)));
      out.addParameter().setName("meetsNorm").setValue(new BooleanType(r.fraction() >= answer.norm()));
    }
    out.addParameter().setName("norm").setValue(new DecimalType(BigDecimal.valueOf(answer.norm())));
    for (BreastfeedingIndicator.ChildCount c : r.children()) {
      Parameters.ParametersParameterComponent child = out.addParameter().setName("child");
      child.addPart().setName("patient").setValue(new Reference(c.patient()));
      child.addPart().setName("firstCareDay").setValue(new DateType(c.firstCareDay().toString()));
      child.addPart().setName("lastCareDay").setValue(new DateType(c.lastCareDay().toString()));
      child.addPart().setName("inNumerator").setValue(new BooleanType(c.inNumerator()));
    }
    return out;
  }
}
