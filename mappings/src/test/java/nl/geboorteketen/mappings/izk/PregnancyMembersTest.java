package nl.geboorteketen.mappings.izk;

import static nl.geboorteketen.mappings.izk.IzkViewTest.VIEW;
import static nl.geboorteketen.mappings.izk.IzkViewTest.fixture;
import static nl.geboorteketen.mappings.izk.PregnanciesTest.PREGNANCIES;
import static nl.geboorteketen.mappings.izk.PregnanciesTest.PREGNANCY_CODE;
import static nl.geboorteketen.mappings.izk.PregnanciesTest.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A pregnancy's members point at it in the IZK view, found in a search or read on their own. */
class PregnancyMembersTest {

  static final PregnancyMembers MEMBERS = new PregnancyMembers(PREGNANCIES);
  private static final String FOCUS = "http://nictiz.nl/fhir/StructureDefinition/observation-focusSTU3";

  @ParameterizedTest(name = "Observation?{0} leaves pregnancies out")
  @CsvSource(delimiter = ';', value = {
      "maternal-record=EpisodeOfCare/e1;maternal-record=EpisodeOfCare/e1&code:not=" + PREGNANCY_CODE + "&_revinclude=Observation:has-member",
      "code:not=http://loinc.org|1-8;code:not=http://loinc.org|1-8&code:not=" + PREGNANCY_CODE + "&_revinclude=Observation:has-member",
  })
  void anObservationSearchNoLongerFindsThem(String asked, String sent) {
    var search = MEMBERS.withoutPregnancies(new Stu3Search.R4Search("Observation", params(asked)));
    assertEquals(params(sent), search.parameters());
  }

  @Test
  void membersFoundPointAtThePregnancyAndItLeavesTheAnswer() throws Exception {
    Observation pregnancy = (Observation) fixture("Observation-family-jansen-pregnancy.json");
    Observation gravidity = (Observation) fixture("Observation-family-jansen-gravidity.json");
    Observation parity = (Observation) fixture("Observation-family-jansen-parity.json");
    parity.addFocus(new org.hl7.fhir.r4.model.Reference("Condition/family-jansen-pregnancy"));
    Observation unrelated = (Observation) fixture("Observation-family-jansen-daan-birth-weight.json");
    Observation panel = new Observation();
    panel.setId("some-panel");
    panel.addHasMember(new org.hl7.fhir.r4.model.Reference("Observation/family-jansen-daan-birth-weight"));
    Bundle answer = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    for (Observation o : List.of(gravidity, parity, unrelated)) {
      answer.addEntry().setResource(o).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    }
    for (Observation o : List.of(pregnancy, panel)) {
      answer.addEntry().setResource(o).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);
    }

    MEMBERS.linkMembers(answer);

    assertEquals(List.of("family-jansen-gravidity", "family-jansen-parity", "family-jansen-daan-birth-weight"),
        answer.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList());
    assertEquals("Condition/family-jansen-pregnancy", gravidity.getFocusFirstRep().getReference());
    assertEquals("Finding related to pregnancy", gravidity.getFocusFirstRep().getDisplay());
    assertEquals(1, parity.getFocus().size(), "a focus already there is not given twice");
    assertTrue(unrelated.getFocus().isEmpty(), "only a pregnancy's members point at it");
    var stu3 = (org.hl7.fhir.dstu3.model.Observation) VIEW.toStu3(gravidity);
    assertEquals("Condition/family-jansen-pregnancy", ((org.hl7.fhir.dstu3.model.Reference)
        stu3.getExtensionsByUrl("http://nictiz.nl/fhir/StructureDefinition/observation-focusSTU3").get(0).getValue()).getReference());
  }

  @Test
  void theSearchForAMembersPregnancyAsksForThePregnancyHoldingIt() {
    assertEquals(params("has-member=Observation/g1&code=" + PREGNANCY_CODE), MEMBERS.pregnancyOf("g1").parameters());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      // what the pregnancy search found; the member read; its focus afterwards
      "her pregnancy, naming the member;pregnancy names gravidity;family-jansen-gravidity;Condition/family-jansen-pregnancy",
      "nothing found (none, or one she may not read);none;family-jansen-gravidity;",
      "a pregnancy not naming the member;pregnancy names parity;family-jansen-gravidity;",
      "a panel that is no pregnancy, naming the member;panel names gravidity;family-jansen-gravidity;",
      "a focus already there is not given twice;pregnancy names parity;family-jansen-parity;Condition/family-jansen-pregnancy",
      "the pregnancy itself gets no focus;pregnancy names pregnancy;family-jansen-pregnancy;",
  })
  void aMemberReadOnItsOwnPointsAtItsPregnancy(String what, String found, String read, String focus) throws Exception {
    Observation member = (Observation) fixture("Observation-" + read + ".json");
    if (read.equals("family-jansen-parity")) {
      member.addFocus(new Reference("Condition/family-jansen-pregnancy"));
    }
    Bundle answer = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    if (!found.equals("none")) {
      String[] words = found.split(" ");
      Observation parent = words[0].equals("pregnancy")
          ? (Observation) fixture("Observation-family-jansen-pregnancy.json") : new Observation();
      parent.setId(words[0].equals("pregnancy") ? "family-jansen-pregnancy" : "some-panel");
      parent.getHasMember().clear();
      parent.addHasMember(new Reference("Observation/family-jansen-" + words[2]));
      answer.addEntry().setResource(parent).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    }

    MEMBERS.linkMember(member, answer);

    assertEquals(focus == null ? List.of() : List.of(focus),
        member.getFocus().stream().map(Reference::getReference).toList(), what);
    if (focus != null && read.equals("family-jansen-gravidity")) {
      var stu3 = (org.hl7.fhir.dstu3.model.Observation) VIEW.toStu3(member);
      assertEquals(focus, ((org.hl7.fhir.dstu3.model.Reference) stu3.getExtensionsByUrl(FOCUS).get(0).getValue())
          .getReference());
      assertTrue(member.getFocusFirstRep().hasDisplay(), "the focus names the pregnancy");
    }
  }
}
