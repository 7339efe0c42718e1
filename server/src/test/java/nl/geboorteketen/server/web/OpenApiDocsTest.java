package nl.geboorteketen.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.geboorteketen.server.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document carries the bearer scheme and our operations' parameters from the package. */
class OpenApiDocsTest {

  private static JsonNode api;

  @BeforeAll
  static void readTheDocument() throws Exception {
    // anonymous, as Swagger UI reads it; a few MB of YAML, generated per request: a patient timeout
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(TestServer.shared().baseUrl() + "/api-docs")).timeout(Duration.ofMinutes(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r::body);
    org.yaml.snakeyaml.LoaderOptions large = new org.yaml.snakeyaml.LoaderOptions();
    large.setCodePointLimit(64 * 1024 * 1024);
    api = new ObjectMapper(YAMLFactory.builder().loaderOptions(large).build()).readTree(r.body());
  }

  @Test
  void everyRequestIsDeclaredToNeedABearerJwt() {
    JsonNode scheme = api.path("components").path("securitySchemes").path(OpenApiDocs.BEARER);
    assertEquals("http", scheme.path("type").asText(), scheme::toString);
    assertEquals("bearer", scheme.path("scheme").asText());
    assertEquals("JWT", scheme.path("bearerFormat").asText());
    assertTrue(scheme.path("description").asText().contains("/dev/token"), "says where a dev token comes from");
    assertTrue(api.path("security").toString().contains("\"" + OpenApiDocs.BEARER + "\""), api.path("security")::toString);
  }

  @Test
  void theOperationIsDescribedByItsDefinitionWithItsCharactersIntact() {
    JsonNode post = api.path("paths").path("/EpisodeOfCare/{id}/$overdracht").path("post");
    assertEquals("Overdracht (handover) from the maternal record", post.path("summary").asText(), post::toString);
    assertTrue(post.path("description").asText().contains("maternal record — only what"), post::toString);
  }

  @Test
  void lipIndicatieTypesEersteKindAsBooleanWithItsDutchDocumentation() {
    List<JsonNode> forms = parameterForms("/ServiceRequest/$lip-indicatie", "eersteKind");
    assertFalse(forms.isEmpty(), "no eersteKind in $lip-indicatie");
    for (JsonNode p : forms) {
      assertEquals("boolean", p.path("schema").path("type").asText(), p::toString);
      assertTrue(p.path("description").asText().startsWith("Eerste kind (true) of volgend kind"), p::toString);
    }
  }

  @Test
  void overdrachtRequiresItsTypeAndListsTheAllowedCodes() {
    JsonNode body = api.path("paths").path("/EpisodeOfCare/{id}/$overdracht").path("post").path("requestBody");
    assertTrue(body.path("required").asBoolean(), body::toString);
    JsonNode schema = body.path("content").path("application/fhir+json").path("schema");
    assertTrue(schema.path("x-fhir-required-parameters").toString().contains("\"type\""), schema::toString);
    JsonNode type = item(schema, "type");
    assertEquals(1, type.path("x-fhir-min").asInt(), type::toString);
    JsonNode code = type.path("properties").path("valueCode");
    assertEquals("string", code.path("type").asText(), code::toString);
    assertTrue(code.path("enum").toString().contains("\"verloskundige-kraamzorg\""), code::toString);
    assertEquals(0, item(schema, "zender").path("x-fhir-min").asInt());
  }

  @Test
  void aGetOperationTakesItsInputsAsTypedQueryParameters() {
    JsonNode get = api.path("paths").path("/Patient/{id}/$zorgrelaties").path("get");
    JsonNode onlyActive = null;
    for (JsonNode p : get.path("parameters")) {
      if ("alleen-actief".equals(p.path("name").asText())) {
        onlyActive = p;
      }
    }
    assertNotNull(onlyActive, get::toString);
    assertEquals("query", onlyActive.path("in").asText());
    assertEquals("boolean", onlyActive.path("schema").path("type").asText(), onlyActive::toString);
    assertFalse(onlyActive.path("required").asBoolean());
  }

  /** The parameter as query parameter (GET) and as body item (POST), each as {description, schema}. */
  private static List<JsonNode> parameterForms(String path, String name) {
    List<JsonNode> forms = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    JsonNode item = api.path("paths").path(path);
    for (JsonNode p : item.path("get").path("parameters")) {
      if (name.equals(p.path("name").asText())) {
        forms.add(p);
      }
    }
    JsonNode schema = item.path("post").path("requestBody").path("content").path("application/fhir+json").path("schema");
    if (!schema.isMissingNode()) {
      JsonNode bodyItem = item(schema, name);
      JsonNode value = bodyItem.path("properties").path("valueBoolean");
      forms.add(json.createObjectNode().put("description", bodyItem.path("description").asText())
          .set("schema", value));
    }
    return forms;
  }

  private static JsonNode item(JsonNode parametersSchema, String name) {
    for (JsonNode candidate : parametersSchema.path("properties").path("parameter").path("items").path("oneOf")) {
      if (candidate.path("properties").path("name").path("enum").toString().equals("[\"" + name + "\"]")) {
        return candidate;
      }
    }
    throw new AssertionError("no parameter " + name + " in " + parametersSchema);
  }
}
