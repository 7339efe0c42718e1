package nl.geboorteketen.mappings.izk;

import java.util.Map;
import org.hl7.fhir.convertors.context.ConversionContext30_40;
import org.hl7.fhir.convertors.conv30_40.VersionConvertor_30_40;
import org.hl7.fhir.convertors.advisors.impl.BaseAdvisor_30_40;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * STU3 ReferralRequest and R4 ServiceRequest: HL7's convertor has no pair for them (it maps
 * ServiceRequest to ProcedureRequest), so the elements the IZK referral uses are mapped here. Not
 * mapped, because R4 has no place for them: {@code description}, {@code serviceRequested} beyond the
 * first, {@code requester.onBehalfOf} (see README, "What does not round-trip").
 */
final class ReferralRequests {

  private static final Map<String, String> STATUS_TO_R4 = Map.of("suspended", "on-hold", "cancelled", "revoked");
  private static final Map<String, String> STATUS_TO_STU3 = Map.of("on-hold", "suspended", "revoked", "cancelled");

  private ReferralRequests() {}

  static ReferralRequest toStu3(ServiceRequest in) {
    return convert(() -> {
      ReferralRequest out = new ReferralRequest();
      resource(in, out);
      in.getIdentifier().forEach(i -> out.addIdentifier(cv(i)));
      in.getBasedOn().forEach(r -> out.addBasedOn(cv(r)));
      in.getReplaces().forEach(r -> out.addReplaces(cv(r)));
      if (in.hasRequisition()) out.setGroupIdentifier(cv(in.getRequisition()));
      if (in.hasStatus()) out.setStatus(ReferralRequest.ReferralRequestStatus.fromCode(
          STATUS_TO_STU3.getOrDefault(in.getStatus().toCode(), in.getStatus().toCode())));
      if (in.hasIntent()) out.setIntent(ReferralRequest.ReferralCategory.fromCode(in.getIntent().toCode()));
      if (in.hasCode()) out.setType(cv(in.getCode()));
      if (in.hasPriority()) out.setPriority(ReferralRequest.ReferralPriority.fromCode(in.getPriority().toCode()));
      if (in.hasSubject()) out.setSubject(cv(in.getSubject()));
      if (in.hasEncounter()) out.setContext(cv(in.getEncounter()));
      if (in.hasOccurrence()) out.setOccurrence(cv(in.getOccurrence()));
      if (in.hasAuthoredOn()) out.setAuthoredOnElement(cv(in.getAuthoredOnElement()));
      if (in.hasRequester()) out.getRequester().setAgent(cv(in.getRequester()));
      if (in.hasPerformerType()) out.setSpecialty(cv(in.getPerformerType()));
      in.getPerformer().forEach(r -> out.addRecipient(cv(r)));
      in.getReasonCode().forEach(cc -> out.addReasonCode(cv(cc)));
      in.getReasonReference().forEach(r -> out.addReasonReference(cv(r)));
      in.getSupportingInfo().forEach(r -> out.addSupportingInfo(cv(r)));
      in.getNote().forEach(n -> out.addNote(cv(n)));
      in.getRelevantHistory().forEach(r -> out.addRelevantHistory(cv(r)));
      return out;
    });
  }

  static ServiceRequest toR4(ReferralRequest in) {
    return convert(() -> {
      ServiceRequest out = new ServiceRequest();
      resource(in, out);
      in.getIdentifier().forEach(i -> out.addIdentifier(cv(i)));
      in.getBasedOn().forEach(r -> out.addBasedOn(cv(r)));
      in.getReplaces().forEach(r -> out.addReplaces(cv(r)));
      if (in.hasGroupIdentifier()) out.setRequisition(cv(in.getGroupIdentifier()));
      if (in.hasStatus()) out.setStatus(ServiceRequest.ServiceRequestStatus.fromCode(
          STATUS_TO_R4.getOrDefault(in.getStatus().toCode(), in.getStatus().toCode())));
      out.setIntent(in.hasIntent() ? ServiceRequest.ServiceRequestIntent.fromCode(in.getIntent().toCode())
          : ServiceRequest.ServiceRequestIntent.ORDER);
      if (in.hasType()) out.setCode(cv(in.getType()));
      if (in.hasPriority()) out.setPriority(ServiceRequest.ServiceRequestPriority.fromCode(in.getPriority().toCode()));
      if (in.hasSubject()) out.setSubject(cv(in.getSubject()));
      if (in.hasContext()) out.setEncounter(cv(in.getContext()));
      if (in.hasOccurrence()) out.setOccurrence(cv(in.getOccurrence()));
      if (in.hasAuthoredOn()) out.setAuthoredOnElement(cv(in.getAuthoredOnElement()));
      if (in.getRequester().hasAgent()) out.setRequester(cv(in.getRequester().getAgent()));
      if (in.hasSpecialty()) out.setPerformerType(cv(in.getSpecialty()));
      in.getRecipient().forEach(r -> out.addPerformer(cv(r)));
      in.getReasonCode().forEach(cc -> out.addReasonCode(cv(cc)));
      in.getReasonReference().forEach(r -> out.addReasonReference(cv(r)));
      in.getSupportingInfo().forEach(r -> out.addSupportingInfo(cv(r)));
      in.getNote().forEach(n -> out.addNote(cv(n)));
      in.getRelevantHistory().forEach(r -> out.addRelevantHistory(cv(r)));
      return out;
    });
  }

  @SuppressWarnings("unchecked")
  private static <T extends org.hl7.fhir.dstu3.model.Type> T cv(org.hl7.fhir.r4.model.Type in) {
    return (T) c().convertType(in);
  }

  @SuppressWarnings("unchecked")
  private static <T extends org.hl7.fhir.r4.model.Type> T cv(org.hl7.fhir.dstu3.model.Type in) {
    return (T) c().convertType(in);
  }

  private static VersionConvertor_30_40 c() {
    return ConversionContext30_40.INSTANCE.getVersionConvertor_30_40();
  }

  private static void resource(org.hl7.fhir.r4.model.DomainResource in, org.hl7.fhir.dstu3.model.DomainResource out) {
    ConversionContext30_40.INSTANCE.getVersionConvertor_30_40().copyDomainResource(in, out);
  }

  private static void resource(org.hl7.fhir.dstu3.model.DomainResource in, org.hl7.fhir.r4.model.DomainResource out) {
    ConversionContext30_40.INSTANCE.getVersionConvertor_30_40().copyDomainResource(in, out);
  }

  /** The convertor's element helpers need its conversion context, as its own resource converters have. */
  private static <T> T convert(java.util.function.Supplier<T> work) {
    VersionConvertor_30_40 convertor = new VersionConvertor_30_40(new BaseAdvisor_30_40());
    ConversionContext30_40.INSTANCE.init(convertor, "ReferralRequest");
    try {
      return work.get();
    } finally {
      ConversionContext30_40.INSTANCE.close("ReferralRequest");
    }
  }
}
