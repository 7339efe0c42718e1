package nl.geboorteketen.server.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** A fresh copy of the Jansen family, stored, with helpers to add the records other features own. */
final class HandoverFamily {

  private static final String INDICATION = "family-jansen-indicatie-intake";
  private static final String VULNERABILITY = "family-jansen-kwetsbaarheid";
  private static final String GEZINSPLAN = "family-jansen-gezinsplan";
  /** Left out of the stored family: each test adds these itself, with the status it needs. */
  private static final Set<String> ADDED_BY_TESTS = Set.of("ServiceRequest/" + INDICATION,
      "Observation/" + VULNERABILITY, "CarePlan/" + GEZINSPLAN);

  final Map<String, String> ids = new HashMap<>();
  final Http http = Http.shared();

  HandoverFamily() {
    Fixtures.NewFamily family = Fixtures.examplesAsNewFamily(r -> !ADDED_BY_TESTS.contains(key(r)));
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

  private static String key(Resource r) {
    return r.fhirType() + "/" + r.getIdElement().getIdPart();
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
    return create(fromExample(ServiceRequest.class, INDICATION).setStatus(status));
  }

  String flag(String text) {
    Flag flag = new Flag().setStatus(Flag.FlagStatus.ACTIVE).setSubject(new Reference(mother()));
    flag.getCode().setText(text);
    return create(flag);
  }

  String vulnerability(String category) {
    Observation o = fromExample(Observation.class, VULNERABILITY);
    o.getValueCodeableConcept().getCodingFirstRep().setCode(category).setDisplay(null);
    return create(o);
  }

  String gezinsplan() {
    return create(fromExample(CarePlan.class, GEZINSPLAN));
  }

  /** A copy of a package example pointing at this family's stored records. */
  private <T extends Resource> T fromExample(Class<T> type, String exampleId) {
    T copy = Fixtures.example(type, exampleId);
    copy.setId((String) null);
    for (Reference ref : Http.FHIR.newTerser().getAllPopulatedChildElementsOfType(copy, Reference.class)) {
      if (ids.containsKey(ref.getReference())) {
        ref.setReference(ids.get(ref.getReference()));
      }
    }
    return copy;
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
    return overdracht(http, type, receiver, sender, replaces);
  }

  Http.Response overdracht(Http as, String type, String receiver, String sender, String replaces) {
    Parameters p = new Parameters();
    p.addParameter().setName("type").setValue(new org.hl7.fhir.r4.model.CodeType(type));
    p.addParameter().setName("ontvanger").setValue(new Reference(receiver));
    if (sender != null) {
      p.addParameter().setName("zender").setValue(new Reference(sender));
    }
    if (replaces != null) {
      p.addParameter().setName("vervangt").setValue(new Reference(replaces));
    }
    return as.postJson("/fhir/" + record() + "/$overdracht", p);
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
