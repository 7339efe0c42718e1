package nl.geboorteketen.mappings.overdracht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.geboorteketen.mappings.RecordPattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Which records each receiver gets, straight from the handover table — and that nothing else leaks. */
class HandoverContentTest {

  /** What the profiles the table names fix (the server reads this from the package; ProfilePatternsTest checks it). */
  static final Map<String, RecordPattern> PROFILES = Map.of(FamilyRecords.VULNERABILITY,
      new RecordPattern("Observation", Map.of("code", Set.of(FamilyRecords.GK + "|kwetsbaarheid"))));
  static final HandoverTable TABLE = load();
  static final String[] TYPES = {"verloskundige-kraamzorg", "kraamzorg-jgz", "verloskundige-jgz-prenataal"};

  static HandoverTable load() {
    try {
      return HandoverTable.parse(Files.readAllBytes(Path.of("../profiles/rules/overdracht.json")))
          .withProfiles(url -> Optional.ofNullable(PROFILES.get(url)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Set<String> content(String type) {
    FamilyRecords family = new FamilyRecords();
    HandoverDocumentBuilder.Result result =
        HandoverDocumentBuilder.build(TABLE.type(type).orElseThrow(), family.input(type));
    assertTrue(result.complete(), () -> type + " is missing " + result.missing());
    return HandoverDocumentBuilder.contentKeys(result.document());
  }

  @ParameterizedTest(name = "{0}: kraamzorg={1} jgz={2} prenataal={3} — {4}")
  @CsvFileSource(resources = "/handover-content-cases.csv", delimiter = ',')
  void eachReceiverGetsExactlyWhatItsTableLists(String record, String kraamzorg, String jgz, String prenataal, String why) {
    String[] expected = {kraamzorg, jgz, prenataal};
    for (int i = 0; i < TYPES.length; i++) {
      boolean shouldBeIn = expected[i].equals("yes");
      String type = TYPES[i];
      assertEquals(shouldBeIn, content(type).contains(record),
          () -> record + " in " + type + " document: expected " + (shouldBeIn ? "in" : "NOT in") + " (" + why + ")");
    }
  }

  @Test
  void everyRecordInADocumentIsListedInTheCaseTable() throws IOException {
    List<String> listed = Files.readAllLines(Path.of("src/test/resources/handover-content-cases.csv")).stream()
        .filter(l -> !l.startsWith("#")).map(l -> l.split(",")[0]).toList();
    for (String type : TYPES) {
      for (String key : content(type)) {
        assertTrue(listed.contains(key), () -> key + " appears in " + type + " but the case table does not say so");
      }
    }
  }

  @Test
  void documentStartsWithACompositionWhoseSectionsReferenceOnlyIncludedRecords() {
    FamilyRecords family = new FamilyRecords();
    Bundle doc = HandoverDocumentBuilder.build(TABLE.type("kraamzorg-jgz").orElseThrow(), family.input("kraamzorg-jgz")).document();
    assertEquals(Bundle.BundleType.DOCUMENT, doc.getType());
    Composition c = (Composition) doc.getEntryFirstRep().getResource();
    assertEquals("https://fhir.geboorteketen.nl/StructureDefinition/gk-handover-jgz-kraamweek", c.getMeta().getProfile().get(0).getValue());
    assertEquals("Patient/anna", c.getSubject().getReference());
    assertEquals("Organization/sender", c.getAuthorFirstRep().getReference());
    Set<String> keys = HandoverDocumentBuilder.contentKeys(doc);
    c.getSection().forEach(s -> s.getEntry().forEach(e -> assertTrue(keys.contains(e.getReference()), e.getReference())));
    assertEquals(List.of("voeding", "gewichtsverloop", "signalen", "geleverde-zorg", "kwetsbaarheid", "gezinsplan", "kind"),
        c.getSection().stream().map(s -> s.getCode().getCodingFirstRep().getCode()).toList());
  }

  @Test
  void missingRequiredContentIsListedSectionBySection() {
    FamilyRecords family = new FamilyRecords();
    List<Resource> onlyPatients = family.records.stream().filter(r -> r.fhirType().equals("Patient")).toList();
    HandoverDocumentBuilder.Result result = HandoverDocumentBuilder.build(
        TABLE.type("verloskundige-jgz-prenataal").orElseThrow(), family.input("verloskundige-jgz-prenataal", onlyPatients));
    assertFalse(result.complete());
    assertEquals(List.of("zwangerschap", "signalen", "toestemming"),
        result.missing().stream().map(HandoverDocumentBuilder.Missing::section).toList());
    assertNotNull(result.missing().get(2).wanted());
    assertTrue(result.missing().get(2).wanted().contains("prenataal-huisbezoek"));
    assertTrue(result.missing().get(1).wanted().contains("code " + FamilyRecords.GK + "|kwetsbaarheid"),
        result.missing().get(1).wanted());
  }

  @Test
  void aRecordSelectedByCodeAndClaimingTheProfileIsInTheDocumentOnce() {
    FamilyRecords family = new FamilyRecords();
    for (String type : TYPES) {
      Bundle doc = HandoverDocumentBuilder.build(TABLE.type(type).orElseThrow(), family.input(type)).document();
      List<String> entries = doc.getEntry().stream().map(e -> e.getFullUrl()).toList();
      assertEquals(entries.size(), Set.copyOf(entries).size(), () -> type + " has a record twice: " + entries);
      Composition c = (Composition) doc.getEntryFirstRep().getResource();
      long claimed = c.getSection().stream().flatMap(s -> s.getEntry().stream())
          .filter(e -> e.getReference().equals("Observation/vulnerability-claimed")).count();
      assertEquals(1, claimed, type);
    }
  }

  @Test
  void theVulnerabilityByCodeAloneSatisfiesTheRequiredSignalsOfThePrenatalRequest() {
    FamilyRecords family = new FamilyRecords();
    List<Resource> withoutFlags = family.records.stream()
        .filter(r -> !r.fhirType().equals("Flag") && !r.getIdElement().getIdPart().equals("vulnerability-claimed"))
        .toList();
    HandoverDocumentBuilder.Result result = HandoverDocumentBuilder.build(
        TABLE.type("verloskundige-jgz-prenataal").orElseThrow(), family.input("verloskundige-jgz-prenataal", withoutFlags));
    assertTrue(result.complete(), () -> "missing " + result.missing());
    assertTrue(HandoverDocumentBuilder.contentKeys(result.document()).contains("Observation/vulnerability"));
  }
}
