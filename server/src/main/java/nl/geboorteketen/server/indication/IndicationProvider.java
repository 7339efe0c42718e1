package nl.geboorteketen.server.indication;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.geboorteketen.server.fhir.OperationProvider;
import nl.geboorteketen.server.fhir.Problems;
import nl.geboorteketen.server.indication.IndicationInputException.Problem;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Signature;
import org.hl7.fhir.r4.model.StringType;

/**
 * $lip-indicatie: on ServiceRequest with explicit inputs, on a maternal record (EpisodeOfCare)
 * reading what is stored. The work is done by {@link IndicationService}.
 */
public class IndicationProvider implements OperationProvider {

  private static final String NAME = "$lip-indicatie";
  private final IndicationService service;

  public IndicationProvider(IndicationService service) {
    this.service = service;
  }

  @Operation(name = NAME, type = ServiceRequest.class, idempotent = true, canonicalUrl = IndicationCodes.OPERATION)
  public Parameters computeFromInputs(
      @OperationParam(name = "eersteKind") BooleanType firstChild,
      @OperationParam(name = "voeding") CodeType feeding,
      @OperationParam(name = "moment") CodeType moment,
      @OperationParam(name = "meerfactor", max = OperationParam.MAX_UNLIMITED) List<CodeType> more,
      @OperationParam(name = "minderfactor", max = OperationParam.MAX_UNLIMITED) List<CodeType> fewer,
      @OperationParam(name = "ziekenhuisdagen") IntegerType hospitalDays,
      @OperationParam(name = "ligdagenGeboortecentrum") IntegerType lyingInDays,
      @OperationParam(name = "gewensteUren") DecimalType wish,
      @OperationParam(name = "uren") DecimalType hours,
      @OperationParam(name = "redenAfwijking") StringType reason,
      @OperationParam(name = "thuisintakeGeindiceerd") BooleanType homeIntake,
      @OperationParam(name = "digitaleInstructieBezwaar") BooleanType digitalObjection,
      @OperationParam(name = "digitaleInstructieUren") DecimalType digitalHours,
      @OperationParam(name = "persist") BooleanType persist,
      @OperationParam(name = "zwangerschapsdossier") Reference record,
      @OperationParam(name = "client") Reference client,
      @OperationParam(name = "aanvrager") Reference requester,
      @OperationParam(name = "uitvoerder") Reference performer,
      @OperationParam(name = "partusassistentie") BooleanType partus,
      @OperationParam(name = "handtekeningVerloskundige") Signature midwifeSignature,
      @OperationParam(name = "handtekeningClient") Signature clientSignature,
      RequestDetails rd) {
    rejectUnknownParameters(rd);
    IndicationRequest request = request(firstChild, feeding, moment, more, fewer, hospitalDays, lyingInDays, wish,
        hours, reason, homeIntake, digitalObjection, digitalHours, true);
    IndicationService.Persist storage = new IndicationService.Persist(isTrue(persist), record, client, requester,
        performer, isTrue(partus), midwifeSignature, clientSignature);
    try {
      return IndicationParameters.answer(service.compute(request, storage, rd));
    } catch (IndicationInputException e) {
      throw e.asFhir();
    }
  }

