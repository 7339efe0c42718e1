package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.Http;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Every example of the package is accepted; every invalid example is refused at its element. */
@Tag("storage")
class PackageExamplesTest {

  @Test
  void everyPackageExampleIsStoredInOneTransaction() {
    Bundle answer = Fixtures.loadPackageExamples();
    assertFalse(Fixtures.packageExamples().isEmpty(), "the package carries examples");
    assertEquals(Fixtures.packageExamples().size(), answer.getEntry().size());
    answer.getEntry().forEach(e -> assertTrue(e.getResponse().getStatus().startsWith("20"),
        () -> "entry answered " + e.getResponse().getStatus()));
  }

  @ParameterizedTest(name = "{0} is refused at {2}")
  @CsvFileSource(resources = "/examples/invalid/expectations.csv", numLinesToSkip = 1)
  void invalidExampleIsRefusedWith422NamingTheElement(
      String file, String profile, String expectedPath, String expectedMessage) throws IOException {
    Fixtures.ensurePackageExamples();
    String json = read("/examples/invalid/" + file);
    String type = json.replaceAll("(?s).*?\"resourceType\"\\s*:\\s*\"(\\w+)\".*", "$1");

    Http.Response response = Http.shared().post("/fhir/" + type, json, "application/fhir+json");

    assertEquals(422, response.status(), () -> file + " was not refused: " + response);
    OperationOutcome oo = response.outcome();
    assertTrue(oo.getIssue().stream().anyMatch(i -> i.getExpression().stream()
            .anyMatch(e -> e.getValue().startsWith(expectedPath))),
        () -> "no issue at " + expectedPath + " in " + response.body());
    assertTrue(response.body().toLowerCase(Locale.ROOT).contains(expectedMessage.toLowerCase(Locale.ROOT)),
        () -> "message lacks '" + expectedMessage + "': " + response.body());
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = PackageExamplesTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
