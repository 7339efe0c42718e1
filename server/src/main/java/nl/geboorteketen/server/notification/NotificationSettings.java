package nl.geboorteketen.server.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Settings of the notification feature, read once at start-up like the server's Settings (environment
 * variable over the config file over a JVM system property over the default).
 *
 * @param allowedEndpoints URL prefixes a rest-hook endpoint must start with (empty: no endpoint allowed)
 */
public record NotificationSettings(
    List<String> allowedEndpoints, Duration pollInterval, Duration retryBase, Duration retryMax, Duration maxAge) {

  public static NotificationSettings load() {
    Properties file = new Properties();
    Path path = Path.of(System.getenv().getOrDefault("GK_CONFIG", "geboorteketen.properties"));
    if (Files.isRegularFile(path)) {
      try (InputStream in = Files.newInputStream(path)) {
        file.load(in);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read config file " + path.toAbsolutePath(), e);
      }
    }
    return new NotificationSettings(
        Arrays.stream(get("GK_SUBSCRIPTION_ALLOWED_ENDPOINTS", file, "").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).toList(),
        Duration.ofMillis(Long.parseLong(get("GK_NOTIFY_POLL_MS", file, "500"))),
        Duration.ofMillis(Long.parseLong(get("GK_NOTIFY_RETRY_BASE_MS", file, "1000"))),
        Duration.ofMillis(Long.parseLong(get("GK_NOTIFY_RETRY_MAX_MS", file, "300000"))),
        Duration.ofHours(Long.parseLong(get("GK_NOTIFY_MAX_AGE_HOURS", file, "72"))));
  }

  private static String get(String key, Properties file, String fallback) {
    String env = System.getenv(key);
    if (env != null && !env.isBlank()) {
      return env;
    }
    String fromFile = file.getProperty(key);
    if (fromFile != null) {
      return fromFile;
    }
    return System.getProperty(key, fallback);
  }

  /**
   * True when the endpoint is an absolute http(s) URL without user info that starts with an allowed
   * prefix. Compared on the normalised URI so "http://allowed.example@evil" or "/../" tricks do not pass.
   */
  public boolean allows(String endpoint) {
    if (endpoint == null) {
      return false;
    }
    try {
      URI uri = new URI(endpoint).normalize();
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawUserInfo() != null || uri.getHost() == null) {
        return false;
      }
      String normalised = uri.toString();
      return allowedEndpoints.stream().anyMatch(prefix -> startsWithWhole(normalised, prefix));
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * A prefix ends where a host, port or path segment ends: "https://jgz.example.nl" allows
   * "https://jgz.example.nl/hook", not "https://jgz.example.nl.evil.org/hook"; "…/fhir-hook" allows
   * "…/fhir-hook/x", not "…/fhir-hook-evil". A prefix that ends in "/" or ":" has said where it ends.
   */
  static boolean startsWithWhole(String endpoint, String prefix) {
    if (!endpoint.startsWith(prefix)) {
      return false;
    }
    if (endpoint.length() == prefix.length() || prefix.endsWith("/") || prefix.endsWith(":")) {
      return true;
    }
    return "/?#".indexOf(endpoint.charAt(prefix.length())) >= 0;
  }
}
