package nl.geboorteketen.server.programme;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import nl.geboorteketen.mappings.eligibility.Eligibility.CriterionResult;
import nl.geboorteketen.mappings.eligibility.Eligibility.Result;
import nl.geboorteketen.mappings.eligibility.ProgrammeTable;
import nl.geboorteketen.server.fhir.OperationProvider;
import nl.geboorteketen.server.operation.OperationInputs;
import nl.geboorteketen.server.operation.Period;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** {@code Patient/{id}/$ondersteuning} and {@code Patient/{id}/$inschrijven}: thin, see ProgrammeService. */
public class ProgrammeProvider implements OperationProvider {

  private final DaoRegistry daos;
  private final ProgrammeService service;
  private final PilotMonitoring monitoring;

  public ProgrammeProvider(DaoRegistry daos, ProgrammeService service, PilotMonitoring monitoring) {
    this.daos = daos;
    this.service = service;
    this.monitoring = monitoring;
  }

  @Operation(name = "$ondersteuning", idempotent = true, typeName = "Patient",
      canonicalUrl = "https://fhir.geboorteketen.nl/OperationDefinition/ondersteuning")
  public Parameters ondersteuning(@IdParam IdType id, RequestDetails request) {
    String programme = OperationInputs.of(request).string("programma");
    Patient mother = daos.getResourceDao(Patient.class).read(id.toUnqualifiedVersionless(), request);
    Parameters answer = new Parameters();
    ProgrammeTable table = service.table();
    answer.addParameter("regeltabel", ProgrammeTable.URL + "|" + table.version());
    for (Result result : service.assess(mother, programme)) {
      answer.addParameter(part(result));
    }
    return answer;
  }

  @Operation(name = "$inschrijven", typeName = "Patient",
      canonicalUrl = "https://fhir.geboorteketen.nl/OperationDefinition/inschrijven")
  public EpisodeOfCare inschrijven(@IdParam IdType id, RequestDetails request) {
    String programme = OperationInputs.of(request).string("programma");
    Patient mother = daos.getResourceDao(Patient.class).read(id.toUnqualifiedVersionless(), request);
    return service.enrol(mother, programme);
  }

  @Operation(name = "$monitoring", idempotent = true,
      canonicalUrl = "https://fhir.geboorteketen.nl/OperationDefinition/monitoring")
  public Parameters monitoring(RequestDetails request) {
    OperationInputs in = OperationInputs.of(request);
    LocalDate from = Period.day(in.string("start"), true);
    LocalDate to = Period.day(in.string("end"), false);
    Period.check(from, to);
    List<PilotMonitoring.Row> rows = monitoring.report(from, to);
    Parameters answer = new Parameters();
    for (PilotMonitoring.Row r : rows) {
      ParametersParameterComponent p = answer.addParameter().setName("rij");
      p.addPart().setName("maand").setValue(new StringType(r.month()));
      p.addPart().setName("gemeente").setValue(new StringType(r.municipality()));
      p.addPart().setName("pijler").setValue(new CodeType(r.programme()));
      p.addPart().setName("instroom").setValue(new IntegerType(r.inflow()));
      p.addPart().setName("urenGeindiceerd").setValue(new DecimalType(r.indicatedHours()));
      p.addPart().setName("gezinnenMetIndicatie").setValue(new IntegerType(r.withIndication()));
      p.addPart().setName("urenGeleverd").setValue(new DecimalType(r.deliveredHours()));
      p.addPart().setName("gezinnenMetGeleverdeUren").setValue(new IntegerType(r.withDelivered()));
    }
    answer.addParameter("csv", PilotMonitoring.csv(rows));
    return answer;
  }

  private static ParametersParameterComponent part(Result result) {
    ParametersParameterComponent p = new ParametersParameterComponent().setName("programma");
    p.addPart().setName("code").setValue(new Coding(ProgrammeService.system(result.programme()),
        result.programme().code(), result.programme().name()));
    p.addPart().setName("uitkomst").setValue(new CodeType(result.outcome().code()));
    p.addPart().setName("uitleg").setValue(new StringType(result.summary()));
    for (CriterionResult c : result.criteria()) {
      ParametersParameterComponent cp = p.addPart().setName("criterium");
      cp.addPart().setName("id").setValue(new StringType(c.id()));
      cp.addPart().setName("omschrijving").setValue(new StringType(c.text()));
      cp.addPart().setName("uitkomst").setValue(new CodeType(c.outcome().code()));
      cp.addPart().setName("toelichting").setValue(new StringType(c.outcome().criterionText() + ": " + c.explanation()));
      if (c.fact().display() != null) {
        cp.addPart().setName("waarde").setValue(new StringType(c.fact().display()));
      }
      c.fact().sources().forEach(s -> cp.addPart().setName("bron").setValue(new Reference(s)));
      if (c.fact().missing() != null) {
        cp.addPart().setName("ontbreekt").setValue(new StringType(c.fact().missing()));
      }
    }
    return p;
  }
}
