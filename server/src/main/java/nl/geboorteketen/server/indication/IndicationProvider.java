package nl.geboorteketen.server.indication;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.HashSet;
import nl.geboorteketen.mappings.lip.Feeding;
import nl.geboorteketen.mappings.RuleInputException;
import nl.geboorteketen.mappings.lip.IndicationRequest;
import nl.geboorteketen.mappings.lip.Moment;
import nl.geboorteketen.server.fhir.OperationProvider;
import nl.geboorteketen.server.fhir.Problems;
import nl.geboorteketen.server.operation.OperationInputs;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * $lip-indicatie: on ServiceRequest with explicit inputs, on a maternal record (EpisodeOfCare)
 * reading what is stored. Inputs are bound from the OperationDefinitions lip-indicatie and
 * lip-indicatie-dossier; the work is done by {@link IndicationService}.
 */
public class IndicationProvider implements OperationProvider {

  private static final String NAME = "$lip-indicatie";
  static final String DOSSIER_OPERATION = "https://fhir.geboorteketen.nl/OperationDefinition/lip-indicatie-dossier";
  private final IndicationService service;

  public IndicationProvider(IndicationService service) {
    this.service = service;
  }

  @Operation(name = NAME, type = ServiceRequest.class, idempotent = true, canonicalUrl = IndicationCodes.OPERATION)
  public Parameters computeFromInputs(RequestDetails rd) {
    OperationInputs in = OperationInputs.of(rd);
    try {
      return IndicationParameters.answer(service.compute(request(in), storage(in, in.reference("zwangerschapsdossier")), rd));
    } catch (RuleInputException e) {
      throw asFhir(e);
    }
  }

  @Operation(name = NAME, type = EpisodeOfCare.class, idempotent = true, canonicalUrl = DOSSIER_OPERATION)
  public Parameters computeForRecord(@IdParam IdType recordId, RequestDetails rd) {
    OperationInputs in = OperationInputs.of(rd);
    try {
      return IndicationParameters.answer(service.computeForRecord(recordId, request(in), storage(in, null), rd));
    } catch (RuleInputException e) {
      throw asFhir(e);
    }
  }

  /** The OperationOutcome a client gets: one issue per problem, its expression the parameter. */
  private static RuntimeException asFhir(RuleInputException e) {
    return Problems.of(e.status(), e.problems().stream().map(p -> new Problems.Problem(p.parameter(), p.message())).toList());
  }

  private static IndicationService.Persist storage(OperationInputs in, org.hl7.fhir.r4.model.Reference record) {
    return new IndicationService.Persist(in.isTrue("persist"), record, in.reference("client"), in.reference("aanvrager"),
        in.reference("uitvoerder"), in.isTrue("partusassistentie"), in.signature("handtekeningVerloskundige"),
        in.signature("handtekeningClient"));
  }

  /** The codes are already checked against their value sets (lip-feeding, lip-moment, lip-factor). */
  private static IndicationRequest request(OperationInputs in) {
    String feeding = in.string("voeding");
    return new IndicationRequest(in.bool("eersteKind"),
        feeding == null ? null : "kunstvoeding".equals(feeding) ? Feeding.FORMULA : Feeding.BREAST,
        in.has("moment") ? Moment.fromCode(in.string("moment")).orElseThrow() : Moment.INTAKE,
        new HashSet<>(in.strings("meerfactor")), new HashSet<>(in.strings("minderfactor")),
        in.integer("ziekenhuisdagen"), in.integer("ligdagenGeboortecentrum"),
        in.number("gewensteUren"), in.number("uren"), in.string("redenAfwijking"),
        in.isTrue("thuisintakeGeindiceerd"), in.isTrue("digitaleInstructieBezwaar"), in.number("digitaleInstructieUren"));
  }
}
