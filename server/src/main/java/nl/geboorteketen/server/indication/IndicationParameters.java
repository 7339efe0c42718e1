package nl.geboorteketen.server.indication;

import static nl.geboorteketen.server.indication.IndicationCodes.CS_PACKAGE;

import java.math.BigDecimal;
import java.util.List;
import nl.geboorteketen.mappings.lip.IndicationResult;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.StringType;

/** The answer of $lip-indicatie as Parameters, named as in its OperationDefinition. */
final class IndicationParameters {

  private IndicationParameters() {}

  static Parameters answer(IndicationService.Outcome outcome) {
    IndicationResult r = outcome.result();
    Parameters out = new Parameters();
    out.addParameter().setName("pakket").setValue(new Coding(CS_PACKAGE, r.packageCode(), r.packageLabel()));
    out.addParameter("pakketNaam", r.packageLabel());
    out.addParameter().setName("totaalUren").setValue(decimal(r.totalHours()));
    out.addParameter("zorgdagen", r.careDays());
    for (IndicationResult.Component c : r.components()) {
      ParametersParameterComponent p = out.addParameter().setName("component");
      p.addPart().setName("code").setValue(new StringType(c.code()));
      p.addPart().setName("naam").setValue(new StringType(c.label()));
      p.addPart().setName("uren").setValue(decimal(c.hours()));
    }
    List<Double> schedule = r.schedule();
    for (int day = 0; day < schedule.size(); day++) {
      ParametersParameterComponent p = out.addParameter().setName("dag");
      p.addPart().setName("dag").setValue(new IntegerType(day + 1));
      p.addPart().setName("uren").setValue(decimal(schedule.get(day)));
    }
    for (IndicationResult.Fired f : r.rules()) {
      ParametersParameterComponent p = out.addParameter().setName("regel");
      p.addPart().setName("code").setValue(new StringType(f.code()));
      p.addPart().setName("uitleg").setValue(new StringType(f.explanation()));
    }
    r.warnings().forEach(w -> out.addParameter("waarschuwing", w));
    out.addParameter().setName("intake").setValue(new CodeType(r.intakeType()));
    ParametersParameterComponent digital = out.addParameter().setName("digitaleInstructie");
    digital.addPart().setName("actief").setValue(new BooleanType(r.digitalInstruction().active()));
    digital.addPart().setName("vervangenUren").setValue(decimal(r.digitalInstruction().replacedHours()));
    digital.addPart().setName("fysiekeUren").setValue(decimal(r.digitalInstruction().physicalHours()));
    digital.addPart().setName("uitleg").setValue(new StringType(r.digitalInstruction().explanation()));
    out.addParameter().setName("regeltabel").setValue(new CanonicalType(r.ruleTable()));
    outcome.used().forEach(u -> out.addParameter("gebruikteGegevens", u));
    if (outcome.indication() != null) {
      out.addParameter().setName("indicatie").setResource(outcome.indication());
    }
    if (outcome.provenance() != null) {
      out.addParameter().setName("provenance").setResource(outcome.provenance());
    }
    return out;
  }

  private static DecimalType decimal(double value) {
    return new DecimalType(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
  }
}
