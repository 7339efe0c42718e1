package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.geboorteketen.mappings.PregnancyKey;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Create, read, update, search, history and transaction for the chain's resources, on one new
 * family stored as a transaction bundle built from the package examples.
 */
@Tag("storage")
class ChainResourcesRoundTripTest {

  private static final String SNOMED = "http://snomed.info/sct";
  private static final String MATERNAL_RECORD =
      "https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record";
  private static final String RELATED_PATIENT =
      "https://fhir.geboorteketen.nl/StructureDefinition/ext-related-patient";
  private static final Http HTTP = Http.shared();
  private static final Map<String, Resource> STORED = new HashMap<>();

  @BeforeAll
  static void storeANewFamilyInOneTransaction() {
    Fixtures.ensurePackageExamples();
    Bundle tx = Fixtures.examplesAsNewFamily().transaction();
    // The server computes the pregnancy key; a client need not send it.
    tx.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(EpisodeOfCare.class::isInstance).map(EpisodeOfCare.class::cast)
        .forEach(e -> e.getIdentifier().removeIf(i -> PregnancyKey.SYSTEM.equals(i.getSystem())));

    Http.Response response = HTTP.postJson("/fhir", tx);

    assertEquals(200, response.status(), response::toString);
    for (Bundle.BundleEntryComponent entry : response.resource(Bundle.class).getEntry()) {
      assertTrue(entry.getResponse().getStatus().startsWith("201"), entry.getResponse()::getStatus);
      String location = entry.getResponse().getLocation().replaceAll("/_history/.*", "");
      Resource stored = read(location, Resource.class);
      STORED.put(location, stored);
    }
  }

  @Test
  void everyResourceOfTheTransactionCanBeReadBack() {
    assertEquals(Fixtures.packageExamples().size(), STORED.size());
    STORED.forEach((location, resource) -> assertEquals(200, HTTP.get("/fhir/" + location).status()));
  }

  @Test
  void theServerAssignsThePregnancyKeyFromTheDatingAndTheMothersBirthDate() {
    Observation pregnancy = only(Observation.class, o -> hasSnomed(o, "118185001"));
    EpisodeOfCare record = read(extensionReference(pregnancy, MATERNAL_RECORD), EpisodeOfCare.class);
    Patient mother = read(pregnancy.getSubject().getReference(), Patient.class);
    java.time.LocalDate lmp = memberDate(pregnancy, "21840007");
    java.time.LocalDate edd = memberDate(pregnancy, "161714006");
    long expected = PregnancyKey.compute(local(mother.getBirthDate()), null, lmp, edd).orElseThrow();

    String key = record.getIdentifier().stream().filter(i -> PregnancyKey.SYSTEM.equals(i.getSystem()))
        .findFirst().orElseThrow(() -> new AssertionError("no pregnancy key on " + record.getId())).getValue();

    assertEquals(String.valueOf(expected), key);
    assertEquals("1", record.getMeta().getVersionId(), "the whole pregnancy came in one transaction: the record "
        + "got its key before it was stored, and was written once");
    Bundle found = HTTP.get("/fhir/EpisodeOfCare?_count=1000&_total=accurate&pregnancy-key=" + key).resource(Bundle.class);
    assertTrue(found.getEntry().stream().anyMatch(e -> e.getResource().getIdElement().getIdPart()
        .equals(record.getIdElement().getIdPart())));
  }

