package nl.geboorteketen.server.indication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Signature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** $lip-indicatie over HTTP, as a midwife's EHR calls it: computed, stored, re-indicated. */
class LipIndicationHttpTest {

  static Http http;

  @BeforeAll
  static void server() {
    TestServer.shared();
    http = Http.shared();
  }

  @Test
  void firstChildWithBreastfeedingGetsTheBasisPackageSpreadOverEightDays() {
    Parameters in = new Parameters();
    in.addParameter().setName("eersteKind").setValue(new BooleanType(true));
    in.addParameter().setName("voeding").setValue(new CodeType("borstvoeding"));

    Http.Response response = http.postJson("/fhir/ServiceRequest/$lip-indicatie", in);

    assertEquals(200, response.status(), response::toString);
    Parameters out = response.resource(Parameters.class);
    assertEquals("basis", ((Coding) out.getParameter("pakket").getValue()).getCode());
    assertEquals(0, new BigDecimal("49").compareTo(decimal(out, "totaalUren")));
    assertEquals(8, ((org.hl7.fhir.r4.model.IntegerType) out.getParameter("zorgdagen").getValue()).getValue());
    List<Parameters.ParametersParameterComponent> days = out.getParameters("dag");
    assertEquals(8, days.size());
    double spread = days.stream().mapToDouble(d -> ((DecimalType) d.getPart().get(1).getValue()).getValue().doubleValue()).sum();
    assertEquals(49.0, spread, 1e-9);
    assertTrue(out.getParameters("regel").stream().anyMatch(r -> r.getPart().get(1).getValue().primitiveValue().contains("49")),
        "the basis rule explains its hours");
    assertEquals("https://fhir.geboorteketen.nl/Library/lip|2008.1", out.getParameter("regeltabel").getValue().primitiveValue());
    assertEquals("thuisintake", out.getParameter("intake").getValue().primitiveValue());
  }

  @Test
  void theOperationAnswersAGetWithQueryParametersToo() {
    Http.Response response = http.get("/fhir/ServiceRequest/$lip-indicatie?eersteKind=false&voeding=kunstvoeding&meerfactor=meerling");

    assertEquals(200, response.status(), response::toString);
    Parameters out = response.resource(Parameters.class);
    assertEquals("op-maat", ((Coding) out.getParameter("pakket").getValue()).getCode());
    assertFalse(out.getParameters("waarschuwing").isEmpty(), "op maat asks the professional to confirm");
    assertEquals("telefonische-intake", out.getParameter("intake").getValue().primitiveValue());
  }

  @Test
  void missingInputsAreListedOneByOneWith400() {
    Http.Response response = http.postJson("/fhir/ServiceRequest/$lip-indicatie", new Parameters());

    assertEquals(400, response.status(), response::toString);
    List<String> expressions = expressions(response.outcome());
    assertTrue(expressions.containsAll(List.of("eersteKind", "voeding")), expressions::toString);
  }

  @Test
  void hoursOutsideTheBoundsAre422NamingTheBound() {
    Parameters in = basis();
    in.addParameter().setName("uren").setValue(new DecimalType(90));
    in.addParameter("redenAfwijking", "Drieling en geen mantelzorg");

    Http.Response response = http.postJson("/fhir/ServiceRequest/$lip-indicatie", in);

    assertEquals(422, response.status(), response::toString);
    assertEquals(List.of("uren"), expressions(response.outcome()));
    assertTrue(response.body().contains("80"), response::toString);
  }

  @Test
  void anOverrideWithinTheBoundsNeedsAReasonAndIsExplained() {
    Parameters withoutReason = basis();
    withoutReason.addParameter().setName("uren").setValue(new DecimalType(60));
    assertEquals(400, http.postJson("/fhir/ServiceRequest/$lip-indicatie", withoutReason).status());

    Parameters in = basis();
    in.addParameter().setName("uren").setValue(new DecimalType(60));
    in.addParameter("redenAfwijking", "Moeder herstelt traag na sectio");
    Http.Response response = http.postJson("/fhir/ServiceRequest/$lip-indicatie", in);

    assertEquals(200, response.status(), response::toString);
    Parameters out = response.resource(Parameters.class);
    assertEquals(0, new BigDecimal("60").compareTo(decimal(out, "totaalUren")));
    assertTrue(response.body().contains("Moeder herstelt traag na sectio"), response::toString);
  }

