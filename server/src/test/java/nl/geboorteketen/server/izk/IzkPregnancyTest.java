package nl.geboorteketen.server.izk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import nl.geboorteketen.mappings.PregnancyKey;
import nl.geboorteketen.mappings.izk.IzkTable;
import nl.geboorteketen.mappings.izk.IzkView;
import nl.geboorteketen.server.packages.ProfilePackage;
import nl.geboorteketen.server.rules.RuleTableStore;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import nl.geboorteketen.server.support.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pregnancy as a midwife's system writes it through the IZK endpoint: a zib-Pregnancy Condition,
 * with the due date pointing at it by focus (Nictiz's Echo families do so). Its maternal record gets
 * the same pregnancy key as one written in our own R4 shape, and the kraamzorg handover carries it.
 */
class IzkPregnancyTest {

  private static final FhirContext STU3 = FhirContext.forDstu3Cached();
  private static final String PRACTICE = "Organization/family-jansen-verloskundigenpraktijk";
  private static final String ZIB_PREGNANCY = "http://nictiz.nl/fhir/StructureDefinition/zib-Pregnancy";
  private static IzkView view;

  @BeforeAll
  static void examples() {
    Fixtures.ensurePackageExamples();
    view = new IzkView(IzkTable.parse(RuleTableStore.content(RuleTableStore.findInPackage(
        Http.FHIR, ProfilePackage.fromClasspath(), IzkTable.URL).orElseThrow())));
  }

  @Test
  void aPregnancyConditionWithItsDueDateKeysTheMaternalRecord() {
    Family f = Family.withPregnancy();
    assertEquals(List.of(), keys(f), "a pregnancy without dating: no key yet");

    f.put(f.dueDate("2026-10-03"));

    LocalDate born = f.woman.getBirthDate().toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate();
    long expected = PregnancyKey.compute(born, null, null, LocalDate.parse("2026-10-03")).orElseThrow();
    assertEquals(List.of(String.valueOf(expected)), keys(f), "the key from her birth date and the due date");

    f.put(f.record); // written back as her midwife's system knows it: without the key
    assertEquals(List.of(String.valueOf(expected)), keys(f), "an update without the key keeps it");
  }

  @Test
  void onlyDatingMakesTheKey() {
    Family f = Family.withPregnancy();
    Observation gravidity = f.pointingAtThePregnancy(Fixtures.example(Observation.class, "family-jansen-gravidity"));

    f.put(gravidity);

    assertEquals(List.of(), keys(f), "gravidity points at the pregnancy but dates nothing");
  }

  @Test
  void theKraamzorgHandoverCarriesTheIzkPregnancy() {
    Family f = Family.withPregnancy();
    f.put(f.dueDate("2026-10-03"));
    Parameters in = new Parameters();
    in.addParameter().setName("type").setValue(new CodeType("verloskundige-kraamzorg"));
    in.addParameter().setName("ontvanger").setValue(new Reference("Organization/family-jansen-kraamzorg"));

    Http.Response r = f.midwife.postJson("/fhir/EpisodeOfCare/" + f.record.getIdElement().getIdPart() + "/$overdracht", in);

    assertEquals(200, r.status(), r::toString);
    Bundle document = (Bundle) r.resource(Parameters.class).getParameter("document").getResource();
    Composition composition = (Composition) document.getEntryFirstRep().getResource();
    List<String> pregnancySection = composition.getSection().stream()
        .filter(s -> s.getCode().getCoding().stream().anyMatch(c -> "zwangerschap".equals(c.getCode())))
        .flatMap(s -> s.getEntry().stream()).map(Reference::getReference).sorted().toList();
    assertEquals(List.of("Condition/" + f.prefix + "pregnancy", "Observation/" + f.prefix + "family-jansen-edd"), pregnancySection);
  }

  /** Another partner, with a client of her own, points a due date at a stranger's pregnancy. */
  @Test
  void aDueDateAboutAStrangersPregnancyIsRefusedAndKeysNothing() {
    Family stranger = Family.withPregnancy();
    Http kraamzorg = Http.shared().withToken(TestTokens.partner("kraamzorg", "Organization/family-jansen-kraamzorg"));
    Patient ownClient = Fixtures.example(Patient.class, "family-jansen-anna");
    ownClient.setId((String) null);
    ownClient.getIdentifier().stream().filter(i -> Fixtures.BSN_SYSTEM.equals(i.getSystem()))
        .forEach(i -> i.setValue(Fixtures.randomBsn()));
    Http.Response registered = kraamzorg.postJson("/fhir/Patient", ownClient);
    assertEquals(201, registered.status(), registered::toString);
    Observation forged = stranger.dueDate("2026-10-03");
    forged.setId((String) null);
    forged.getExtension().clear();
    forged.setSubject(new Reference(registered.resource(Patient.class).getIdElement().toUnqualifiedVersionless().getValue()));

    Http.Response r = kraamzorg.postJson("/fhir/Observation", forged);

    assertEquals(403, r.status(), r::toString);
    assertEquals(List.of(), keys(stranger), "the stranger's record keeps no key of the attacker's making");
  }

  private static List<String> keys(Family f) {
    Http.Response read = f.midwife.get("/fhir/EpisodeOfCare/" + f.record.getIdElement().getIdPart());
    assertEquals(200, read.status(), read::toString);
    return read.resource(EpisodeOfCare.class).getIdentifier().stream()
        .filter(i -> PregnancyKey.SYSTEM.equals(i.getSystem())).map(i -> i.getValue()).toList();
  }

  /** A new woman and her maternal record at the midwife's practice, written record by record in STU3. */
  private static final class Family {
    final String prefix = "izkkey" + UUID.randomUUID().toString().substring(0, 8) + "-";
    final Http midwife = Http.shared().withToken(TestTokens.partner("verloskundige", PRACTICE));
    final Patient woman = Fixtures.example(Patient.class, "family-jansen-anna");
    final EpisodeOfCare record = Fixtures.example(EpisodeOfCare.class, "family-jansen-zwangerschap");

    Family() {
      woman.setId(prefix + "woman");
      woman.getIdentifier().stream().filter(i -> Fixtures.BSN_SYSTEM.equals(i.getSystem()))
          .forEach(i -> i.setValue(Fixtures.randomBsn()));
      record.setId(prefix + "record");
      record.getIdentifier().clear();
      record.getDiagnosis().clear();
      record.setPatient(new Reference("Patient/" + woman.getIdElement().getIdPart()))
          .setManagingOrganization(new Reference(PRACTICE));
    }

    /** The woman, her record and the pregnancy Condition, written in that order. */
    static Family withPregnancy() {
      Family f = new Family();
      f.put(f.woman);
      f.put(f.record);
      f.put(f.pregnancyCondition());
      return f;
    }

    org.hl7.fhir.dstu3.model.Condition pregnancyCondition() {
      org.hl7.fhir.dstu3.model.Condition c = new org.hl7.fhir.dstu3.model.Condition();
      c.setId(prefix + "pregnancy");
      c.getMeta().addProfile(ZIB_PREGNANCY);
      c.setClinicalStatus(org.hl7.fhir.dstu3.model.Condition.ConditionClinicalStatus.ACTIVE);
      c.getCode().addCoding().setSystem("http://snomed.info/sct").setCode("118185001");
      c.setSubject(new org.hl7.fhir.dstu3.model.Reference("Patient/" + woman.getIdElement().getIdPart()));
      c.setContext(new org.hl7.fhir.dstu3.model.Reference("EpisodeOfCare/" + record.getIdElement().getIdPart()));
      return c;
    }

    /** Our due-date example in R4, pointing at the pregnancy Condition by focus, as the IZK shape. */
    Observation dueDate(String date) {
      Observation edd = pointingAtThePregnancy(Fixtures.example(Observation.class, "family-jansen-edd"));
      edd.setValue(new DateTimeType(date));
      return edd;
    }

    /** One of our pregnancy's members, hers, pointing at the pregnancy Condition by focus. */
    Observation pointingAtThePregnancy(Observation member) {
      member.setId(prefix + member.getIdElement().getIdPart());
      member.setSubject(new Reference("Patient/" + woman.getIdElement().getIdPart()));
      member.getExtension().forEach(e -> e.setValue(new Reference("EpisodeOfCare/" + record.getIdElement().getIdPart())));
      member.getFocus().clear();
      member.addFocus(new Reference("Condition/" + prefix + "pregnancy"));
      return member;
    }

    void put(Resource r4) {
      put(view.toStu3(r4));
    }

    void put(org.hl7.fhir.dstu3.model.Resource stu3) {
      String path = stu3.fhirType() + "/" + stu3.getIdElement().getIdPart();
      Http.Response answer = midwife.send(HttpRequest.newBuilder(URI.create(root() + "/fhir/stu3/" + path))
          .PUT(HttpRequest.BodyPublishers.ofString(STU3.newJsonParser().encodeResourceToString(stu3)))
          .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json"));
      assertEquals(true, answer.status() < 300, () -> "PUT " + path + ": " + answer);
    }
  }

  private static String root() {
    String base = TestServer.shared().baseUrl();
    return base.substring(0, base.length() - "/fhir".length());
  }
}
