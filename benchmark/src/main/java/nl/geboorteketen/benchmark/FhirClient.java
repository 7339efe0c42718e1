package nl.geboorteketen.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP against one FHIR base URL; every call is timed and counted under a request kind in the
 * current {@link Recorder}. A bearer token, when given, goes with every request; {@link #as}
 * gives the same connection and recorder with another caller's token.
 */
public final class FhirClient {

  private static final Logger LOG = LoggerFactory.getLogger(FhirClient.class);
  private static final String FHIR_JSON = "application/fhir+json";
  private static final int ERRORS_LOGGED_PER_KIND = 3;

  /** What every caller of one client shares: the HTTP client, the current recorder, the error log counts. */
  private static final class Connection {
    private final HttpClient http;
    private final String baseUrl;
    private final ConcurrentHashMap<String, AtomicInteger> errorsLogged = new ConcurrentHashMap<>();
    private volatile Recorder recorder = new Recorder();

    private Connection(String baseUrl, int clients) {
      this.baseUrl = baseUrl;
      this.http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .executor(Executors.newFixedThreadPool(Math.max(2, clients), Connection::daemon))
          .build();
    }

    /** The HTTP client's worker threads must not keep the harness JVM alive once the report is written. */
    private static Thread daemon(Runnable r) {
      Thread t = new Thread(r, "fhir-client-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Connection connection;
  private final String bearerToken;

  public FhirClient(String baseUrl, String bearerToken, int clients) {
    this(new Connection(baseUrl, clients), bearerToken);
  }

  private FhirClient(Connection connection, String bearerToken) {
    this.connection = connection;
    this.bearerToken = bearerToken;
  }

  /** The same connection and recorder, sending another bearer token (a partner's, a PGO's). */
  public FhirClient as(String otherBearerToken) {
    return new FhirClient(connection, otherBearerToken);
  }

  public String baseUrl() {
    return connection.baseUrl;
  }

  /** Where the following calls are counted (for every caller of this connection). */
  public void recordInto(Recorder next) {
    connection.recorder = next;
  }

  public Response get(String kind, String path) {
    return send(kind, request(path).GET());
  }

  public Response post(String kind, String path, String json) {
    return send(kind, request(path).POST(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", FHIR_JSON));
  }

  /** A transaction or batch bundle, posted to the base URL. */
  public Response transaction(String kind, String bundleJson) {
    return post(kind, "", bundleJson);
  }

  private HttpRequest.Builder request(String path) {
    String encoded = path.replace("|", "%7C");
    String baseUrl = connection.baseUrl;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(encoded.isEmpty() ? baseUrl : baseUrl + "/" + encoded))
        .timeout(Duration.ofSeconds(120))
        .header("Accept", FHIR_JSON);
    if (bearerToken != null) {
      b.header("Authorization", "Bearer " + bearerToken);
    }
    return b;
  }

  private Response send(String kind, HttpRequest.Builder builder) {
    LatencyStats stats = connection.recorder.kind(kind);
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = connection.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      long elapsed = System.nanoTime() - start;
      Response response = new Response(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
      if (response.ok()) {
        stats.record(elapsed);
      } else {
        stats.error();
        logError(kind, response.status() + " " + abbreviate(response.body()));
      }
      return response;
    } catch (IOException e) {
      stats.error();
      logError(kind, e.toString());
      return new Response(-1, e.toString(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(-1, "interrupted", null);
    }
  }

  private void logError(String kind, String what) {
    if (connection.errorsLogged.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet() <= ERRORS_LOGGED_PER_KIND) {
      LOG.warn("{} failed: {}", kind, what);
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 600 ? body.substring(0, 600) + "…" : body;
  }

  /** One answer. */
  public record Response(int status, String body, String location) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }
}
