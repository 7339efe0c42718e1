package nl.geboorteketen.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import nl.geboorteketen.server.support.Http;
import nl.geboorteketen.server.support.TestServer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The bad-input corpus (bad-input-cases.csv, bodies in bad-input/): every case is refused with
 * its documented 4xx and an OperationOutcome, and the store holds exactly what it held before.
 */
class BadInputTest {

  @ParameterizedTest(name = "{0} → {5}")
  @CsvFileSource(resources = "/bad-input-cases.csv", useHeadersInDisplayName = false, numLinesToSkip = 1)
  void badInputIsRefusedAndChangesNothing(String name, String method, String path, String contentType, String body,
      int status) throws Exception {
    int before = storedVersions();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path))
        .header("Accept", "application/fhir+json");
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, publisher);
    Http.Response answer = Http.shared().send(request);
    String diagnostics = diagnostics(answer);
    System.out.printf("[reliability] bad input | %s | %d | %s%n", name, answer.status(),
        diagnostics.length() > 160 ? diagnostics.substring(0, 160) + "…" : diagnostics);

    assertEquals(status, answer.status(), () -> name + ": " + answer);
    assertFalse(diagnostics.isBlank(), () -> name + ": the answer is an OperationOutcome that says why: " + answer);
    assertEquals(before, storedVersions(), () -> name + ": the store is unchanged");
  }

  private static String diagnostics(Http.Response answer) {
    try {
      OperationOutcome outcome = answer.outcome();
      return outcome.getIssue().stream().map(i -> i.getDiagnostics() + (i.hasExpression() ? " @" + i.getExpression() : ""))
          .reduce((a, b) -> a + "; " + b).orElse("");
    } catch (RuntimeException notAnOutcome) {
      return "";
    }
  }

  /** Every resource version in the store, over all types. */
  private static int storedVersions() {
    Http.Response history = Http.shared().get("/fhir/_history?_count=1&_total=accurate");
    assertEquals(200, history.status(), history::toString);
    return history.resource(Bundle.class).getTotal();
  }

  private static byte[] body(String source) throws IOException {
    switch (source) {
      case "gen:20mb": {
        StringBuilder sb = new StringBuilder("{\"resourceType\":\"Organization\",\"name\":\"");
        sb.append("x".repeat(20 * 1024 * 1024)).append("\"}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
      }
      case "gen:deep-json": {
        int depth = 100_000;
        StringBuilder sb = new StringBuilder("{\"resourceType\":\"Organization\",\"name\":");
        sb.append("[".repeat(depth)).append("\"x\"").append("]".repeat(depth)).append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
      }
      case "gen:deep-extensions-json": {
        // deep enough to overflow the validator's stack, yet within the JSON parser's own limit
        String open = "{\"url\":\"http://example.org/nest\",\"extension\":[";
        String leaf = "{\"url\":\"http://example.org/leaf\",\"valueString\":\"x\"}";
        return ("{\"resourceType\":\"Organization\",\"name\":\"Diep\",\"extension\":[" + open.repeat(400) + leaf
            + "]}".repeat(400) + "]}").getBytes(StandardCharsets.UTF_8);
      }
      case "gen:deep-extensions-xml": {
        String open = "<extension url=\"http://example.org/nest\">";
        String leaf = "<extension url=\"http://example.org/leaf\"><valueString value=\"x\"/></extension>";
        return ("<Organization xmlns=\"http://hl7.org/fhir\">" + open.repeat(400) + leaf + "</extension>".repeat(400)
            + "<name value=\"Diep\"/></Organization>").getBytes(StandardCharsets.UTF_8);
      }
      case "gen:bundle-10000": {
        Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (int i = 0; i < 10_000; i++) {
          tx.addEntry().setResource(Data.organization("b" + i, "Massa " + i))
              .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Organization");
        }
        return Data.json(tx).getBytes(StandardCharsets.UTF_8);
      }
      default:
        try (InputStream in = BadInputTest.class.getResourceAsStream("/bad-input/" + source)) {
          return in.readAllBytes();
        }
    }
  }

  private static String root() {
    return TestServer.shared().baseUrl().replaceAll("/fhir$", "");
  }
}
