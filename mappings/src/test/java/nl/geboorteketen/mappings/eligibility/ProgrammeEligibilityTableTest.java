package nl.geboorteketen.mappings.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.geboorteketen.mappings.eligibility.Eligibility.CriterionResult;
import nl.geboorteketen.mappings.eligibility.Eligibility.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The programme criteria of the package's rule table, case by case (programme-eligibility-cases.csv). */
class ProgrammeEligibilityTableTest {

  private static final ProgrammeTable TABLE = load();

  /** The table the package carries as Library/ondersteuningsprogrammas. */
  static ProgrammeTable load() {
    try {
      return ProgrammeTable.parse(Files.readAllBytes(Path.of("../profiles/rules/ondersteuningsprogrammas.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/programme-eligibility-cases.csv", numLinesToSkip = 1)
  void eligibility(String name, String programme, String facts, int enrolled, int fromOther, boolean inOther,
      String expected, String expectedCriteria) {
    Result result = Eligibility.evaluate(TABLE.find(programme).orElseThrow(), parse(facts),
        new Eligibility.Capacity(enrolled, fromOther, inOther));
    assertEquals(expected, result.outcome().code(), result::summary);
    for (String pair : expectedCriteria.split(";")) {
      String[] kv = pair.split("=");
      CriterionResult c = result.criteria().stream().filter(r -> r.id().equals(kv[0])).findFirst()
          .orElseThrow(() -> new AssertionError("no criterion " + kv[0]));
      assertEquals(kv[1], c.outcome().code(), () -> kv[0] + ": " + c.explanation());
    }
    String summary = result.summary();
    assertTrue(summary.startsWith(result.programme().name() + ": "), summary);
    if (result.outcome() == Outcome.NOT_ELIGIBLE) {
      assertTrue(summary.contains("Niet voldaan: niet: "), summary);
    }
  }

  private static Map<String, Fact> parse(String facts) {
    Map<String, Fact> result = new HashMap<>();
    if (facts == null || facts.isBlank()) {
      return result;
    }
    for (String pair : facts.split(";")) {
      String key = pair.substring(0, pair.indexOf('='));
      String raw = pair.substring(pair.indexOf('=') + 1);
      Object value;
      if (raw.equals("true") || raw.equals("false")) {
        value = Boolean.parseBoolean(raw);
      } else if (raw.matches("-?\\d+") && !key.equals("insurerUzovi")) {
        value = Long.parseLong(raw);
      } else if (key.equals("insurerUzovi") || key.equals("kraamzorgProvider")) {
        value = new LinkedHashSet<>(Arrays.asList(raw.split("\\+")));
      } else {
        value = raw;
      }
      result.put(key, Fact.of(value, key + " " + raw, "Test/1"));
    }
    return result;
  }
}