  /** The pregnancy recorded in a later request than the record, its dating and the woman: the key follows it. */
  @Test
  void aPregnancyRecordedLaterStillGetsItsKey() {
    Bundle first = Fixtures.examplesAsNewFamily().transaction();
    first.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(EpisodeOfCare.class::isInstance).map(EpisodeOfCare.class::cast)
        .forEach(e -> e.getIdentifier().removeIf(i -> PregnancyKey.SYSTEM.equals(i.getSystem())));
    Bundle.BundleEntryComponent pregnancyEntry = first.getEntry().stream()
        .filter(e -> e.getResource() instanceof Observation o && hasSnomed(o, "118185001")).findFirst().orElseThrow();
    first.getEntry().remove(pregnancyEntry);
    Http.Response stored = HTTP.postJson("/fhir", first);
    assertEquals(200, stored.status(), stored::toString);
    Map<String, String> location = new HashMap<>();
    List<Bundle.BundleEntryComponent> answered = stored.resource(Bundle.class).getEntry();
    for (int i = 0; i < answered.size(); i++) {
      location.put(first.getEntry().get(i).getFullUrl(), stripHistory(answered.get(i).getResponse().getLocation()));
    }
    Observation pregnancy = (Observation) pregnancyEntry.getResource();
    Http.FHIR.newTerser().getAllPopulatedChildElementsOfType(pregnancy, Reference.class)
        .forEach(ref -> ref.setReference(location.getOrDefault(ref.getReference(), ref.getReference())));
    String recordPath = extensionReference(pregnancy, MATERNAL_RECORD);
    assertTrue(read(recordPath, EpisodeOfCare.class).getIdentifier().stream()
        .noneMatch(i -> PregnancyKey.SYSTEM.equals(i.getSystem())), "no key before the pregnancy is known");

    assertEquals(201, HTTP.postJson("/fhir/Observation", pregnancy).status());

    EpisodeOfCare record = read(recordPath, EpisodeOfCare.class);
    assertTrue(record.getIdentifier().stream().anyMatch(i -> PregnancyKey.SYSTEM.equals(i.getSystem())),
        "the key is filled in after the pregnancy's commit");
    assertEquals("2", record.getMeta().getVersionId());
  }

  /** A bulk load: the keys of one transaction are assigned together, and every maternal record gets its own. */
  @Test
  void everyFamilyOfOneTransactionGetsItsPregnancyKey() {
    java.util.function.Predicate<Resource> familyOnly = r -> !(r instanceof org.hl7.fhir.r4.model.Organization
        || r instanceof org.hl7.fhir.r4.model.Practitioner || r instanceof org.hl7.fhir.r4.model.PractitionerRole);
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (int family = 0; family < 3; family++) {
      Fixtures.examplesAsNewFamily(familyOnly).transaction().getEntry().forEach(tx::addEntry);
    }
    tx.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(EpisodeOfCare.class::isInstance).map(EpisodeOfCare.class::cast)
        .forEach(e -> e.getIdentifier().removeIf(i -> PregnancyKey.SYSTEM.equals(i.getSystem())));

    Http.Response response = HTTP.postJson("/fhir", tx);

    assertEquals(200, response.status(), response::toString);
    List<String> records = response.resource(Bundle.class).getEntry().stream().map(e -> e.getResponse().getLocation())
        .filter(l -> l.startsWith("EpisodeOfCare/")).map(l -> l.replaceAll("/_history/.*", "")).toList();
    long maternalRecords = tx.getEntry().stream().filter(e -> e.getResource() instanceof EpisodeOfCare episode
        && episode.getType().stream().anyMatch(t -> t.hasCoding("http://snomed.info/sct", "364320009"))).count();
    assertTrue(maternalRecords >= 3, "three maternal records sent");
    long keyed = records.stream().map(l -> read(l, EpisodeOfCare.class))
        .filter(e -> e.getIdentifier().stream().anyMatch(i -> PregnancyKey.SYSTEM.equals(i.getSystem()))).count();
    assertEquals(maternalRecords, keyed, "every maternal record of the transaction has its key");
  }

  @Test
  void updateMakesANewVersionAndHistoryKeepsBoth() {
    Patient mother = only(Patient.class, p -> p.getBirthDate() != null
        && STORED.values().stream().anyMatch(r -> r instanceof EpisodeOfCare e
            && e.getPatient().getReference().endsWith(p.getIdElement().getIdPart())));
    mother.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue("0612345678");
    String path = "/fhir/Patient/" + mother.getIdElement().getIdPart();

    Http.Response updated = HTTP.put(path, Http.FHIR.newJsonParser().encodeResourceToString(mother),
        "application/fhir+json");

    assertEquals(200, updated.status(), updated::toString);
    assertEquals("2", updated.resource(Patient.class).getMeta().getVersionId());
    Bundle history = HTTP.get(path + "/_history").resource(Bundle.class);
    assertEquals(2, history.getEntry().size());
    assertEquals(200, HTTP.get(path + "/_history/1").status());
  }

