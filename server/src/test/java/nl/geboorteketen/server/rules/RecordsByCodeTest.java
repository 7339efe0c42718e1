package nl.geboorteketen.server.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.geboorteketen.mappings.overdracht.HandoverDocumentBuilder;
import nl.geboorteketen.mappings.overdracht.HandoverTable;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule that reads stored records gives the same answer whether or not the records claim our
 * profiles: two copies of the Jansen family, one as the package examples (meta.profile set), one
 * recorded by code only, as an EHR writes it, with the vulnerability written by the midwife's own
 * token. Answers are compared with the stored ids mapped back to the example ids.
 */
class RecordsByCodeTest {

  static final String VULNERABILITY = "Observation/family-jansen-kwetsbaarheid";
  static final String GK_OBS = "https://fhir.geboorteketen.nl/CodeSystem/gk-observation-code";
  static final Http HTTP = Http.shared();

  static Family claimed;
  static Family byCode;

  @BeforeAll
  static void families() {
    claimed = Family.store(true);
    byCode = Family.store(false);
  }

  @Test
  void theVulnerabilityRecordedByCodeHasNoProfileAndIsStillAVulnerability() {
    Observation stored = HTTP.get("/fhir/" + byCode.id(VULNERABILITY)).resource(Observation.class);
    assertFalse(stored.getMeta().hasProfile(), "written as an EHR does, without meta.profile");
    assertTrue(stored.getCode().hasCoding(GK_OBS, "kwetsbaarheid"));
    Bundle found = HTTP.get("/fhir/Observation?code=" + GK_OBS + "%7Ckwetsbaarheid&subject=" + byCode.mother())
        .resource(Bundle.class);
    assertEquals(1, found.getEntry().size());
  }

  @Test
  void kraamzorgHandoverCarriesTheVulnerability() {
    assertSameHandover("verloskundige-kraamzorg", f -> f.midwifeToken(), Family::kraamzorg);
  }

  @Test
  void jgzHandoverAfterTheKraamweekCarriesTheVulnerability() {
    assertSameHandover("kraamzorg-jgz", f -> f.kraamzorgToken(), Family::jgz);
  }

  @Test
  void prenatalJgzRequestIsNotRefusedWhenTheVulnerabilityIsTheOnlySignal() {
    assertSameHandover("verloskundige-jgz-prenataal", f -> f.midwifeToken(), Family::jgz);
  }

  private static void assertSameHandover(String type, java.util.function.Function<Family, Http> sender,
      java.util.function.Function<Family, String> receiver) {
    Map<Family, Set<String>> content = new HashMap<>();
    for (Family f : List.of(claimed, byCode)) {
      Parameters p = new Parameters();
      p.addParameter().setName("type").setValue(new CodeType(type));
      p.addParameter().setName("ontvanger").setValue(new Reference(receiver.apply(f)));
      Http.Response response = sender.apply(f).postJson("/fhir/" + f.record() + "/$overdracht", p);
      assertEquals(200, response.status(), () -> type + (f == byCode ? " by code" : " claimed") + ": " + response);
      Bundle doc = (Bundle) response.resource(Parameters.class).getParameter("document").getResource();
      content.put(f, HandoverDocumentBuilder.contentKeys(doc).stream().map(f::example)
          .collect(Collectors.toCollection(TreeSet::new)));
    }
    assertTrue(content.get(byCode).contains(VULNERABILITY), () -> type + ": " + content.get(byCode));
    assertEquals(content.get(claimed), content.get(byCode), type);
  }

  @Test
  void lipOnTheMaternalRecordReadsTheSameStoredInputs() {
    Map<Family, String> answers = new HashMap<>();
    for (Family f : List.of(claimed, byCode)) {
      Http.Response response = f.midwifeToken().postJson("/fhir/" + f.record() + "/$lip-indicatie", new Parameters());
      assertEquals(200, response.status(), response::toString);
      Parameters out = response.resource(Parameters.class);
      answers.put(f, f.examples("uren " + out.getParameter("totaalUren").getValue().primitiveValue() + "; "
          + out.getParameters("gebruikteGegevens").stream().map(p -> p.getValue().primitiveValue()).toList()));
    }
    assertTrue(answers.get(byCode).contains("Pariteit 0 (Observation/family-jansen-parity)"), answers.get(byCode));
    assertTrue(answers.get(byCode).contains("Voeding borstvoeding"), answers.get(byCode));
    assertEquals(answers.get(claimed), answers.get(byCode));
  }

