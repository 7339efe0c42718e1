package nl.geboorteketen.mappings.izk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.geboorteketen.mappings.RuleInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The IZK scripts' searches in our R4 terms (src/test/resources/izk-search-cases.csv); unknown parameters refused. */
class Stu3SearchTest {

  private final Stu3Search search = new Stu3Search(IzkViewTest.table());

  @ParameterizedTest(name = "{0}?{1}")
  @CsvFileSource(resources = "/izk-search-cases.csv", delimiter = ';', numLinesToSkip = 1, emptyValue = "")
  void translates(String type, String query, String r4Type, String expectedOrNull) {
    String expected = expectedOrNull == null ? "" : expectedOrNull;
    Map<String, List<String>> params = parse(query);
    if (expected.startsWith("400:")) {
      RuleInputException e = assertThrows(RuleInputException.class, () -> search.translate(type, params));
      assertEquals(400, e.status());
      assertEquals(expected.substring(4), e.problems().get(0).parameter());
      return;
    }
    Stu3Search.R4Search r4 = search.translate(type, params);
    assertEquals(r4Type, r4.type());
    assertEquals(parse(expected), r4.parameters());
  }

  private static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      out.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
    }
    return out;
  }
}
