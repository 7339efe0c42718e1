package nl.geboorteketen.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bearer tokens from a token endpoint (by default our server's development endpoint): the run's
 * own token (given on the command line, or fetched once), and the partner and PGO tokens the
 * chain steps act with.
 */
public final class Tokens {

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
  /** A cached token is fetched again this long before it expires. */
  private static final Duration MARGIN = Duration.ofMinutes(5);

  private final URI endpoint;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(String token, long refreshAtNanos) {}

  private Tokens(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** The endpoint of --token-endpoint, with {base} the root URL of the server at fhirBaseUrl; null: none. */
  public static Tokens endpoint(Options options, String fhirBaseUrl) {
    if (options.tokenEndpoint() == null) {
      return null;
    }
    String root = fhirBaseUrl.substring(0, fhirBaseUrl.length() - "/fhir".length());
    return new Tokens(URI.create(options.tokenEndpoint().replace("{base}", root)));
  }

  /** The run's own token; null when the run uses no token. */
  static String forServer(Options options, String fhirBaseUrl) {
    if (options.token() != null) {
      return options.token();
    }
    Tokens tokens = endpoint(options, fhirBaseUrl);
    return tokens == null ? null : tokens.fresh(options.tokenBody());
  }

  /** A token for this form body (e.g. "role=verloskundige&org=Organization/1"), reused until shortly before it expires. */
  public String cached(String formBody) {
    long now = System.nanoTime();
    Cached c = cache.get(formBody);
    if (c == null || now - c.refreshAtNanos() >= 0) {
      c = fetch(formBody);
      cache.put(formBody, c);
    }
    return c.token();
  }

  /** A new token for this form body (e.g. "bsn=123456782" for a PGO user). */
  public String fresh(String formBody) {
    return fetch(formBody).token();
  }

  private Cached fetch(String formBody) {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(formBody)).build();
    HttpResponse<String> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("No token from " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while fetching a token from " + endpoint, e);
    }
    Matcher m = ACCESS_TOKEN.matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("No token from " + endpoint + " for " + formBody + ": " + r.statusCode() + " " + r.body());
    }
    Matcher expires = EXPIRES_IN.matcher(r.body());
    long lifetime = expires.find() ? Long.parseLong(expires.group(1)) : 3600;
    long refreshIn = Math.max(0, Duration.ofSeconds(lifetime).minus(MARGIN).toNanos());
    return new Cached(m.group(1), System.nanoTime() + refreshIn);
  }
}