  @Test
  void supportProgrammeEligibilityReadsTheSameFacts() {
    Map<Family, String> answers = new HashMap<>();
    for (Family f : List.of(claimed, byCode)) {
      Http.Response response = f.midwifeToken().get("/fhir/" + f.mother() + "/$ondersteuning");
      assertEquals(200, response.status(), response::toString);
      answers.put(f, f.examples(response.body()));
    }
    assertTrue(answers.get(byCode).contains(VULNERABILITY), "the vulnerability is a source of the facts");
    assertFalse(answers.get(byCode).contains("geen inschatting van de kwetsbaarheid"), answers.get(byCode));
    assertEquals(answers.get(claimed), answers.get(byCode));
  }

  @Test
  void breastfeedingIndicatorCountsTheSameChildren() {
    Map<Family, String> answers = new HashMap<>();
    for (Family f : List.of(claimed, byCode)) {
      Http.Response response = f.kraamzorgToken()
          .get("/fhir/" + f.kraamzorg() + "/$borstvoedingsindicator?start=2026-03-01&end=2026-03-31");
      assertEquals(200, response.status(), response::toString);
      answers.put(f, f.examples(response.body()));
    }
    assertTrue(answers.get(byCode).contains("Patient/family-jansen-daan"), answers.get(byCode));
    assertEquals(answers.get(claimed), answers.get(byCode));
  }

  @Test
  void ownContributionReadsTheSameIndication() {
    Map<Family, String> answers = new HashMap<>();
    for (Family f : List.of(claimed, byCode)) {
      Http.Response response = f.kraamzorgToken()
          .get("/fhir/" + f.id("ServiceRequest/family-jansen-indicatie-intake") + "/$eigen-bijdrage?jaar=2026");
      assertEquals(200, response.status(), response::toString);
      answers.put(f, f.examples(response.body()));
    }
    assertEquals(answers.get(claimed), answers.get(byCode));
  }

  @Test
  void onlyTheMidwifeWritesAnIndicationWhetherOrNotItClaimsTheProfile() {
    for (boolean claims : new boolean[] {true, false}) {
      ServiceRequest indication = byCode.fromExample(ServiceRequest.class, "family-jansen-indicatie-intake", claims);
      Http.Response response = byCode.kraamzorgToken().postJson("/fhir/ServiceRequest", indication);
      assertEquals(403, response.status(), () -> "claims the profile: " + claims + " " + response);
    }
  }

  @Test
  void aHandoverTableNamingAProfileThatCannotSelectRecordsIsRefusedOnUpload() {
    Library table = RuleTableStore.findInPackage(Http.FHIR, ProfilePackage.fromClasspath(), HandoverTable.URL).orElseThrow();
    String json = new String(RuleTableStore.content(table), StandardCharsets.UTF_8);
    String vulnerability = "StructureDefinition/gk-vulnerability";
    assertTrue(json.contains(vulnerability), "the test edits the table it means to edit");
    for (String[] edit : new String[][] {{"gk-unknown", "niet in het pakket"}, {"gk-patient", "is voor Patient"}}) {
      Library upload = table.copy();
      upload.setId((String) null);
      upload.setStatus(Enumerations.PublicationStatus.DRAFT); // checked all the same; never used if it slipped through
      upload.getContentFirstRep().setData(json.replace(vulnerability, "StructureDefinition/" + edit[0])
          .getBytes(StandardCharsets.UTF_8));
      Http.Response refused = HTTP.postJson("/fhir/Library", upload);
      assertEquals(422, refused.status(), refused::toString);
      assertTrue(refused.outcome().getIssueFirstRep().getDiagnostics().contains(edit[1]), refused::toString);
    }
  }

  /** One stored copy of the example family: example id ("Patient/x") ↔ stored id ("Patient/123"). */
  static final class Family {
    private static final Pattern STORED_ID = Pattern.compile("\\b[A-Z][A-Za-z]+/[0-9]+\\b");

    final Map<String, String> ids = new HashMap<>();
    final Map<String, String> examples = new HashMap<>();
    final boolean claimsProfiles;

    private Family(boolean claimsProfiles) {
      this.claimsProfiles = claimsProfiles;
    }