  @Operation(name = NAME, type = EpisodeOfCare.class, idempotent = true, canonicalUrl = IndicationCodes.OPERATION)
  public Parameters computeForRecord(
      @IdParam IdType recordId,
      @OperationParam(name = "eersteKind") BooleanType firstChild,
      @OperationParam(name = "voeding") CodeType feeding,
      @OperationParam(name = "moment") CodeType moment,
      @OperationParam(name = "meerfactor", max = OperationParam.MAX_UNLIMITED) List<CodeType> more,
      @OperationParam(name = "minderfactor", max = OperationParam.MAX_UNLIMITED) List<CodeType> fewer,
      @OperationParam(name = "ziekenhuisdagen") IntegerType hospitalDays,
      @OperationParam(name = "ligdagenGeboortecentrum") IntegerType lyingInDays,
      @OperationParam(name = "gewensteUren") DecimalType wish,
      @OperationParam(name = "uren") DecimalType hours,
      @OperationParam(name = "redenAfwijking") StringType reason,
      @OperationParam(name = "thuisintakeGeindiceerd") BooleanType homeIntake,
      @OperationParam(name = "digitaleInstructieBezwaar") BooleanType digitalObjection,
      @OperationParam(name = "digitaleInstructieUren") DecimalType digitalHours,
      @OperationParam(name = "persist") BooleanType persist,
      @OperationParam(name = "client") Reference client,
      @OperationParam(name = "aanvrager") Reference requester,
      @OperationParam(name = "uitvoerder") Reference performer,
      @OperationParam(name = "partusassistentie") BooleanType partus,
      @OperationParam(name = "handtekeningVerloskundige") Signature midwifeSignature,
      @OperationParam(name = "handtekeningClient") Signature clientSignature,
      RequestDetails rd) {
    rejectUnknownParameters(rd);
    IndicationRequest request = request(firstChild, feeding, moment, more, fewer, hospitalDays, lyingInDays, wish,
        hours, reason, homeIntake, digitalObjection, digitalHours, true);
    IndicationService.Persist storage = new IndicationService.Persist(isTrue(persist), null, client, requester,
        performer, isTrue(partus), midwifeSignature, clientSignature);
    try {
      return IndicationParameters.answer(service.computeForRecord(recordId, request, storage, rd));
    } catch (IndicationInputException e) {
      throw e.asFhir();
    }
  }

  private static IndicationRequest request(BooleanType firstChild, CodeType feeding, CodeType moment,
      List<CodeType> more, List<CodeType> fewer, IntegerType hospitalDays, IntegerType lyingInDays,
      DecimalType wish, DecimalType hours, StringType reason, BooleanType homeIntake,
      BooleanType digitalObjection, DecimalType digitalHours, boolean defaultMoment) {
    List<Problem> problems = new ArrayList<>();
    Feeding parsedFeeding = null;
    if (feeding != null) {
      parsedFeeding = switch (feeding.getValue()) {
        case "borstvoeding" -> Feeding.BREAST;
        case "kunstvoeding" -> Feeding.FORMULA;
        default -> {
          problems.add(new Problem("voeding", "Onbekende voeding '" + feeding.getValue() + "'. Geldig: borstvoeding, kunstvoeding."));
          yield null;
        }
      };
    }
    Moment parsedMoment = moment == null ? (defaultMoment ? Moment.INTAKE : null)
        : Moment.fromCode(moment.getValue()).orElse(null);
    if (moment != null && parsedMoment == null) {
      problems.add(new Problem("moment", "Onbekend moment '" + moment.getValue() + "'. Geldig: intake, kraambed, herindicatie."));
    }
    if (!problems.isEmpty()) {
      throw new IndicationInputException(400, problems).asFhir();
    }
    return new IndicationRequest(
        firstChild == null ? null : firstChild.getValue(), parsedFeeding, parsedMoment,
        codes(more), codes(fewer),
        hospitalDays == null ? null : hospitalDays.getValue(),
        lyingInDays == null ? null : lyingInDays.getValue(),
        number(wish), number(hours), reason == null ? null : reason.getValue(),
        isTrue(homeIntake), isTrue(digitalObjection), number(digitalHours));
  }

  /** A misspelt parameter would otherwise be ignored silently and change the indication. */
  private static void rejectUnknownParameters(RequestDetails rd) {
    Set<String> names = new HashSet<>(rd.getParameters().keySet());
    if (rd.getResource() instanceof Parameters body) {
      body.getParameter().forEach(p -> names.add(p.getName()));
    }
    names.removeIf(n -> n.startsWith("_") || IndicationParameters.INPUTS.contains(n));
    if (!names.isEmpty()) {
      throw Problems.of(400, names.stream().sorted().map(n -> new Problems.Problem(n,
          "Onbekende parameter '" + n + "' voor $lip-indicatie. Geldig: "
              + String.join(", ", IndicationParameters.INPUTS.stream().sorted().toList()) + ".")).toList());
    }
  }

  private static Set<String> codes(List<CodeType> codes) {
    Set<String> result = new HashSet<>();
    if (codes != null) {
      codes.forEach(c -> result.add(c.getValue()));
    }
    return result;
  }

  private static Double number(DecimalType value) {
    return value == null || value.getValue() == null ? null : value.getValue().doubleValue();
  }

  private static boolean isTrue(BooleanType value) {
    return value != null && Boolean.TRUE.equals(value.getValue());
  }
}