  @Test
  void contradictoryInputsAre422() {
    Parameters in = basis();
    in.addParameter().setName("minderfactor").setValue(new CodeType("kunstvoeding"));

    Http.Response response = http.postJson("/fhir/ServiceRequest/$lip-indicatie", in);

    assertEquals(422, response.status(), response::toString);
    assertEquals(List.of("voeding"), expressions(response.outcome()));
  }

  @Test
  void aMisspeltParameterIsRefusedRatherThanIgnored() {
    Parameters in = basis();
    in.addParameter().setName("meerfactoren").setValue(new CodeType("meerling"));

    Http.Response response = http.postJson("/fhir/ServiceRequest/$lip-indicatie", in);

    assertEquals(400, response.status(), response::toString);
    assertEquals(List.of("meerfactoren"), expressions(response.outcome()));
  }

  @Test
  void theRecordLevelOperationReadsWhatIsStoredAndReindicationSupersedesWithSignatures() {
    Map<String, String> family = Fixtures.storeNewFamily();
    String record = family.get("EpisodeOfCare/family-jansen-zwangerschap");
    String intake = family.get("ServiceRequest/family-jansen-indicatie-intake");

    // Stored: parity 0, intended breastfeeding, Daan 3 days in hospital (2 count): 49 - 12 = 37 h.
    Http.Response computed = http.postJson("/fhir/" + record + "/$lip-indicatie", new Parameters());
    assertEquals(200, computed.status(), computed::toString);
    Parameters proposal = computed.resource(Parameters.class);
    assertEquals(0, new BigDecimal("37").compareTo(decimal(proposal, "totaalUren")),
        () -> "used " + proposal.getParameters("gebruikteGegevens").stream().map(p -> p.getValue().primitiveValue()).toList()
            + " rules " + proposal.getParameters("regel").stream().map(p -> p.getPart().get(1).getValue().primitiveValue()).toList());
    assertTrue(proposal.getParameters("gebruikteGegevens").size() >= 3, computed::toString);

    // A herindicatie is not stored without both signatures.
    Parameters unsigned = new Parameters();
    unsigned.addParameter().setName("moment").setValue(new CodeType("herindicatie"));
    unsigned.addParameter().setName("persist").setValue(new BooleanType(true));
    Http.Response refused = http.postJson("/fhir/" + record + "/$lip-indicatie", unsigned);
    assertEquals(400, refused.status(), refused::toString);
    assertTrue(expressions(refused.outcome()).containsAll(List.of("handtekeningVerloskundige", "handtekeningClient")));
    assertEquals("active", http.get("/fhir/" + intake).resource(ServiceRequest.class).getStatus().toCode(),
        "a refused re-indication changes nothing");

    Parameters signed = unsigned.copy();
    signed.addParameter().setName("handtekeningVerloskundige").setValue(signature("verloskundige"));
    signed.addParameter().setName("handtekeningClient").setValue(signature("client"));
    Http.Response stored = http.postJson("/fhir/" + record + "/$lip-indicatie", signed);

    assertEquals(200, stored.status(), stored::toString);
    Parameters out = stored.resource(Parameters.class);
    ServiceRequest indication = (ServiceRequest) out.getParameter("indicatie").getResource();
    assertEquals("active", indication.getStatus().toCode());
    assertEquals(0, new BigDecimal("37").compareTo(indication.getQuantityQuantity().getValue()));
    assertEquals(intake, indication.getReplacesFirstRep().getReference());
    assertEquals("revoked", http.get("/fhir/" + intake).resource(ServiceRequest.class).getStatus().toCode());
    Bundle history = http.get("/fhir/" + intake + "/_history").resource(Bundle.class);
    assertEquals(2, history.getEntry().size(), "the superseded indication keeps its history");
    Provenance provenance = (Provenance) out.getParameter("provenance").getResource();
    assertEquals(2, provenance.getSignature().size());
    assertEquals("ServiceRequest/" + indication.getIdElement().getIdPart(),
        provenance.getTargetFirstRep().getReferenceElement().toUnqualifiedVersionless().getValue());

    Bundle active = http.get("/fhir/ServiceRequest?maternal-record=" + record + "&status=active").resource(Bundle.class);
    assertEquals(1, active.getEntry().size(), "exactly one indication is in force");
  }

