package nl.geboorteketen.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The leak check the security tests lean on: a real mention counts, the envelope's chance digits do not. */
class ResponseMentionsTest {

  private static final String ENVELOPE = "{\"resourceType\":\"Bundle\",\"id\":\"140cef41-409e-413e-83e8-a2101dbf8b0b\","
      + "\"type\":\"batch-response\",\"link\":[{\"relation\":\"self\",\"url\":\"http://127.0.0.1:39603/fhir\"}],"
      + "\"entry\":[{\"response\":{\"status\":\"403 Forbidden\",\"outcome\":{\"resourceType\":\"OperationOutcome\","
      + "\"issue\":[{\"severity\":\"error\",\"code\":\"forbidden\",\"diagnostics\":\"%s\"}]}}}]}";

  @ParameterizedTest(name = "{0} in \"{1}\": {2}")
  @CsvSource(delimiter = '|', value = {
      "409   | niet de uwe                         | false",
      "39603 | niet de uwe                         | false",
      "413   | niet de uwe                         | false",
      "57    | Observation/57 verwijst ernaar      | true",
      "57    | EpisodeOfCare/57/_history/2 bestaat | true",
      "57    | Observation/157 verwijst ernaar     | false",
      "57    | Observation/571 verwijst ernaar     | false",
  })
  void aMentionIsAWholeWordOutsideTheEnvelope(String id, String diagnostics, boolean mentioned) {
    Http.Response answer = new Http.Response(200, ENVELOPE.formatted(diagnostics), null);
    assertEquals(mentioned, answer.mentions(id));
  }

  @ParameterizedTest
  @CsvSource({"57, true", "5, false"})
  void aPlainOutcomeIsReadWhole(String id, boolean mentioned) {
    String outcome = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"Patient/57\"}]}";
    assertEquals(mentioned, new Http.Response(403, outcome, null).mentions(id));
  }
}
