package nl.geboorteketen.mappings.overdracht;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/** One family's stored records of every kind the handover table knows, plus some it must ignore. */
final class FamilyRecords {

  static final String SCT = "http://snomed.info/sct";
  static final String LOINC = "http://loinc.org";
  static final String GK = "https://fhir.geboorteketen.nl/CodeSystem/gk-observation-code";
  static final String VULNERABILITY = "https://fhir.geboorteketen.nl/StructureDefinition/gk-vulnerability";

  final Patient mother = patient("anna");
  final Patient child = patient("daan");
  final Organization sender = org("sender");
  final Organization receiver = org("receiver");
  final EpisodeOfCare record = (EpisodeOfCare) new EpisodeOfCare().setId("record");
  final List<Resource> records = new ArrayList<>();

  FamilyRecords() {
    records.add(mother);
    records.add(child);
    records.add(patient("other"));
    records.add(sender);
    records.add(receiver);
    obs("pregnancy", SCT, "118185001", "anna");
    obs("edd", SCT, "161714006", "anna");
    obs("gestational-age", SCT, "57036006", "anna");
    obs("birth-place", GK, "planned-birth-place", "anna");
    Procedure delivery = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED)
        .setSubject(new Reference("Patient/anna"));
    delivery.setCode(cc(SCT, "236973005"));
    add(delivery, "delivery");
    obs("birth-weight", LOINC, "8339-4", "daan").getCode().addCoding().setSystem(LOINC).setCode("29463-7");
    obs("apgar-1", LOINC, "9272-6", "daan");
    indication("indication-active", ServiceRequest.ServiceRequestStatus.ACTIVE);
    indication("indication-revoked", ServiceRequest.ServiceRequestStatus.REVOKED);
    obs("vulnerability", GK, "kwetsbaarheid", "anna");
    obs("vulnerability-claimed", GK, "kwetsbaarheid", "anna").getMeta().addProfile(VULNERABILITY);
    obs("claims-vulnerability-by-profile-only", GK, "vulnerability-category", "anna").getMeta().addProfile(VULNERABILITY);
    add(new Flag().setStatus(Flag.FlagStatus.ACTIVE).setSubject(new Reference("Patient/anna")), "signal-active");
    add(new Flag().setStatus(Flag.FlagStatus.INACTIVE).setSubject(new Reference("Patient/anna")), "signal-inactive");
    obs("feeding-day-1", SCT, "289145007", "daan");
    obs("weight-day-3", LOINC, "29463-7", "daan");
    obs("jaundice-day-4", GK, "jaundice", "daan").setValue(new BooleanType(true));
    obs("temperature-day-2", LOINC, "8310-5", "daan");
    obs("recovery-day-2", GK, "maternal-recovery", "anna");
    obs("hours-delivered", GK, "kraamzorg-hours-delivered", "anna");
    CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE)
        .setIntent(CarePlan.CarePlanIntent.PLAN).setSubject(new Reference("Patient/anna"));
    plan.addCategory(cc(SCT, "736377005"));
    add(plan, "gezinsplan");
    consent("prenataal", "prenataal-huisbezoek");
    consent("partner-delen", "partner-delen");
    pregnancyCondition("izk-pregnancy", "anna");
    pregnancyCondition("izk-pregnancy-entered-in-error", "anna").setVerificationStatus(
        cc("http://terminology.hl7.org/CodeSystem/condition-ver-status", "entered-in-error"));
    pregnancyCondition("izk-other-family-pregnancy", "other");
    obs("other-family-pregnancy", SCT, "118185001", "other");
    obs("pregnancy-entered-in-error", SCT, "118185001", "anna").setStatus(Observation.ObservationStatus.ENTEREDINERROR);
    obs("unrelated-lab", LOINC, "718-7", "anna");
    obs("earlier-pregnancy-feeding", SCT, "289145007", "daan").addExtension(
        HandoverDocumentBuilder.MATERNAL_RECORD_EXT, new Reference("EpisodeOfCare/earlier"));
    records.stream().filter(r -> (r instanceof Observation || r instanceof Condition)
            && ((org.hl7.fhir.r4.model.DomainResource) r).getExtension().isEmpty())
        .forEach(r -> ((org.hl7.fhir.r4.model.DomainResource) r).addExtension(HandoverDocumentBuilder.MATERNAL_RECORD_EXT, new Reference("EpisodeOfCare/record")));
  }

  HandoverInput input(String type) {
    return new HandoverInput(type, record, mother, List.of(child), sender, receiver, records,
        "http://test/fhir", "00000000-0000-0000-0000-000000000001", java.time.Instant.parse("2026-03-12T12:00:00Z"), null);
  }

  HandoverInput input(String type, List<Resource> only) {
    return new HandoverInput(type, record, mother, List.of(child), sender, receiver, only,
        "http://test/fhir", "00000000-0000-0000-0000-000000000002", java.time.Instant.parse("2026-03-12T12:00:00Z"), null);
  }

  private Observation obs(String id, String system, String code, String patient) {
    Observation o = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(cc(system, code)).setSubject(new Reference("Patient/" + patient));
    add(o, id);
    return o;
  }

  /** The pregnancy as the IZK writes it: a zib-Pregnancy Condition. */
  private Condition pregnancyCondition(String id, String patient) {
    Condition c = new Condition().setCode(cc(SCT, "118185001")).setSubject(new Reference("Patient/" + patient));
    add(c, id);
    return c;
  }

  private void indication(String id, ServiceRequest.ServiceRequestStatus status) {
    ServiceRequest sr = new ServiceRequest().setStatus(status).setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
        .setCode(cc(SCT, "160631000146109")).setSubject(new Reference("Patient/anna"));
    add(sr, id);
  }

  private void consent(String id, String category) {
    Consent c = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference("Patient/anna"));
    c.addCategory(cc(ConsentCheck.CATEGORY_SYSTEM, category));
    c.getProvision().setType(Consent.ConsentProvisionType.PERMIT)
        .addActor().setReference(new Reference("Organization/receiver"));
    add(c, id);
  }

  private void add(Resource r, String id) {
    r.setId(id);
    records.add(r);
  }

  private static Patient patient(String id) {
    return (Patient) new Patient().setId(id);
  }

  private static Organization org(String id) {
    return (Organization) new Organization().setName(id).setId(id);
  }

  static CodeableConcept cc(String system, String code) {
    return new CodeableConcept().addCoding(new Coding(system, code, null));
  }
}
