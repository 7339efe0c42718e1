package nl.geboorteketen.server.izk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Where two FHIR JSON records differ, path by path, but for the meta the server keeps (version, time, source). */
final class JsonDiff {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonDiff() {}

  static List<String> of(String expectedJson, String actualJson) {
    try {
      List<String> out = new ArrayList<>();
      diff("", withoutServerMeta(JSON.readTree(expectedJson)), withoutServerMeta(JSON.readTree(actualJson)), out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode withoutServerMeta(JsonNode resource) {
    if (resource.get("meta") instanceof ObjectNode meta) {
      meta.remove(List.of("versionId", "lastUpdated", "source"));
      if (meta.isEmpty()) {
        ((ObjectNode) resource).remove("meta");
      }
    }
    return resource;
  }

  private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a.equals(b)) {
      return;
    }
    if (a.isObject() && b != null && b.isObject()) {
      a.fieldNames().forEachRemaining(k -> diff(path + "." + k, a.get(k), b.has(k) ? b.get(k) : JSON.nullNode(), out));
      b.fieldNames().forEachRemaining(k -> {
        if (!a.has(k)) {
          out.add(path + "." + k + " added");
        }
      });
    } else if (a.isArray() && b != null && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(path + "[" + i + "]", a.get(i), b.get(i), out);
      }
    } else {
      out.add(path + ": " + abbreviate(a) + " -> " + abbreviate(b));
    }
  }

  private static String abbreviate(JsonNode n) {
    String s = String.valueOf(n);
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
