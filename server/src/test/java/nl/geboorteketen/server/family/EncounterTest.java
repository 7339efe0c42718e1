package nl.geboorteketen.server.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A contact of a chain partner (gk-encounter, on nl-core-Encounter): stored when it meets the zib
 * Contact, refused with the element named when it does not, whoever's profile it claims.
 */
class EncounterTest {

  private static StoredFamily family;

  @BeforeAll
  static void family() {
    family = new StoredFamily();
  }

  private static Encounter visit() {
    Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
        .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "HH", "home health"))
        .setSubject(new Reference(family.mother()));
    visit.addEpisodeOfCare(new Reference(family.record()));
    visit.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-20T10:00:00+01:00"));
    visit.setServiceProvider(new Reference(family.midwifePractice()));
    return visit;
  }

  @Test
  void theMidwifesHomeVisitIsStored() {
    Http.Response r = family.midwife().postJson("/fhir/Encounter", visit());
    assertEquals(201, r.status(), r::toString);
  }

  @Test
  void aContactAtTwoPlacesIsRefusedAndNotStored() {
    Encounter twice = visit();
    twice.addLocation().setLocation(new Reference().setDisplay("thuis"));
    twice.addLocation().setLocation(new Reference().setDisplay("praktijk"));
    int before = count();
    Http.Response r = family.midwife().postJson("/fhir/Encounter", twice);
    assertEquals(422, r.status(), r::toString);
    OperationOutcome oo = r.outcome();
    // a cardinality is reported on the parent element, with the element itself in the message
    assertTrue(oo.getIssue().stream().anyMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
        && i.getExpression().stream().anyMatch(e -> e.getValue().equals("Encounter"))
        && i.getDiagnostics().contains("Encounter.location: max allowed = 1")
        && i.getDiagnostics().contains("gk-encounter")), r::toString);
    assertEquals(before, count(), "nothing stored");
  }

  private static int count() {
    return Http.shared().get("/fhir/Encounter?episode-of-care=" + family.record() + "&_summary=count")
        .resource(Bundle.class).getTotal();
  }
}
