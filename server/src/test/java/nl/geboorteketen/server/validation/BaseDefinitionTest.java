package nl.geboorteketen.server.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import nl.geboorteketen.server.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A record no profile of ours applies to, and that claims none, still meets FHIR's own definition. */
class BaseDefinitionTest {

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource(delimiter = ';', value = {
    "Observation; without code; {\"resourceType\":\"Observation\",\"status\":\"final\"}; 422; Observation.code",
    "Observation; without status; {\"resourceType\":\"Observation\",\"code\":{\"text\":\"lengte\"}}; 422; Observation.status",
    "Observation; with an unprofiled code; {\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://example.org/codes\",\"code\":\"x\"}]}}; 201; ",
    "Basic; without code; {\"resourceType\":\"Basic\"}; 422; Basic.code",
    "Basic; with code; {\"resourceType\":\"Basic\",\"code\":{\"text\":\"notitie\"}}; 201; ",
  })
  void isCheckedAgainstFhirsOwnDefinition(String type, String what, String json, int status, String element) {
    Http.Response response = Http.shared().post("/fhir/" + type, json, "application/fhir+json");

    assertEquals(status, response.status(), response::toString);
    if (status == 422) {
      // a missing element is reported at its parent, and named in the message
      assertTrue(response.body().contains(element + ": minimum required = 1"), response::toString);
      assertTrue(response.body().contains("de FHIR R4-definitie van " + type), response::toString);
    }
  }

  @Test
  void aTransactionWithSuchARecordStoresNothing() {
    String marker = "base-" + UUID.randomUUID();
    String bundle = """
        {"resourceType":"Bundle","type":"transaction","entry":[
          {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Basic","code":{"text":"%2$s"}},
           "request":{"method":"POST","url":"Basic"}},
          {"resource":{"resourceType":"Observation","status":"final","subject":{"reference":"urn:uuid:%1$s"}},
           "request":{"method":"POST","url":"Observation"}}]}
        """.formatted(UUID.randomUUID(), marker);

    Http.Response response = Http.shared().post("/fhir", bundle, "application/fhir+json");

    assertEquals(422, response.status(), response::toString);
    assertTrue(response.body().contains("Observation.code"), response::toString);
    Http.Response stored = Http.shared().get("/fhir/Basic?code:text=" + marker + "&_summary=count");
    assertTrue(stored.body().contains("\"total\":0"), stored::toString);
  }
}