    static Family store(boolean claimsProfiles) {
      Family f = new Family(claimsProfiles);
      Fixtures.NewFamily family = Fixtures.examplesAsNewFamily(r -> !key(r).equals(VULNERABILITY));
      if (!claimsProfiles) {
        family.transaction().getEntry().forEach(e -> e.getResource().getMeta().getProfile().clear());
      }
      Http.Response response = HTTP.postJson("/fhir", family.transaction());
      assertEquals(200, response.status(), response::toString);
      Map<String, String> exampleByUrn = new HashMap<>();
      family.urnByExampleId().forEach((example, urn) -> exampleByUrn.put(urn, example));
      List<Bundle.BundleEntryComponent> sent = family.transaction().getEntry();
      for (int i = 0; i < sent.size(); i++) {
        String location = response.resource(Bundle.class).getEntry().get(i).getResponse().getLocation();
        f.put(exampleByUrn.get(sent.get(i).getFullUrl()), new IdType(location).toUnqualifiedVersionless().getValue());
      }
      Http.Response vulnerability = f.midwifeToken().postJson("/fhir/Observation",
          f.fromExample(Observation.class, "family-jansen-kwetsbaarheid", claimsProfiles));
      assertEquals(201, vulnerability.status(), vulnerability::toString);
      f.put(VULNERABILITY, new IdType(vulnerability.header("Location")).toUnqualifiedVersionless().getValue());
      f.consent("partner-delen");
      f.consent("prenataal-huisbezoek");
      return f;
    }

    private void put(String example, String stored) {
      ids.put(example, stored);
      examples.put(stored, example);
    }

    String id(String example) { return ids.get(example); }
    String mother() { return id("Patient/family-jansen-anna"); }
    String record() { return id("EpisodeOfCare/family-jansen-zwangerschap"); }
    String midwife() { return id("Organization/family-jansen-verloskundigenpraktijk"); }
    String kraamzorg() { return id("Organization/family-jansen-kraamzorg"); }
    String jgz() { return id("Organization/family-jansen-jgz"); }
    Http midwifeToken() { return HTTP.withToken(TestTokens.partner("verloskundige", midwife())); }
    Http kraamzorgToken() { return HTTP.withToken(TestTokens.partner("kraamzorg", kraamzorg())); }

    /** The example id of a stored record ("Observation/123" → "Observation/family-jansen-parity"). */
    String example(String stored) {
      return examples.getOrDefault(stored, stored);
    }

    /** The text with every stored id replaced by its example id, so two copies compare. */
    String examples(String text) {
      Matcher m = STORED_ID.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, Matcher.quoteReplacement(example(m.group())));
      }
      return m.appendTail(out).toString();
    }

    /** A package example pointing at this family's records, with or without its meta.profile. */
    <T extends Resource> T fromExample(Class<T> type, String exampleId, boolean claims) {
      T copy = Fixtures.example(type, exampleId);
      copy.setId((String) null);
      if (!claims) {
        copy.getMeta().getProfile().clear();
      }
      for (Reference ref : Http.FHIR.newTerser().getAllPopulatedChildElementsOfType(copy, Reference.class)) {
        if (ids.containsKey(ref.getReference())) {
          ref.setReference(ids.get(ref.getReference()));
        }
      }
      return copy;
    }

    private void consent(String category) {
      Consent c = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference(mother()));
      c.setScope(cc("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"));
      c.addCategory(cc("https://fhir.geboorteketen.nl/CodeSystem/consent-category", category));
      c.setDateTime(new java.util.Date());
      c.getPolicyRule().setText("Wet op de jeugdgezondheidszorg / WGBO");
      c.getProvision().setType(Consent.ConsentProvisionType.PERMIT).addActor()
          .setRole(cc("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP"))
          .setReference(new Reference(jgz()));
      if (claimsProfiles) {
        c.getMeta().addProfile("https://fhir.geboorteketen.nl/StructureDefinition/gk-consent");
      }
      Http.Response response = midwifeToken().postJson("/fhir/Consent", c);
      assertEquals(201, response.status(), response::toString);
      put("Consent/" + category, new IdType(response.header("Location")).toUnqualifiedVersionless().getValue());
    }

    private static String key(Resource r) {
      return r.fhirType() + "/" + r.getIdElement().getIdPart();
    }

    private static CodeableConcept cc(String system, String code) {
      return new CodeableConcept().addCoding(new Coding(system, code, null));
    }
  }
}
