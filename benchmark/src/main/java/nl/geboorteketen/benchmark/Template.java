package nl.geboorteketen.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON request body from src/main/resources/templates with {{name}} placeholders. Plain text
 * replacement keeps the client cheap: the harness shares two cores with the server it measures.
 */
public final class Template {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
  private static final Pattern LOCATION = Pattern.compile("\"location\"\\s*:\\s*\"([A-Za-z]+/[^/\"]+)");

  private final String text;

  private Template(String text) {
    this.text = text;
  }

  public static Template load(String name) {
    try (InputStream in = Template.class.getResourceAsStream("/templates/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No template " + name);
      }
      return new Template(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fills every placeholder: from the values, else a fresh UUID (for urn:uuid full URLs). */
  public String fill(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    Map<String, String> fresh = new java.util.HashMap<>();
    StringBuilder out = new StringBuilder(text.length() + 256);
    while (m.find()) {
      String key = m.group(1);
      String value = values.get(key);
      if (value == null) {
        value = fresh.computeIfAbsent(key, k -> UUID.randomUUID().toString());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The "Type/id" of every entry of a transaction response, in entry order. */
  public static List<String> locations(String transactionResponse) {
    List<String> ids = new ArrayList<>();
    Matcher m = LOCATION.matcher(transactionResponse);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** The id of a resource created with POST, from its Location header. */
  public static String idFromLocation(String location, String baseUrl) {
    String rest = location.startsWith(baseUrl) ? location.substring(baseUrl.length() + 1) : location;
    int history = rest.indexOf("/_history");
    return history < 0 ? rest : rest.substring(0, history);
  }
}
