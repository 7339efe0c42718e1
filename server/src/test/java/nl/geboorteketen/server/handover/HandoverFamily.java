package nl.geboorteketen.server.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** A fresh copy of the Jansen family, stored, with helpers to add the records other features own. */
final class HandoverFamily {

  final Map<String, String> ids = new HashMap<>();
  final Http http = Http.shared();

  HandoverFamily() {
    Fixtures.NewFamily family = Fixtures.examplesAsNewFamily();
    Http.Response response = http.postJson("/fhir", family.transaction());
    assertEquals(200, response.status(), response::toString);
    Bundle answer = response.resource(Bundle.class);
    Map<String, String> exampleByUrn = new HashMap<>();
    family.urnByExampleId().forEach((example, urn) -> exampleByUrn.put(urn, example));
    List<Bundle.BundleEntryComponent> sent = family.transaction().getEntry();
    for (int i = 0; i < sent.size(); i++) {
      String location = answer.getEntry().get(i).getResponse().getLocation();
      ids.put(exampleByUrn.get(sent.get(i).getFullUrl()), new IdType(location).toUnqualifiedVersionless().getValue());
    }
  }

  String id(String example) {
    return ids.get(example);
  }

  String mother() { return id("Patient/family-jansen-anna"); }
  String child() { return id("Patient/family-jansen-daan"); }
  String record() { return id("EpisodeOfCare/family-jansen-zwangerschap"); }
  String midwife() { return id("Organization/family-jansen-verloskundigenpraktijk"); }
  String kraamzorg() { return id("Organization/family-jansen-kraamzorg"); }
  String jgz() { return id("Organization/family-jansen-jgz"); }

  String create(Resource r) {
    Http.Response response = http.postJson("/fhir/" + r.fhirType(), r);
    assertEquals(201, response.status(), response::toString);
    return new IdType(response.header("Location")).toUnqualifiedVersionless().getValue();
  }

  String indication(ServiceRequest.ServiceRequestStatus status) {
    ServiceRequest sr = new ServiceRequest().setStatus(status).setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
        .setSubject(new Reference(mother())).setRequester(new Reference(midwife()));
    sr.setCode(cc("http://snomed.info/sct", "160631000146109"));
    sr.addPerformer(new Reference(kraamzorg()));
    sr.setQuantity(new Quantity().setValue(49).setUnit("h").setSystem("http://unitsofmeasure.org").setCode("h"));
    sr.addExtension("https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record", new Reference(record()));
    return create(sr);
  }

  String flag(String text) {
    Flag flag = new Flag().setStatus(Flag.FlagStatus.ACTIVE).setSubject(new Reference(mother()));
    flag.getCode().setText(text);
    return create(flag);
  }

  static final String VULNERABILITY = "https://fhir.geboorteketen.nl/StructureDefinition/gk-vulnerability";

  /**
   * gk-vulnerability belongs to the programmes feature (#4). Until that is merged, a stand-in profile
   * with only the url is stored so that Observations may claim it; when the real one is there it is used.
   */
  static synchronized void ensureVulnerabilityProfile(Http http) {
    Bundle found = http.get("/fhir/StructureDefinition?url=" + VULNERABILITY).resource(Bundle.class);
    if (!found.getEntry().isEmpty()) {
      return;
    }
    org.hl7.fhir.r4.model.StructureDefinition sd = new org.hl7.fhir.r4.model.StructureDefinition();
    sd.setUrl(VULNERABILITY).setName("GkVulnerabilityStandIn").setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE)
        .setKind(org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind.RESOURCE).setAbstract(false)
        .setType("Observation").setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Observation")
        .setDerivation(org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule.CONSTRAINT)
        .setFhirVersion(org.hl7.fhir.r4.model.Enumerations.FHIRVersion._4_0_1);
    sd.getDifferential().addElement().setPath("Observation").setId("Observation");
    Http.Response r = http.postJson("/fhir/StructureDefinition", sd);
    assertEquals(201, r.status(), r::toString);
  }

  String vulnerability(String category) {
    ensureVulnerabilityProfile(http);
    Observation o = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference(mother()));
    o.getMeta().addProfile("https://fhir.geboorteketen.nl/StructureDefinition/gk-vulnerability");
    o.getCode().setText("Kwetsbaarheid (Rotterdam / Erasmus MC)");
    o.setValue(new CodeableConcept().setText(category));
    return create(o);
  }

  String gezinsplan() {
    CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN)
        .setSubject(new Reference(mother()));
    plan.addCategory(cc("http://snomed.info/sct", "736377005"));
    return create(plan);
  }

  String consent(String category, String receiver, Consent.ConsentProvisionType type) {
    Consent c = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference(mother()));
    c.setScope(cc("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"));
    c.addCategory(cc("https://fhir.geboorteketen.nl/CodeSystem/consent-category", category));
    c.setDateTime(new java.util.Date());
    c.getPolicyRule().setText("Wet op de jeugdgezondheidszorg / WGBO");
    c.getProvision().setType(type).addActor()
        .setRole(cc("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP"))
        .setReference(new Reference(receiver));
    return create(c);
  }

  Http.Response overdracht(String type, String receiver, String sender, String replaces) {
    Parameters p = new Parameters();
    p.addParameter().setName("type").setValue(new org.hl7.fhir.r4.model.CodeType(type));
    p.addParameter().setName("ontvanger").setValue(new Reference(receiver));
    if (sender != null) {
      p.addParameter().setName("zender").setValue(new Reference(sender));
    }
    if (replaces != null) {
      p.addParameter().setName("vervangt").setValue(new Reference(replaces));
    }
    return http.postJson("/fhir/" + record() + "/$overdracht", p);
  }

  static Bundle document(Http.Response response) {
    return (Bundle) response.resource(Parameters.class).getParameter("document").getResource();
  }

  static Task task(Http.Response response) {
    return (Task) response.resource(Parameters.class).getParameter("task").getResource();
  }

  static CodeableConcept cc(String system, String code) {
    return new CodeableConcept().addCoding(new Coding(system, code, null));
  }
}
