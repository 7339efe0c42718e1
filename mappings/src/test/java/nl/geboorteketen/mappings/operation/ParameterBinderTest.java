package nl.geboorteketen.mappings.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterBinderTest {

  static final String KIND_VS = "https://example.org/ValueSet/kind";

  static OperationDefinition definition() {
    OperationDefinition od = new OperationDefinition();
    in(od, "eersteKind", "boolean", 0, "1");
    in(od, "dagen", "integer", 0, "1");
    in(od, "uren", "decimal", 0, "1");
    in(od, "start", "date", 0, "1");
    in(od, "soort", "code", 1, "1").getBinding().setStrength(BindingStrength.REQUIRED).setValueSet(KIND_VS);
    in(od, "factor", "code", 0, "*");
    in(od, "ontvanger", "Reference", 0, "1").addTargetProfile("http://hl7.org/fhir/StructureDefinition/Organization");
    in(od, "handtekening", "Signature", 0, "1");
    od.addParameter().setName("antwoord").setUse(OperationParameterUse.OUT).setMin(1).setMax("1").setType("string");
    return od;
  }

  static OperationDefinition.OperationDefinitionParameterComponent in(OperationDefinition od, String name, String type,
      int min, String max) {
    return od.addParameter().setName(name).setUse(OperationParameterUse.IN).setMin(min).setMax(max).setType(type);
  }

  static final ParameterBinder.Terminology TERMINOLOGY = new ParameterBinder.Terminology() {
    public Boolean inValueSet(String valueSet, String code) {
      return KIND_VS.equals(valueSet) ? Set.of("kraam", "jgz").contains(code) : null;
    }

    public String typeOfProfile(String profile) {
      return profile.substring(profile.lastIndexOf('/') + 1);
    }
  };

  static Map<String, List<String>> query(String query) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (!query.isBlank()) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        result.computeIfAbsent(kv[0], k -> new java.util.ArrayList<>()).add(kv[1]);
      }
    }
    return result;
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "soort=kraam                                              | ''",
      "soort=kraam&_format=json&_pretty=true                    | ''",
      "soort=kraam&eersteKind=true&dagen=3&uren=49.5&start=2026-01-01&factor=a&factor=b | ''",
      "soort=kraam&ontvanger=Organization/kz-1                  | ''",
      "soort=kraam&ontvanger=https://x.nl/fhir/Organization/kz-1 | ''",
      "''                                                       | MISSING:soort",
      "soort=kraam&soort=jgz                                    | TOO_MANY:soort",
      "soort=onbekend                                           | CODE:soort",
      "soort=kraam&programme=x                                  | UNKNOWN:programme",
      "soort=kraam&eersteKind=ja                                | TYPE:eersteKind",
      "soort=kraam&dagen=2.5                                    | TYPE:dagen",
      "soort=kraam&uren=veel                                    | TYPE:uren",
      "soort=kraam&start=1-1-2026                               | TYPE:start",
      "soort=kraam&ontvanger=Patient/1                          | TARGET:ontvanger",
      "soort=kraam&ontvanger=kraamzorg                          | TYPE:ontvanger",
      "soort=kraam&handtekening=x                               | POST_ONLY:handtekening",
      "eersteKind=nee&dagen=x                                   | TYPE:eersteKind,TYPE:dagen,MISSING:soort",
  })
  void aQueryIsBoundOrRefusedWithEveryProblemNamed(String query, String expected) {
    ParameterBinder.Bound bound = new ParameterBinder(definition(), TERMINOLOGY).fromQuery(query(query));
    List<String> problems = bound.problems().stream().map(p -> p.kind() + ":" + p.parameter()).sorted().toList();
    List<String> wanted = expected.isBlank() ? List.of() : Arrays.stream(expected.split(",")).sorted().toList();
    assertEquals(wanted, problems, bound.problems().toString());
  }

  @Test
  void aQueryBecomesTypedValues() {
    Parameters in = new ParameterBinder(definition(), TERMINOLOGY)
        .fromQuery(query("soort=kraam&eersteKind=false&dagen=4")).input();
    assertEquals(false, ((BooleanType) in.getParameter("eersteKind").getValue()).booleanValue());
    assertEquals(4, ((IntegerType) in.getParameter("dagen").getValue()).getValue());
    assertEquals("kraam", ((CodeType) in.getParameter("soort").getValue()).getValue());
  }

  @Test
  void aBodyIsCheckedAsSent() {
    ParameterBinder binder = new ParameterBinder(definition(), TERMINOLOGY);
    Parameters good = new Parameters();
    good.addParameter().setName("soort").setValue(new CodeType("jgz"));
    good.addParameter().setName("ontvanger").setValue(new Reference("Organization/jgz-1"));
    assertTrue(binder.fromBody(good).ok());

    Parameters bad = new Parameters();
    bad.addParameter().setName("soort").setValue(new StringType("jgz"));
    bad.addParameter().setName("eersteKind").setValue(new StringType("true"));
    bad.addParameter().setName("ontvanger").setValue(new Reference("Patient/moeder"));
    bad.addParameter().setName("answer").setValue(new StringType("x"));
    List<String> problems = binder.fromBody(bad).problems().stream().map(p -> p.kind() + ":" + p.parameter()).sorted().toList();
    assertEquals(List.of("TARGET:ontvanger", "TYPE:eersteKind", "TYPE:soort", "UNKNOWN:answer"), problems);
  }

  @Test
  void messagesSayWhatIsAllowed() {
    var problems = new ParameterBinder(definition(), TERMINOLOGY).fromQuery(query("soort=kraam&programme=x")).problems();
    assertTrue(problems.get(0).message().contains("eersteKind, factor, handtekening, ontvanger, soort, start, uren"),
        problems.get(0).message());
    assertEquals("not-supported", problems.get(0).kind().issueType());
  }
}
