package nl.geboorteketen.server.contribution;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import nl.geboorteketen.mappings.contribution.ContributionCalculator;
import nl.geboorteketen.mappings.contribution.ContributionRules;
import nl.geboorteketen.server.fhir.OperationProvider;
import nl.geboorteketen.server.fhir.Problems;
import nl.geboorteketen.server.fhir.Searches;
import nl.geboorteketen.server.indication.IndicationCodes;
import nl.geboorteketen.server.operation.OperationInputs;
import nl.geboorteketen.server.rules.RuleTableStore;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
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
  public Parameters forHours(RequestDetails rd) {
    OperationInputs in = OperationInputs.of(rd);
    return answer(service.compute(in.decimal("uren"), in.decimal("digitaleUren"),
        yearOr(in.integer("jaar"), Year.now().getValue()), in.isTrue("pijler1"), "opgegeven"));
  }

  @Operation(name = NAME, type = ServiceRequest.class, idempotent = true, canonicalUrl = CANONICAL)
  public Parameters forIndication(@IdParam IdType id, RequestDetails rd) {
    OperationInputs in = OperationInputs.of(rd);
    for (String fromIndication : List.of("uren", "digitaleUren")) {
      if (in.has(fromIndication)) {
        throw Problems.of(400, org.hl7.fhir.r4.model.OperationOutcome.IssueType.NOTSUPPORTED, fromIndication, "Op een opgeslagen indicatie komen de uren uit de indicatie zelf; laat '"
            + fromIndication + "' weg, of vraag ServiceRequest/$eigen-bijdrage (zonder id) met de uren.");
      }
    }
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
    Boolean pillarOne = in.bool("pijler1");
    Optional<String> enrolment = pillarOne != null ? Optional.empty()
        : pillarOneEnrolment(indication.getSubject().getReference(), rd);
    boolean waived = pillarOne != null ? pillarOne : enrolment.isPresent();
    return answer(service.compute(hours, digital, yearOr(in.integer("jaar"), careYear), waived,
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

  private static Parameters answer(ContributionCalculator.Contribution c) {
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

  private static int yearOr(Integer year, int fallback) {
    return year == null ? fallback : year;
  }
}
