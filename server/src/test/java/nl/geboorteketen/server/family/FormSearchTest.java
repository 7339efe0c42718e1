package nl.geboorteketen.server.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import nl.geboorteketen.server.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST [type]/_search with a form body answers as GET [type]?the-same-parameters, access checks included. */
class FormSearchTest {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static StoredFamily family;
  private static StoredFamily stranger;

  @BeforeAll
  static void families() {
    family = new StoredFamily();
    stranger = new StoredFamily();
  }

  private static Set<String> post(Http as, String type, String form) {
    return StoredFamily.refs(as.post("/fhir/" + type + "/_search", form, FORM));
  }

  private static Set<String> get(Http as, String type, String query) {
    return StoredFamily.refs(as.get("/fhir/" + type + "?" + query));
  }

  @Test
  void theFormBodyIsTheSearch() {
    String query = "maternal-record=" + family.record() + "&code=http://snomed.info/sct%7C118185001&_count=100";
    Set<String> byGet = get(family.midwife(), "Observation", query);
    assertEquals(Set.of(family.id("Observation/family-jansen-pregnancy")), byGet);
    assertEquals(byGet, post(family.midwife(), "Observation", query));
    assertEquals(byGet, post(Http.shared(), "Observation", query), "the beheerder too");
  }

  @Test
  void bodyAndQueryStringCombine() {
    Http.Response r = family.midwife().post("/fhir/Observation/_search?_count=100",
        "maternal-record=" + family.record() + "&code=http://snomed.info/sct%7C118185001", FORM);
    assertEquals(Set.of(family.id("Observation/family-jansen-pregnancy")), StoredFamily.refs(r));
  }

  @Test
  void aPartnerWithoutCareRelationshipFindsNothingOfTheFamily() {
    Set<String> byPost = post(stranger.midwife(), "Observation", "subject=" + family.mother() + "&_count=100");
    assertTrue(byPost.isEmpty(), () -> "a stranger found " + byPost);
    Set<String> patients = post(stranger.midwife(), "Patient", "_id=" + family.mother().substring(8) + ","
        + family.child().substring(8));
    assertTrue(patients.isEmpty(), () -> "a stranger found " + patients);
    Set<String> records = post(stranger.midwife(), "EpisodeOfCare", "_id=" + family.record().substring(14)
        + "&_revinclude=*&_include=*");
    assertTrue(records.isEmpty(), () -> "a stranger found " + records);
  }

  @Test
  void aPgoIsNarrowedToHerFamilyAsWithGet() {
    Set<String> byGet = get(family.pgo(), "Patient", "_count=100");
    Set<String> byPost = post(family.pgo(), "Patient", "_count=100");
    assertEquals(Set.of(family.mother(), family.child()), byGet);
    assertEquals(byGet, byPost);
    assertFalse(post(family.pgo(), "Observation", "_count=200").stream().anyMatch(r -> stranger.ids.containsValue(r)));
  }
}
