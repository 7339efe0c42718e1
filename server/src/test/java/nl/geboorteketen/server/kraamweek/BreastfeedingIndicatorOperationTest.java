package nl.geboorteketen.server.kraamweek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.BooleanType;
import nl.geboorteketen.mappings.kraamweek.FeedingPattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** $borstvoedingsindicator over HTTP on a known data set of one fresh kraamzorg organisation. */
class BreastfeedingIndicatorOperationTest {

  final Http http = Http.shared();

  String create(Resource r) {
    Http.Response response = http.postJson("/fhir/" + r.fhirType(), r);
    assertEquals(201, response.status(), response::toString);
    return new IdType(response.header("Location")).toUnqualifiedVersionless().getValue();
  }

  String child() {
    Patient p = Fixtures.example(Patient.class, "family-jansen-daan");
    p.setId((String) null);
    p.getIdentifier().forEach(i -> i.setValue(Fixtures.randomBsn())); // one Patient per BSN
    return create(p);
  }

  void feeding(String child, String org, String day, String sct) {
    Observation o = Fixtures.example(Observation.class, "family-jansen-daan-feeding-type");
    o.setId((String) null);
    o.getExtension().clear();
    o.setSubject(new Reference(child));
    o.setPerformer(List.of(new Reference(org)));
    o.setEffective(new DateTimeType(day + "T10:00:00+01:00"));
    o.getComponent().clear();
    create(FeedingPattern.withFeedingType(o, new Coding("http://snomed.info/sct", sct, null)));
  }

  @Test
  void oneOfTwoExclusivelyBreastfedChildrenStillIsOnTheLastDay() {
    Organization kraamzorg = Fixtures.example(Organization.class, "family-jansen-kraamzorg");
    kraamzorg.setId((String) null);
    kraamzorg.setName("Kraamzorg De Indicator");
    kraamzorg.getIdentifier().forEach(i -> i.setValue(i.getValue().substring(0, i.getValue().length() - 3) + "999"));
    String org = create(kraamzorg);
    String stays = child();
    String switches = child();
    String formula = child();
    String lastMonth = child();
    feeding(stays, org, "2026-04-02", "226789007");
    feeding(stays, org, "2026-04-09", "226789007");
    feeding(switches, org, "2026-04-10", "226789007");
    feeding(switches, org, "2026-04-17", "386127005");
    feeding(formula, org, "2026-04-11", "386127005");
    feeding(formula, org, "2026-04-18", "226789007");
    feeding(lastMonth, org, "2026-03-28", "226789007");
    feeding(lastMonth, org, "2026-04-04", "226789007");

    Http.Response response = http.get("/fhir/" + org + "/$borstvoedingsindicator?start=2026-04-01&end=2026-04-30");

    assertEquals(200, response.status(), response::toString);
    Parameters p = response.resource(Parameters.class);
    assertEquals(1, ((IntegerType) p.getParameter("numerator").getValue()).getValue());
    assertEquals(2, ((IntegerType) p.getParameter("denominator").getValue()).getValue());
    assertEquals("50.0", p.getParameter("percentage").getValue().primitiveValue());
    assertEquals(false, ((BooleanType) p.getParameter("meetsNorm").getValue()).booleanValue());
    Set<String> counted = p.getParameter().stream().filter(x -> x.getName().equals("child"))
        .map(x -> ((Reference) x.getPart().get(0).getValue()).getReference()).collect(Collectors.toSet());
    assertEquals(Set.of(stays, switches), counted);
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIsRefused() {
    String org = Fixtures.example(Organization.class, "family-jansen-kraamzorg").getIdElement().getIdPart();
    Http.Response response = http.get("/fhir/Organization/" + org + "/$borstvoedingsindicator?start=2026-04-30&end=2026-04-01");
    assertEquals(400, response.status(), response::toString);
  }
}
