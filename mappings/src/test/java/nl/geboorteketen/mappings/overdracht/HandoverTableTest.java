package nl.geboorteketen.mappings.overdracht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.geboorteketen.mappings.RecordPattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/** A selector naming a profile selects by what that profile fixes; a profile that cannot select is refused. */
class HandoverTableTest {

  static final String GK = FamilyRecords.GK;
  static final String PROFILE = FamilyRecords.VULNERABILITY;

  static HandoverTable table(String selector) {
    String json = """
        {"types": {"t": {"title": "T", "sections": [{"code": "s", "title": "S", "required": true, "about": "mother",
          "select": [%s]}]}}, "taskTransitions": {}, "statusReasonRequiredFor": []}
        """.formatted(selector);
    return HandoverTable.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  static HandoverTable.Selector only(HandoverTable table) {
    return table.type("t").orElseThrow().sections().get(0).select().get(0);
  }

  static Observation observation(String code, boolean claims) {
    Observation o = new Observation().setCode(new CodeableConcept(new Coding(GK, code, null)));
    if (claims) {
      o.getMeta().addProfile(PROFILE);
    }
    return o;
  }

  @Test
  void aProfileSelectorSelectsByTheCodeTheProfileFixes() {
    RecordPattern pattern = new RecordPattern("Observation", Map.of("code", Set.of(GK + "|kwetsbaarheid")));
    HandoverTable.Selector s = only(table("{\"type\": \"Observation\", \"profile\": \"" + PROFILE + "\"}")
        .withProfiles(url -> url.equals(PROFILE) ? Optional.of(pattern) : Optional.empty()));
    assertEquals(pattern, s.pattern());
    assertTrue(RecordSelection.matches(s, observation("kwetsbaarheid", false)));
    assertTrue(RecordSelection.matches(s, observation("kwetsbaarheid", true)));
    assertEquals(false, RecordSelection.matches(s, observation("jaundice", true)));
  }

  @Test
  void aTableMayStateWhatIsFixedItself() {
    HandoverTable.Selector s = only(table("{\"type\": \"Observation\", \"fixed\": {\"code\": [\"" + GK + "|kwetsbaarheid\"]}}"));
    assertTrue(RecordSelection.matches(s, observation("kwetsbaarheid", false)));
    assertEquals(false, RecordSelection.matches(s, observation("jaundice", true)));
  }

  @Test
  void anUnreadProfileNeverFallsBackToMetaProfile() {
    HandoverTable.Selector s = only(table("{\"type\": \"Observation\", \"profile\": \"" + PROFILE + "\"}"));
    assertThrows(IllegalStateException.class, () -> RecordSelection.matches(s, observation("kwetsbaarheid", true)));
  }

  @Test
  void aProfileThatIsUnknownOfAnotherTypeOrFixesNothingIsRefused() {
    HandoverTable t = table("{\"type\": \"Observation\", \"profile\": \"" + PROFILE + "\"}");
    var unknown = assertThrows(IllegalArgumentException.class, () -> t.withProfiles(url -> Optional.empty()));
    assertTrue(unknown.getMessage().contains("niet in het pakket"), unknown.getMessage());
    var otherType = assertThrows(IllegalArgumentException.class,
        () -> t.withProfiles(url -> Optional.of(new RecordPattern("Flag", Map.of("code", Set.of("a|b"))))));
    assertTrue(otherType.getMessage().contains("Flag"), otherType.getMessage());
    var nothing = assertThrows(IllegalArgumentException.class,
        () -> t.withProfiles(url -> Optional.of(new RecordPattern("Observation", Map.of()))));
    assertTrue(nothing.getMessage().contains("selecteer op code"), nothing.getMessage());
  }
}