  @Test
  void aWrittenObjectionStopsDigitalInstructionForHer() {
    Map<String, String> family = Fixtures.storeNewFamily();
    String record = family.get("EpisodeOfCare/family-jansen-zwangerschap");
    Parameters digital = new Parameters();
    digital.addParameter().setName("digitaleInstructieUren").setValue(new DecimalType(4));
    Parameters before = http.postJson("/fhir/" + record + "/$lip-indicatie", digital).resource(Parameters.class);
    assertTrue(digitalActive(before), "without objection digital instruction is activated");

    Http.Response consent = http.postJson("/fhir/Consent", objection(family.get("Patient/family-jansen-anna")));
    assertEquals(201, consent.status(), consent::toString);

    Http.Response contradictory = http.postJson("/fhir/" + record + "/$lip-indicatie", digital);
    assertEquals(422, contradictory.status(), "digital hours despite her objection: " + contradictory);
    Parameters after = http.postJson("/fhir/" + record + "/$lip-indicatie", new Parameters()).resource(Parameters.class);
    assertFalse(digitalActive(after), "after her written objection the service is not activated");
    assertTrue(after.getParameters("gebruikteGegevens").stream()
        .anyMatch(p -> p.getValue().primitiveValue().contains("bezwaar")), "the answer names the objection it read");
  }

  private static boolean digitalActive(Parameters out) {
    return ((BooleanType) out.getParameter("digitaleInstructie").getPart().get(0).getValue()).booleanValue();
  }

  /** Her written objection, shaped as the gk-consent contract (category digitale-instructie, deny). */
  private static org.hl7.fhir.r4.model.Consent objection(String patient) {
    org.hl7.fhir.r4.model.Consent consent = new org.hl7.fhir.r4.model.Consent();
    consent.setStatus(org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE);
    consent.getScope().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null));
    consent.addCategory().addCoding(new Coding(IndicationCodes.CS_CONSENT_CATEGORY, "digitale-instructie", null));
    consent.setPatient(new Reference(patient));
    consent.setDateTime(new java.util.Date());
    consent.getPolicyRule().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTOUT", null));
    consent.getProvision().setType(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.DENY);
    return consent;
  }

  @Test
  void typeLevelPersistNeedsAnExistingRecord() {
    Parameters in = basis();
    in.addParameter().setName("persist").setValue(new BooleanType(true));
    in.addParameter().setName("zwangerschapsdossier").setValue(new Reference("EpisodeOfCare/does-not-exist"));

    Http.Response response = http.postJson("/fhir/ServiceRequest/$lip-indicatie", in);

    assertEquals(422, response.status(), response::toString);
    assertEquals(List.of("zwangerschapsdossier"), expressions(response.outcome()));
  }

  static Parameters basis() {
    Parameters in = new Parameters();
    in.addParameter().setName("eersteKind").setValue(new BooleanType(true));
    in.addParameter().setName("voeding").setValue(new CodeType("borstvoeding"));
    return in;
  }

  static BigDecimal decimal(Parameters out, String name) {
    return ((DecimalType) out.getParameter(name).getValue()).getValue();
  }

  static List<String> expressions(OperationOutcome oo) {
    return oo.getIssue().stream().flatMap(i -> i.getExpression().stream()).map(e -> e.getValue()).toList();
  }

  private static Signature signature(String who) {
    Signature signature = new Signature();
    signature.setSigFormat("image/png");
    signature.setData(("handtekening " + who).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return signature;
  }
}
