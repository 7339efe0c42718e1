package nl.geboorteketen.server.contribution;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneId;
import java.util.Optional;
import nl.geboorteketen.server.fhir.OperationProvider;
import nl.geboorteketen.server.fhir.Problems;
import nl.geboorteketen.server.fhir.Searches;
import nl.geboorteketen.server.indication.IndicationCodes;
import nl.geboorteketen.server.rules.RuleTableStore;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ServiceRequest;

/** $eigen-bijdrage: for given hours (type level) or for a stored kraamzorg indication (instance). */
public class ContributionProvider implements OperationProvider {

  private static final String NAME = "$eigen-bijdrage";
  private static final String CANONICAL = "https://fhir.geboorteketen.nl/OperationDefinition/eigen-bijdrage";

  private final ContributionService service;
  private final RuleTableStore tables;
  private final DaoRegistry daos;

  public ContributionProvider(ContributionService service, RuleTableStore tables, DaoRegistry daos) {
    this.service = service;
    this.tables = tables;
    this.daos = daos;
  }

  @Operation(name = NAME, type = ServiceRequest.class, idempotent = true, canonicalUrl = CANONICAL)
  public Parameters forHours(
      @OperationParam(name = "uren") DecimalType hours,
      @OperationParam(name = "digitaleUren") DecimalType digitalHours,
      @OperationParam(name = "jaar") IntegerType year,
      @OperationParam(name = "pijler1") BooleanType pillarOne) {
    boolean waived = pillarOne != null && Boolean.TRUE.equals(pillarOne.getValue());
    return answer(service.compute(value(hours), value(digitalHours), yearOr(year, Year.now().getValue()),
        waived, "opgegeven"));
  }

  @Operation(name = NAME, type = ServiceRequest.class, idempotent = true, canonicalUrl = CANONICAL)
  public Parameters forIndication(
      @IdParam IdType id,
      @OperationParam(name = "jaar") IntegerType year,
      @OperationParam(name = "pijler1") BooleanType pillarOne,
      RequestDetails rd) {
    ServiceRequest indication = daos.getResourceDao(ServiceRequest.class).read(id.toUnqualifiedVersionless(), rd);
    if (indication.getCode().getCoding().stream().noneMatch(c -> IndicationCodes.KRAAMZORG_HOURS.equals(c.getCode()))) {
      throw Problems.of(422, "ServiceRequest.code",
          "ServiceRequest/" + id.getIdPart() + " is geen kraamzorgindicatie (code SNOMED 160631000146109).");
    }
    BigDecimal hours = indication.hasQuantityQuantity() ? indication.getQuantityQuantity().getValue() : null;
    BigDecimal digital = indication.getExtensionByUrl(IndicationCodes.EXT_DIGITAL_HOURS) != null
        ? ((DecimalType) indication.getExtensionByUrl(IndicationCodes.EXT_DIGITAL_HOURS).getValue()).getValue() : null;
    int careYear = indication.hasAuthoredOn()
        ? indication.getAuthoredOn().toInstant().atZone(ZoneId.of("Europe/Amsterdam")).getYear()
        : Year.now().getValue();
    Optional<String> enrolment = pillarOne != null ? Optional.empty()
        : pillarOneEnrolment(indication.getSubject().getReference(), rd);
    boolean waived = pillarOne != null ? Boolean.TRUE.equals(pillarOne.getValue()) : enrolment.isPresent();
    return answer(service.compute(hours, digital, yearOr(year, careYear), waived,
        enrolment.orElse("opgegeven")));
  }

  /** An active programme enrolment whose type the rate table lists as waiving the contribution. */
  private Optional<String> pillarOneEnrolment(String patient, RequestDetails rd) {
    var waiving = tables.current(ContributionRules.URL, ContributionRules::parse).waivedForProgrammes();
    SearchParameterMap map = SearchParameterMap.newSynchronous()
        .add(EpisodeOfCare.SP_PATIENT, new ReferenceParam(patient))
        .add(EpisodeOfCare.SP_STATUS, new TokenParam("active"));
    return Searches.all(daos, EpisodeOfCare.class, map).stream()
        .filter(e -> e.getType().stream().flatMap(t -> t.getCoding().stream()).anyMatch(c -> waiving.contains(c.getCode())))
        .map(e -> "inschrijving EpisodeOfCare/" + e.getIdElement().getIdPart())
        .findFirst();
  }

  private static Parameters answer(ContributionService.Contribution c) {
    Parameters out = new Parameters();
    out.addParameter().setName("uurtarief").setValue(new Money().setCurrency(c.currency()).setValue(c.rate()));
    out.addParameter().setName("verschuldigdeUren").setValue(new DecimalType(c.payableHours()));
    out.addParameter().setName("vrijgesteldeUren").setValue(new DecimalType(c.exemptHours()));
    out.addParameter().setName("bedrag").setValue(new Money().setCurrency(c.currency()).setValue(c.amount()));
    c.explanation().forEach(e -> out.addParameter("uitleg", e));
    c.warnings().forEach(w -> out.addParameter("waarschuwing", w));
    out.addParameter().setName("regeltabel").setValue(new CanonicalType(c.table()));
    return out;
  }

  private static BigDecimal value(DecimalType value) {
    return value == null ? null : value.getValue();
  }

  private static int yearOr(IntegerType year, int fallback) {
    return year == null || year.getValue() == null ? fallback : year.getValue();
  }
}