  @Test
  void searchByBsnFindsTheWoman() {
    Patient someone = only(Patient.class, p -> p.getIdentifier().stream()
        .anyMatch(i -> "http://fhir.nl/fhir/NamingSystem/bsn".equals(i.getSystem())));
    String bsn = someone.getIdentifier().stream()
        .filter(i -> "http://fhir.nl/fhir/NamingSystem/bsn".equals(i.getSystem())).findFirst().get().getValue();
    Bundle found = HTTP.get("/fhir/Patient?_total=accurate&identifier=http://fhir.nl/fhir/NamingSystem/bsn%7C" + bsn)
        .resource(Bundle.class);
    assertTrue(found.getTotal() >= 1);
  }

  @Test
  void searchByMaternalRecordFindsEveryObservationOfThePregnancy() {
    Observation pregnancy = only(Observation.class, o -> hasSnomed(o, "118185001"));
    String record = extensionReference(pregnancy, MATERNAL_RECORD);
    long expected = STORED.values().stream().filter(Observation.class::isInstance)
        .filter(r -> record.equals(extensionReference((Observation) r, MATERNAL_RECORD)))
        .count();
    Bundle found = HTTP.get("/fhir/Observation?maternal-record=" + record + "&_summary=count").resource(Bundle.class);
    assertEquals(expected, found.getTotal());
  }

  @Test
  void searchByEstimatedDeliveryDateFindsTheEddObservation() {
    Observation edd = only(Observation.class, o -> hasSnomed(o, "161714006"));
    String date = ((DateTimeType) edd.getValue()).getValueAsString().substring(0, 10);
    Bundle found = HTTP.get("/fhir/Observation?_count=1000&edd=" + date).resource(Bundle.class);
    assertTrue(found.getEntry().stream().anyMatch(e -> e.getResource().getIdElement().getIdPart()
        .equals(edd.getIdElement().getIdPart())), "EDD observation found by its date");
  }

  @Test
  void searchRelatedPersonByMotherFindsTheChildLink() {
    RelatedPerson link = only(RelatedPerson.class, r -> true);
    String mother = extensionReference(link, RELATED_PATIENT);
    Bundle found = HTTP.get("/fhir/RelatedPerson?related-patient=" + mother).resource(Bundle.class);
    assertEquals(1, found.getTotal());
  }

  private static <T extends Resource> T only(Class<T> type, java.util.function.Predicate<T> filter) {
    return STORED.values().stream().filter(type::isInstance).map(type::cast).filter(filter).findFirst()
        .orElseThrow(() -> new AssertionError("no stored " + type.getSimpleName() + " matches"));
  }

  private static boolean hasSnomed(Observation o, String code) {
    return o.getCode().getCoding().stream().anyMatch(c -> SNOMED.equals(c.getSystem()) && code.equals(c.getCode()));
  }

  private static java.time.LocalDate memberDate(Observation pregnancy, String code) {
    return pregnancy.getHasMember().stream()
        .map(ref -> read(ref.getReference(), Observation.class))
        .filter(o -> hasSnomed(o, code))
        .map(o -> ((DateTimeType) o.getValue()).getValue())
        .map(ChainResourcesRoundTripTest::local)
        .findFirst().orElse(null);
  }

  private static java.time.LocalDate local(java.util.Date date) {
    return date.toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate();
  }

  private static String extensionReference(DomainResource resource, String url) {
    Extension ext = resource.getExtensionByUrl(url);
    return ext != null && ext.getValue() instanceof Reference ref ? stripHistory(ref.getReference()) : null;
  }

  private static String stripHistory(String reference) {
    return reference.replaceAll("/_history/.*", "");
  }

  private static <T extends Resource> T read(String relative, Class<T> type) {
    Http.Response response = HTTP.get("/fhir/" + stripHistory(relative));
    assertEquals(200, response.status(), response::toString);
    return response.resource(type);
  }
}
