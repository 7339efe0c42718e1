package nl.geboorteketen.server.support;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Plain HTTP against the test server, for tests where status codes and raw bytes matter. */
public final class Http {

  public static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String root;
  private final String token;

  /** Sends the beheerder test token with every request. */
  public Http(String root) {
    this(root, TestTokens.beheerder());
  }

  private Http(String root, String token) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.token = token;
  }

  /** The same server, with this bearer token (null: no Authorization header). */
  public Http withToken(String bearer) {
    return new Http(root, bearer);
  }

  public Http anonymous() {
    return withToken(null);
  }

  /** Against the shared test server; paths are relative to the server root ("/fhir/Patient"). */
  public static Http shared() {
    String base = TestServer.shared().baseUrl();
    return new Http(base.substring(0, base.length() - "/fhir".length()));
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(root + path)).GET().header("Accept", "application/fhir+json"));
  }

  public Response post(String path, String body, String contentType) {
    return send(HttpRequest.newBuilder(URI.create(root + path))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType).header("Accept", "application/fhir+json"));
  }

  public Response put(String path, String body, String contentType) {
    return send(HttpRequest.newBuilder(URI.create(root + path))
        .PUT(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType).header("Accept", "application/fhir+json"));
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(root + path)).DELETE().header("Accept", "application/fhir+json"));
  }

  public Response postJson(String path, IBaseResource resource) {
    return post(path, FHIR.newJsonParser().encodeResourceToString(resource), "application/fhir+json");
  }

  public Response send(HttpRequest.Builder request) {
    if (token != null) {
      request.setHeader("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One answer: status, body and parsing helpers. */
  public record Response(int status, String body, HttpResponse<String> raw) {

    /** Parses the body; an abstract type such as {@code Resource} means "whatever type the body has". */
    public <T extends IBaseResource> T resource(Class<T> type) {
      if (java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
        return type.cast(FHIR.newJsonParser().parseResource(body));
      }
      return FHIR.newJsonParser().parseResource(type, body);
    }

    /**
     * Whether the answer names {@code id} as a whole word outside its own envelope. A plain
     * {@code body().contains(id)} is not a test: a bundle's random id and its self link (which
     * holds the port) contain short numbers by chance.
     */
    public boolean mentions(String id) {
      String text = body;
      if (body.startsWith("{\"resourceType\":\"Bundle\"")) {
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, body);
        bundle.setIdElement(null);
        bundle.setMeta(null);
        bundle.getLink().clear();
        text = FHIR.newJsonParser().encodeResourceToString(bundle);
      }
      return Pattern.compile("(?<![\\w.:-])" + Pattern.quote(id) + "(?![\\w-])").matcher(text).find();
    }

    public OperationOutcome outcome() {
      return resource(OperationOutcome.class);
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
    }
  }
}
