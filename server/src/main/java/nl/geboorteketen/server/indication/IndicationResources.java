package nl.geboorteketen.server.indication;

import static nl.geboorteketen.server.indication.IndicationCodes.*;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import nl.geboorteketen.mappings.lip.IndicationResult;
import nl.geboorteketen.mappings.lip.Moment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Signature;
import org.hl7.fhir.r4.model.StringType;

/**
 * Turns a computed indication into the resources that are stored: the ServiceRequest
 * (gk-kraamzorg-indication), the revocation of the indications it replaces, and for a
 * herindicatie the Provenance signed by midwife and client — one transaction, so either all of
 * it is stored or none.
 */
final class IndicationResources {

  private static final String PROVENANCE_AGENT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
  private static final String SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013";

  private IndicationResources() {}

  static Bundle transaction(IndicationResult result, Moment moment, IndicationService.Persist persist,
      List<ServiceRequest> previous) {
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    String indicationUrl = "urn:uuid:" + UUID.randomUUID();
    ServiceRequest indication = indication(result, moment, persist, previous);
    tx.addEntry().setFullUrl(indicationUrl).setResource(indication)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("ServiceRequest");
    for (ServiceRequest old : previous) {
      old.setStatus(ServiceRequest.ServiceRequestStatus.REVOKED);
      String id = "ServiceRequest/" + old.getIdElement().getIdPart();
      tx.addEntry().setFullUrl(id).setResource(old).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(id)
          .setIfMatch("W/\"" + old.getIdElement().getVersionIdPart() + "\"");
    }
    if (moment == Moment.HERINDICATIE) {
      tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID())
          .setResource(signatures(indicationUrl, persist))
          .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Provenance");
    }
    return tx;
  }

  private static ServiceRequest indication(IndicationResult result, Moment moment,
      IndicationService.Persist persist, List<ServiceRequest> previous) {
    ServiceRequest sr = new ServiceRequest();
    sr.getMeta().addProfile(PROFILE);
    sr.addExtension(EXT_MATERNAL_RECORD, persist.maternalRecord().copy());
    sr.addExtension(EXT_PACKAGE, new Coding(CS_PACKAGE, result.packageCode(), result.packageLabel()));
    sr.addExtension(EXT_MOMENT, new Coding(CS_MOMENT, moment.code(), null));
    sr.addExtension(EXT_CARE_DAYS, new PositiveIntType(result.careDays()));
    for (IndicationResult.Component c : result.components()) {
      Extension component = sr.addExtension().setUrl(EXT_COMPONENT);
      component.addExtension("code", new StringType(c.code()));
      component.addExtension("label", new StringType(c.label()));
      component.addExtension("hours", new DecimalType(BigDecimal.valueOf(c.hours())));
    }
    if (persist.partusAssistance()) {
      sr.addExtension(EXT_PARTUS, new BooleanType(true));
    }
    sr.addExtension(EXT_RULE_TABLE, new CanonicalType(result.ruleTable()));
    if (result.digitalInstruction().active() && result.digitalInstruction().replacedHours() > 0) {
      sr.addExtension(EXT_DIGITAL_HOURS, new DecimalType(BigDecimal.valueOf(result.digitalInstruction().replacedHours())));
    }
    if (result.overrideReason() != null) {
      sr.addExtension(EXT_OVERRIDE_REASON, new StringType(result.overrideReason()));
    }
    sr.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    sr.setCode(new CodeableConcept(new Coding(SNOMED, KRAAMZORG_HOURS, "Kraamzorguren geïndiceerd")));
    sr.setSubject(persist.subject().copy());
    sr.setQuantity(new Quantity().setValue(BigDecimal.valueOf(result.totalHours()))
        .setSystem("http://unitsofmeasure.org").setCode("h").setUnit("uur"));
    sr.setAuthoredOn(new Date());
    sr.setRequester(persist.requester().copy());
    if (persist.performer() != null) {
      sr.addPerformer(persist.performer().copy());
    }
    for (String code : result.moreFactors()) {
      sr.addReasonCode(new CodeableConcept(new Coding(CS_FACTOR, code, null)));
    }
    for (String code : result.fewerFactors()) {
      sr.addReasonCode(new CodeableConcept(new Coding(CS_FACTOR, code, null)));
    }
    for (ServiceRequest old : previous) {
      sr.addReplaces(new Reference("ServiceRequest/" + old.getIdElement().getIdPart()));
    }
    return sr;
  }

  /** Insurers audit a herindicatie: both the midwife and the client sign it. */
  private static Provenance signatures(String indicationUrl, IndicationService.Persist persist) {
    Provenance provenance = new Provenance();
    provenance.addTarget(new Reference(indicationUrl));
    provenance.setRecorded(new Date());
    provenance.getActivity().addCoding(new Coding(CS_MOMENT, Moment.HERINDICATIE.code(), "Herindicatie in het kraambed"));
    provenance.addExtension(EXT_MATERNAL_RECORD, persist.maternalRecord().copy());
    provenance.addAgent().setWho(persist.requester().copy()).getType()
        .addCoding(new Coding(PROVENANCE_AGENT_TYPE, "author", "Author"));
    provenance.addAgent().setWho(persist.subject().copy()).getType()
        .addCoding(new Coding(PROVENANCE_AGENT_TYPE, "informant", "Informant"));
    provenance.addSignature(signed(persist.midwifeSignature(), persist.requester(), "1.2.840.10065.1.12.1.1", "Author's Signature"));
    provenance.addSignature(signed(persist.clientSignature(), persist.subject(), "1.2.840.10065.1.12.1.7", "Consent Signature"));
    return provenance;
  }

  /** Completes what the client sent: who signed, when and as what, unless given. */
  private static Signature signed(Signature given, Reference who, String typeCode, String typeDisplay) {
    Signature signature = given.copy();
    if (!signature.hasType()) {
      signature.addType(new Coding(SIGNATURE_TYPE, typeCode, typeDisplay));
    }
    if (!signature.hasWhen()) {
      signature.setWhen(new Date());
    }
    if (!signature.hasWho()) {
      signature.setWho(who.copy());
    }
    return signature;
  }
}
