package nl.geboorteketen.server.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of an {@code application/x-www-form-urlencoded} body, added to those of the query string. */
final class FormParameters {

  private FormParameters() {}

  static Map<String, String[]> merge(Map<String, String[]> query, String form) {
    Map<String, List<String>> all = new LinkedHashMap<>();
    query.forEach((name, values) -> all.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(values)));
    for (String pair : form.split("&")) {
      if (pair.isBlank()) {
        continue;
      }
      int at = pair.indexOf('=');
      String name = decode(at < 0 ? pair : pair.substring(0, at));
      String value = at < 0 ? "" : decode(pair.substring(at + 1));
      all.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    Map<String, String[]> merged = new LinkedHashMap<>();
    all.forEach((name, values) -> merged.put(name, values.toArray(String[]::new)));
    return Collections.unmodifiableMap(merged);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.trim(), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s; // a stray '%' is kept as sent; the search answers 400 for a value it cannot use
    }
  }
}
