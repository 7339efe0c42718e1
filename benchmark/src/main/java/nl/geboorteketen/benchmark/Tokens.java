package nl.geboorteketen.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bearer token for a run: given on the command line, or fetched once from a token endpoint. */
final class Tokens {

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private Tokens() {}

  /** null when the run uses no token. */
  static String forServer(Options options, String fhirBaseUrl) throws IOException, InterruptedException {
    if (options.token() != null) {
      return options.token();
    }
    if (options.tokenEndpoint() == null) {
      return null;
    }
    String root = fhirBaseUrl.substring(0, fhirBaseUrl.length() - "/fhir".length());
    HttpRequest request = HttpRequest.newBuilder(URI.create(options.tokenEndpoint().replace("{base}", root)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(options.tokenBody())).build();
    HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    Matcher m = ACCESS_TOKEN.matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("No token from " + request.uri() + ": " + r.statusCode() + " " + r.body());
    }
    return m.group(1);
  }
}
